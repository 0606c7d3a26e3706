/** Shared helpers for the data command-line tools. */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Issue, Warning } from '../import/issues';
import type { EncodingChoice } from '../import/1-decode';
import { isArchive } from '../import/ingest';

/** `row 12, column "estimate": message` — the line format of the data:check contract. */
export function formatIssue(issue: Issue | Warning): string {
  const where = issue.row === null ? (issue.column ? `column "${issue.column}"` : 'file') : issue.column === null ? `row ${issue.row}` : `row ${issue.row}, column "${issue.column}"`;
  return `${where}: ${issue.message}`;
}

/** Whether a file starts like an archive (a ZIP, an .xlsx, or an OLE workbook): read whole, table by table. */
export async function startsLikeArchive(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    await handle.read(head, 0, 8, 0);
    return isArchive(head);
  } finally {
    await handle.close();
  }
}

export function fileStream(file: string) {
  return createReadStream(file, { highWaterMark: 256 << 10 });
}

export interface CliArgs {
  json: boolean;
  encoding: EncodingChoice;
  files: string[];
}

export function parseArgs(argv: string[], usage: string): CliArgs {
  const args: CliArgs = { json: false, encoding: 'auto', files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--encoding' || a.startsWith('--encoding=')) {
      const value = a.includes('=') ? a.split('=')[1] : argv[++i];
      if (value !== 'auto' && value !== 'utf-8' && value !== 'windows-1252') {
        console.error(`Unknown encoding ${value}; use auto, utf-8 or windows-1252.\n${usage}`);
        process.exit(2);
      }
      args.encoding = value;
    } else if (a === '--help' || a === '-h') {
      console.log(usage);
      process.exit(0);
    } else if (a.startsWith('--')) {
      console.error(`Unknown option ${a}.\n${usage}`);
      process.exit(2);
    } else args.files.push(a);
  }
  return args;
}
