import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '@/lib/import/2-parse';
import { IssueLog } from '@/lib/import/issues';
import { quoteCell } from '@/lib/format/csv';

async function read(input: string | Uint8Array, chunkSize?: number) {
  const log = new IssueLog();
  const rows: Array<{ row: number; record: string[] }> = [];
  const result = await readCsvRecords(
    typeof input === 'string' ? Buffer.from(input, 'utf8') : input,
    (records, first) => {
      records.forEach((record, i) => rows.push({ row: first + i, record }));
    },
    log,
    { chunkSize },
  );
  return { rows, log, result };
}

describe('readCsvRecords', () => {
  it('numbers rows as a spreadsheet does, counting a quoted line break as part of its row', async () => {
    const { rows } = await read('a,b\n"x\ny",1\nz,2\n');
    expect(rows).toEqual([
      { row: 1, record: ['a', 'b'] },
      { row: 2, record: ['x\ny', '1'] },
      { row: 3, record: ['z', '2'] },
    ]);
  });

  it('gives the same records whatever the chunk size, even when a chunk ends inside quotes or between CR and LF', async () => {
    const text = 'h1,h2\r\n"a,""b""\r\nc",2\r\nplain,"é, ü"\r\n"",3\r\n';
    const whole = (await read(text)).rows;
    for (let size = 1; size <= 12; size++) expect((await read(text, size)).rows).toEqual(whole);
  });

  it('reports mixed line endings instead of leaving a stray \\r in the last value', async () => {
    const { log } = await read('a,b\n1,2\r\n3,4\r\n');
    expect(log.errors[0]).toMatchObject({ code: 'format-error', row: 2 });
  });

  it('reports an unclosed quote at the row where it opened and stops', async () => {
    const { log, result } = await read('a,b\n1,2\n"3,4\n5,6\n');
    expect(log.errors).toHaveLength(1);
    expect(log.errors[0]).toMatchObject({ code: 'format-error', row: 3 });
    expect(result.stopped).toBe(true);
  });

  it('allows exactly one final line break; further empty lines stay as records for the importer to flag', async () => {
    expect((await read('a\n1\n')).rows.map((r) => r.record)).toEqual([['a'], ['1']]);
    expect((await read('a\n1\n\n')).rows.map((r) => r.record)).toEqual([['a'], ['1'], ['']]);
  });

  it('reports an empty file', async () => {
    const { log } = await read('');
    expect(log.errors[0]).toMatchObject({ code: 'format-error', row: 1 });
  });

  it('reads back any table that RFC 4180 quoting wrote, in any chunk size (property)', async () => {
    const cellArb = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r\n', 'é', '—', '😀', ';') });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cellArb, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 64 }),
        async (table, chunkSize) => {
          // A row whose only cell is empty is indistinguishable from a blank line; keep rows non-blank.
          const rows = table.map((r) => (r.every((c) => c === '') ? ['x', ...r.slice(1)] : r));
          const text = rows.map((r) => r.map((c) => (c === '' ? '' : `"${c.replace(/"/g, '""')}"`)).join(',')).join('\n') + '\n';
          const { rows: got, log } = await read(text, chunkSize);
          expect(log.errors).toEqual([]);
          expect(got.map((g) => g.record)).toEqual(rows);
        },
      ),
      { numRuns: 300, seed: 20261126 },
    );
  });

  it('agrees with papaparse on unquoted CSV, so our layer adds checks without changing values', async () => {
    const text = 'a,b,c\n1,,3\nx y,z,\n';
    const papa = Papa.parse<string[]>(text.trimEnd(), { delimiter: ',', newline: '\n' }).data;
    expect((await read(text)).rows.map((r) => r.record)).toEqual(papa);
    expect(quoteCell('x y')).toBe('x y');
  });
});
