/**
 * The audit log: one JSON object per line in audit.log in the private folder, appended and
 * flushed, never rewritten. Who, when, what, and the data's hash before and after.
 */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { appendLineDurable } from './atomic';
import { privatePath, writablePrivatePath } from './paths';

export type AuditAction = 'sign-in' | 'sign-in-refused' | 'sign-out' | 'upload' | 'publish' | 'rollback' | 'add-dataset';

export interface AuditEntry {
  id: string;
  time: string;
  user: string;
  action: AuditAction;
  dataset?: string;
  /** sha256 of the live CSV before and after (null: the dataset did not exist). */
  fromHash?: string | null;
  toHash?: string;
  version?: string;
  note?: string;
  detail?: string;
  address?: string;
}

export const auditFile = () => privatePath('audit.log');

export function newAuditEntry(entry: Omit<AuditEntry, 'id' | 'time'>, time = new Date()): AuditEntry {
  return { id: randomUUID(), time: time.toISOString(), ...entry };
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await appendLineDurable(writablePrivatePath('audit.log'), JSON.stringify(entry));
}

/** Every entry, oldest first. A torn last line (a crash mid-append) is skipped. */
export function readAudit(): AuditEntry[] {
  let text: string;
  try {
    text = readFileSync(auditFile(), 'utf8');
  } catch {
    return [];
  }
  const entries: AuditEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line) as AuditEntry);
    } catch {
      // torn line
    }
  }
  return entries;
}
