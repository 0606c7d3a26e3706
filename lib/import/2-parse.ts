/**
 * CSV bytes → records, streaming. A thin layer over papaparse that fixes the dialect (comma,
 * double quote, no type guessing), decodes bytes deliberately, numbers rows as a spreadsheet
 * does, and turns every papaparse complaint and every silent acceptance papaparse is known for
 * (mixed line endings, stray byte-order marks, NUL bytes) into an error with a row.
 *
 * Large files are cut into pieces at record boundaries (found by quote parity, which RFC 4180
 * quoting preserves), and each piece goes through `Papa.parse` on a string: papaparse's fastest
 * path, and free of its known chunk-boundary bugs because no record is ever split.
 */
import Papa from 'papaparse';
import { ByteDecoder, DecodeError, describeSamples, sniffNonCsv, type Encoding, type EncodingChoice } from './1-decode';
import type { IssueLog } from './issues';

export type ByteSource = Uint8Array | Iterable<Uint8Array> | AsyncIterable<Uint8Array>;

/** Receives consecutive records; `firstRow` is the spreadsheet row of `records[0]`. Return false to stop. */
export type RecordSink = (records: string[][], firstRow: number) => boolean | void;

export type LineEnding = 'LF' | 'CRLF' | 'CR';

export interface CsvReadResult {
  encoding: Encoding;
  hadBom: boolean;
  lineEnding: LineEnding | null;
  /** Records read (including the header and any preamble rows). */
  records: number;
  bytes: number;
  /** True when the sink asked to stop or a fatal problem ended reading early. */
  stopped: boolean;
}

export interface CsvReadOptions {
  encoding?: EncodingChoice;
  /** Size of the pieces a Uint8Array source is cut into. */
  chunkSize?: number;
  /** A record longer than this (or a quote left open this long) ends reading with an error. */
  maxRecordChars?: number;
}

/**
 * Pieces of at most 256 KB keep the rows alive at any moment small, so the garbage collector
 * frees them young: measured on a 100 MB file, 1 MB pieces peaked at ~320 MB RSS, 256 KB at ~200 MB.
 */
const DEFAULT_CHUNK = 256 << 10;
const DEFAULT_MAX_RECORD = 32 << 20;
const NEWLINES: Record<LineEnding, string> = { LF: '\n', CRLF: '\r\n', CR: '\r' };

async function* chunksOf(source: ByteSource, size: number): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    for (let i = 0; i < source.length; i += size) yield source.subarray(i, i + size);
    return;
  }
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    for (let i = 0; i < chunk.length; i += size) yield chunk.subarray(i, i + size);
  }
}

/** Positions of every double quote in `text`, in order. */
function quotePositions(text: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) out.push(i);
  return out;
}

/** Whether `pos` lies outside any quoted value, given the quote positions of text that starts at a record boundary. */
function outsideQuotes(quotes: number[], pos: number): boolean {
  let before = 0;
  while (before < quotes.length && quotes[before] < pos) before++;
  return before % 2 === 0;
}

/** Index of the last line break in `text` that ends a record (not inside quotes), or -1. */
function lastRecordBreak(text: string, nl: string, quotes: number[] | null): number {
  let pos = text.lastIndexOf(nl);
  if (!quotes || quotes.length === 0) return pos;
  while (pos !== -1 && !outsideQuotes(quotes, pos)) pos = pos === 0 ? -1 : text.lastIndexOf(nl, pos - 1);
  return pos;
}

function countOf(text: string, needle: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf(needle); i !== -1 && i < end; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** The line ending of the first record break outside quotes; 'wait' when more text is needed to tell. */
function detectLineEnding(text: string, final: boolean): LineEnding | null | 'wait' {
  const breaks = /\r\n|\r|\n/g;
  let quotes = 0;
  let counted = 0;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    for (let i = text.indexOf('"', counted); i !== -1 && i < m.index; i = text.indexOf('"', i + 1)) quotes++;
    counted = m.index;
    if (quotes % 2 === 1) continue; // a line break inside a quoted value
    if (m[0] === '\r' && m.index === text.length - 1 && !final) return 'wait';
    return m[0] === '\r\n' ? 'CRLF' : m[0] === '\r' ? 'CR' : 'LF';
  }
  return final ? null : 'wait';
}

/** Finds a line break that does not match the file's line ending, outside quotes. Returns its index or -1. */
function strayLineBreak(piece: string, ending: LineEnding, quotes: number[] | null): number {
  const ok = (i: number) => !quotes || outsideQuotes(quotes, i);
  if (ending === 'LF' || ending === 'CR') {
    const stray = ending === 'LF' ? '\r' : '\n';
    for (let i = piece.indexOf(stray); i !== -1; i = piece.indexOf(stray, i + 1)) if (ok(i)) return i;
    return -1;
  }
  for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) {
    if (piece.charCodeAt(i - 1) !== 13 && ok(i)) return i;
  }
  for (let i = piece.indexOf('\r'); i !== -1; i = piece.indexOf('\r', i + 1)) {
    if (piece.charCodeAt(i + 1) !== 10 && ok(i)) return i;
  }
  return -1;
}

const ENDING_NAMES: Record<LineEnding, string> = {
  LF: 'Unix/Mac line breaks (LF)',
  CRLF: 'Windows line breaks (CRLF)',
  CR: 'old Mac line breaks (CR)',
};

/**
 * Reads CSV records from bytes. Problems go to `log`; a problem that makes the rest of the file
 * unreadable (bad encoding, an unclosed quote) stops reading.
 */
export async function readCsvRecords(
  source: ByteSource,
  sink: RecordSink,
  log: IssueLog,
  options: CsvReadOptions = {},
): Promise<CsvReadResult> {
  const decoder = new ByteDecoder(options.encoding ?? 'auto');
  const maxRecord = options.maxRecordChars ?? DEFAULT_MAX_RECORD;
  let ending: LineEnding | null = null;
  let carry = '';
  let nextRow = 1;
  let bytes = 0;
  let stopped = false;
  let sniffed = false;
  let reportedStrayBreak = false;

  /** Spreadsheet row of character `offset` in `text`, which starts at row `nextRow`. */
  const rowAt = (text: string, offset: number) => nextRow + (ending ? countOf(text, NEWLINES[ending], offset) : 0);

  const checkCharacters = (text: string, piece: string) => {
    const base = text.length - piece.length;
    const checks: Array<[string, string]> = [
      ['\u0000', 'The file contains binary data (a NUL character), so it is not a CSV text file.'],
      ['\ufffd', 'The file contains the replacement character "�": its text was already damaged by an earlier conversion. Export it again from the original.'],
      ['\ufeff', 'A byte-order mark appears in the middle of the file; two files were probably joined together. Remove the extra mark (or the repeated header).'],
    ];
    for (const [ch, message] of checks) {
      const i = piece.indexOf(ch);
      if (i !== -1) {
        log.error(rowAt(text, base + i), null, ch === '\u0000' ? 'format-error' : 'encoding-error', message);
        return false;
      }
    }
    return true;
  };

  const parsePiece = (piece: string, quotes: number[] | null): boolean => {
    if (!ending) ending = 'LF';
    if (!reportedStrayBreak) {
      const stray = strayLineBreak(piece, ending, quotes);
      if (stray !== -1) {
        reportedStrayBreak = true;
        log.error(
          rowAt(piece, stray),
          null,
          'format-error',
          `The file mixes line-break styles: it starts with ${ENDING_NAMES[ending]} but this row has a different one. Save the file again from one program so every row ends the same way.`,
        );
        return false;
      }
    }
    const result = Papa.parse<string[]>(piece, {
      delimiter: ',',
      newline: NEWLINES[ending] as '\n',
      quoteChar: '"',
      escapeChar: '"',
      header: false,
      dynamicTyping: false,
      skipEmptyLines: false,
    });
    for (const e of result.errors) {
      const row = nextRow + (e.row ?? 0);
      if (e.code === 'MissingQuotes') {
        log.error(
          row,
          null,
          'format-error',
          'A quoted value that starts on this row is never closed: a closing double quote (") is missing, so the rest of the file cannot be read.',
        );
        return false;
      }
      log.error(
        row,
        null,
        'format-error',
        'A quoted value on this row is followed by other characters before the next comma (as in "a"b). Inside quotes, write a double quote as two ("").',
      );
    }
    const records = result.data;
    const first = nextRow;
    nextRow += records.length;
    if (records.length && sink(records, first) === false) return false;
    return true;
  };

  /** Takes new text; parses every complete record it can. Returns false to stop. */
  const feed = (piece: string, final: boolean): boolean => {
    let text = carry + piece;
    if (ending === null) {
      const detected = detectLineEnding(text, final);
      if (detected === 'wait') {
        if (!checkCharacters(text, piece)) return false;
        carry = text;
        return true;
      }
      ending = detected;
    }
    if (!checkCharacters(text, piece)) return false;
    const nl = ending ? NEWLINES[ending] : '\n';
    if (final) {
      carry = '';
      if (text.endsWith(nl)) text = text.slice(0, -nl.length);
      if (!text) return true;
      return parsePiece(text, text.indexOf('"') === -1 ? null : quotePositions(text));
    }
    const quotes = text.indexOf('"') === -1 ? null : quotePositions(text);
    const cut = lastRecordBreak(text, nl, quotes);
    if (cut === -1) {
      carry = text;
      if (carry.length > maxRecord) {
        log.error(
          nextRow,
          null,
          'format-error',
          `A row starting here is longer than ${Math.round(maxRecord / (1 << 20))} MB; most likely a double quote (") is never closed.`,
        );
        return false;
      }
      return true;
    }
    carry = text.slice(cut + nl.length);
    return parsePiece(text.slice(0, cut), quotes && quotes.filter((q) => q < cut));
  };

  let chunk: Uint8Array = new Uint8Array(0);
  /** True while the current chunk is being decoded, i.e. none of its text has been parsed yet. */
  let decoding = false;
  try {
    for await (chunk of chunksOf(source, options.chunkSize ?? DEFAULT_CHUNK)) {
      if (!sniffed) {
        sniffed = true;
        const problem = sniffNonCsv(chunk);
        if (problem) {
          log.error(1, null, problem.code, problem.message);
          stopped = true;
          break;
        }
      }
      bytes += chunk.length;
      decoding = true;
      const text = decoder.decode(chunk);
      decoding = false;
      if (!feed(text, false)) {
        stopped = true;
        break;
      }
    }
    if (!stopped && !feed(decoder.end(), true)) stopped = true;
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err;
    // Rows before the bad byte: those already parsed, the carried partial row, and (when the
    // chunk being decoded failed) the line breaks in that chunk up to the bad byte.
    let breaks = 0;
    if (decoding) {
      const within = Math.max(0, err.byteOffset - (bytes - chunk.length));
      const breakByte = ending === 'CR' ? 13 : 10;
      for (let i = chunk.indexOf(breakByte); i !== -1 && i < within; i = chunk.indexOf(breakByte, i + 1)) breaks++;
    }
    log.error(rowAt(carry, carry.length) + breaks, null, err.code, err.message);
    stopped = true;
  }
  if (bytes === 0 && !stopped) {
    log.error(1, null, 'format-error', 'The file is empty: it contains no bytes at all.');
  }
  if (decoder.fellBack) {
    log.warn(
      null,
      null,
      'encoding-fallback',
      `The file is not UTF-8, so it was read as Windows-1252 (what Excel saves as "CSV (Comma delimited)"). Check that accented letters and symbols look right${decoder.samples.length ? ` in the text it read (${describeSamples(decoder.samples)})` : ''}.`,
    );
  }
  return {
    encoding: decoder.encoding,
    hadBom: decoder.hadBom,
    lineEnding: ending,
    records: nextRow - 1,
    bytes,
    stopped,
  };
}
