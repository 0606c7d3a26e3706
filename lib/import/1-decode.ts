/**
 * Bytes → text, deliberately. UTF-8 is the default; Excel and SAMHSA also produce Windows-1252.
 * A byte sequence that is valid in neither is an error with its position, never a silent "�".
 */
import { isAscii } from 'node:buffer';

export type EncodingChoice = 'auto' | 'utf-8' | 'windows-1252';
export type Encoding = 'utf-8' | 'windows-1252';

export class DecodeError extends Error {
  constructor(
    readonly code: 'encoding-error' | 'format-error',
    message: string,
    /** Offset of the offending byte from the start of the file. */
    readonly byteOffset: number,
  ) {
    super(message);
  }
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** Recognises files that are not CSV text at all, from their first bytes. */
export function sniffNonCsv(head: Uint8Array): DecodeError | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0xff, 0xfe) || starts(0xfe, 0xff)) {
    return new DecodeError(
      'encoding-error',
      'The file is saved as UTF-16 (Excel calls it "Unicode Text"). Save it as "CSV UTF-8 (Comma delimited)" and try again.',
      0,
    );
  }
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    return new DecodeError(
      'format-error',
      'This is an Excel workbook (.xlsx) or a ZIP archive, not a CSV file. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)".',
      0,
    );
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) {
    return new DecodeError(
      'format-error',
      'This is an old-style Excel workbook (.xls), not a CSV file. In Excel choose File › Save As › "CSV UTF-8 (Comma delimited)".',
      0,
    );
  }
  if (starts(0x25, 0x50, 0x44, 0x46)) {
    return new DecodeError('format-error', 'This is a PDF document, not a CSV file.', 0);
  }
  const bomLength = starts(...UTF8_BOM) ? 3 : 0;
  const text = Buffer.from(head.subarray(bomLength, bomLength + 256)).toString('latin1').trimStart();
  if (/^<(!doctype\s+html|html|head|body|\?xml)/i.test(text)) {
    return new DecodeError(
      'format-error',
      'This looks like a web page (HTML), not a CSV file. It was probably saved from a browser error or download page; download the CSV file itself.',
      0,
    );
  }
  const probe = head.subarray(0, 4096);
  const nul = probe.indexOf(0);
  if (nul !== -1) {
    // UTF-16 without a byte-order mark puts a NUL beside every ASCII character.
    let nuls = 0;
    for (const b of probe) if (b === 0) nuls++;
    if (nuls > probe.length / 4) {
      return new DecodeError(
        'encoding-error',
        'The file looks like UTF-16 text (every other byte is empty). Save it as "CSV UTF-8 (Comma delimited)" and try again.',
        nul,
      );
    }
    return new DecodeError('format-error', 'The file contains binary data (a NUL byte), so it is not a CSV text file.', nul);
  }
  return null;
}

/** Length of the incomplete UTF-8 sequence at the end of `bytes` (0–3), to carry into the next chunk. */
function incompleteUtf8Tail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = bytes[n - back];
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? back : 0;
  }
  return 0;
}

/** Offset of the first byte that does not start a valid UTF-8 sequence. Only called on the error path. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + need + 1));
    } catch {
      return i; // overlong or surrogate encodings
    }
    i += need + 1;
  }
  return bytes.length;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * Decodes a file chunk by chunk. In `auto` mode the file is UTF-8 unless a byte sequence is invalid
 * UTF-8 before any valid non-ASCII character has been seen; then it is Windows-1252 (as Excel saves
 * "CSV (Comma delimited)"). A file that mixes valid UTF-8 with invalid bytes is damaged: an error.
 */
export class ByteDecoder {
  private state: 'start' | 'undecided' | Encoding;
  private pending: Uint8Array = new Uint8Array(0);
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  /** Bytes consumed so far (including pending), for error offsets. */
  private offset = 0;
  hadBom = false;
  fellBack = false;
  /**
   * After a fall-back to Windows-1252: the first few cells whose text it read beyond ASCII, with
   * their line, so staff can see whether "é" came out as "é" (see `fallbackSamples`).
   */
  readonly samples: DecodedSample[] = [];
  /** Line breaks in the text decoded so far; counted only while samples may still be taken. */
  private lineBreaks = 0;
  /** The text of the line being read (after the last line break), so a sample is never cut at a chunk's edge. */
  private partial = '';
  /** Whether the text so far ends in CR (a CRLF split between two chunks is one line break). */
  private endsWithCR = false;

  constructor(private readonly choice: EncodingChoice = 'auto') {
    this.state = 'start';
  }

  /** The encoding in use; `utf-8` until proven otherwise. */
  get encoding(): Encoding {
    return this.state === 'windows-1252' ? 'windows-1252' : 'utf-8';
  }

  decode(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.state === 'start') {
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        this.hadBom = true;
        bytes = bytes.subarray(3);
        this.offset = 3;
      }
      this.state = this.choice === 'auto' ? 'undecided' : this.choice;
    }
    if (this.pending.length) {
      const joined = new Uint8Array(this.pending.length + bytes.length);
      joined.set(this.pending);
      joined.set(bytes, this.pending.length);
      bytes = joined;
      this.pending = new Uint8Array(0);
    }
    const start = this.offset;
    this.offset += bytes.length;

    if (this.state === 'windows-1252') return this.decode1252(bytes, start);
    if (isAscii(bytes)) {
      const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
      if (this.state === 'undecided') this.follow(text, false);
      return text;
    }

    const tail = incompleteUtf8Tail(bytes);
    const body = tail ? bytes.subarray(0, bytes.length - tail) : bytes;
    try {
      const text = this.utf8.decode(body);
      if (tail) {
        this.pending = bytes.slice(bytes.length - tail);
        this.offset -= tail;
      }
      if (this.state === 'undecided') {
        if (isAscii(body)) this.follow(text, false);
        else this.state = 'utf-8';
      }
      return text;
    } catch {
      const bad = firstInvalidUtf8(body);
      if (this.state === 'undecided' && isAscii(body.subarray(0, bad))) {
        this.state = 'windows-1252';
        this.fellBack = true;
        return this.decode1252(bytes, start);
      }
      throw new DecodeError(
        'encoding-error',
        this.choice === 'utf-8'
          ? `Byte ${hex(body[bad])} is not valid UTF-8. If the file was saved as Windows-1252 ("CSV (Comma delimited)" in Excel), choose that encoding, or save it as "CSV UTF-8".`
          : `Byte ${hex(body[bad])} is not valid UTF-8, but earlier parts of the file are UTF-8: the file mixes two encodings or is damaged. Save it again as "CSV UTF-8".`,
        start + bad,
      );
    }
  }

  /** Flushes a truncated multi-byte character at the end of the file as an error. */
  end(): string {
    const text = this.flush();
    if (this.state === 'windows-1252' && this.partial && this.samples.length < MAX_SAMPLES) takeSamples(this.partial, this.lineBreaks, this.samples);
    this.partial = '';
    return text;
  }

  private flush(): string {
    if (this.pending.length) {
      const at = this.offset;
      if (this.state === 'undecided') {
        this.state = 'windows-1252';
        this.fellBack = true;
        const bytes = this.pending;
        this.pending = new Uint8Array(0);
        return this.decode1252(bytes, at);
      }
      throw new DecodeError(
        'encoding-error',
        `The file ends in the middle of a character (byte ${hex(this.pending[0])}); it was probably cut off while saving or uploading.`,
        at,
      );
    }
    return '';
  }

  private decode1252(bytes: Uint8Array, start: number): string {
    const text = this.decode1252Text(bytes, start);
    this.follow(text, true);
    return text;
  }

  /**
   * Counts lines while samples may still be taken, and (when `sample`) samples each complete line
   * once its end has been read; `end()` samples the last line.
   */
  private follow(text: string, sample: boolean): void {
    if (this.samples.length >= MAX_SAMPLES || text === '') return;
    const splitCRLF = this.endsWithCR && text.charCodeAt(0) === 10;
    this.endsWithCR = text.charCodeAt(text.length - 1) === 13;
    const body = splitCRLF ? text.slice(1) : text;
    const lastBreak = Math.max(body.lastIndexOf('\n'), body.lastIndexOf('\r'));
    if (!sample) {
      this.lineBreaks += countLineBreaks(body);
      this.partial = lastBreak === -1 ? (this.partial + body).slice(-MAX_LINE) : body.slice(lastBreak + 1);
      return;
    }
    const joined = this.partial + body;
    const cut = lastBreak === -1 ? (joined.length > MAX_LINE ? joined.length : 0) : this.partial.length + lastBreak + 1;
    const complete = joined.slice(0, cut);
    takeSamples(complete, this.lineBreaks, this.samples);
    this.lineBreaks += countLineBreaks(complete);
    this.partial = joined.slice(cut);
  }

  private decode1252Text(bytes: Uint8Array, start: number): string {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    // Bytes 0x80–0x9F are where Windows-1252 differs from Latin-1 (Node's own TextDecoder gets
    // them wrong); five of them are undefined, and none belongs in a CSV.
    return latin1.replace(/[\u0080-\u009f]/g, (ch, index: number) => {
      const mapped = CP1252_80_9F[ch.charCodeAt(0) - 0x80];
      if (mapped === 0) {
        throw new DecodeError(
          'encoding-error',
          `Byte ${hex(ch.charCodeAt(0))} is neither valid UTF-8 nor a Windows-1252 character. The file is damaged or uses another encoding; save it as "CSV UTF-8".`,
          start + index,
        );
      }
      return String.fromCharCode(mapped);
    });
  }
}

/** A cell read as Windows-1252 with a character beyond ASCII: its line (1-based, as a text editor counts) and its text. */
export interface DecodedSample {
  line: number;
  text: string;
}

const MAX_SAMPLES = 5;
/** A line longer than this is sampled in pieces (a CSV line is far shorter). */
const MAX_LINE = 64 * 1024;
const SAMPLE_LENGTH = 60;

/** LF, CRLF and lone CR line breaks (native searches: an ASCII file is counted whole while undecided). */
function countLineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r'); i !== -1; i = text.indexOf('\r', i + 1)) if (text.charCodeAt(i + 1) !== 10) n++;
  return n;
}

/**
 * Adds the cells of `text` that hold a character beyond ASCII to `samples` (one per cell, up to
 * five in all). `before` is the number of line breaks before `text`. A cell is the text between
 * commas outside quotes, within one line of this piece of text.
 */
function takeSamples(text: string, before: number, samples: DecodedSample[]): void {
  const beyond = /[^\x00-\x7f]/g;
  let lastCell = -1;
  for (let m = beyond.exec(text); m && samples.length < MAX_SAMPLES; m = beyond.exec(text)) {
    const at = m.index;
    const lineStart = Math.max(text.lastIndexOf('\n', at), text.lastIndexOf('\r', at)) + 1;
    let cellStart = lineStart;
    let quoted = false;
    for (let i = lineStart; i < at; i++) {
      const ch = text[i];
      if (ch === '"') quoted = !quoted;
      else if (ch === ',' && !quoted) cellStart = i + 1;
    }
    if (cellStart === lastCell) continue;
    lastCell = cellStart;
    let cellEnd = at;
    while (cellEnd < text.length && text[cellEnd] !== '\n' && text[cellEnd] !== '\r' && (quoted || text[cellEnd] !== ',')) {
      if (text[cellEnd] === '"') quoted = !quoted;
      cellEnd++;
    }
    const cell = text.slice(cellStart, cellEnd).trim().replace(/^"|"$/g, '').replace(/""/g, '"');
    samples.push({ line: before + countLineBreaks(text.slice(0, lineStart)) + 1, text: cell.length > SAMPLE_LENGTH ? `${cell.slice(0, SAMPLE_LENGTH)}…` : cell });
  }
}

/** The samples in a sentence: 'line 4: “Montréal — ok”; line 9: “Nuevo México”'. */
export function describeSamples(samples: readonly DecodedSample[]): string {
  return samples.map((s) => `line ${s.line}: “${s.text}”`).join('; ');
}

/** Windows-1252 code points for bytes 0x80–0x9F; 0 marks the five undefined bytes. */
const CP1252_80_9F = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];
