import { describe, expect, it } from 'vitest';
import { ByteDecoder, DecodeError, sniffNonCsv } from '@/lib/import/1-decode';

const bytes = (...b: number[]) => Uint8Array.from(b);
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

function decodeAll(chunks: Uint8Array[], choice: 'auto' | 'utf-8' | 'windows-1252' = 'auto') {
  const d = new ByteDecoder(choice);
  const text = chunks.map((c) => d.decode(c)).join('') + d.end();
  return { text, encoding: d.encoding, fellBack: d.fellBack, hadBom: d.hadBom };
}

describe('ByteDecoder', () => {
  it('decode() strips a leading UTF-8 byte-order mark and records it', () => {
    const r = decodeAll([bytes(0xef, 0xbb, 0xbf, 0x61, 0x62)]);
    expect(r).toMatchObject({ text: 'ab', encoding: 'utf-8', hadBom: true });
  });

  it('decode() keeps a multi-byte character split across chunks whole', () => {
    const all = utf8('Montréal — 12+');
    for (let cut = 1; cut < all.length; cut++) {
      expect(decodeAll([all.subarray(0, cut), all.subarray(cut)]).text).toBe('Montréal — 12+');
    }
  });

  it('decode() reads Windows-1252 (é, smart quotes, € and the em dash) when the file is not UTF-8', () => {
    const r = decodeAll([bytes(0x4d, 0xe9, 0x20, 0x93, 0x78, 0x94, 0x20, 0x80, 0x20, 0x97)]);
    expect(r).toMatchObject({ text: 'Mé “x” € —', encoding: 'windows-1252', fellBack: true });
  });

  it('decode() switches to Windows-1252 mid-stream when everything before was ASCII', () => {
    const r = decodeAll([utf8('a,b\n1,2\n'), bytes(0x43, 0x61, 0x66, 0xe9, 0x0a)]);
    expect(r.text).toBe('a,b\n1,2\nCafé\n');
    expect(r.encoding).toBe('windows-1252');
  });

  it('decode() refuses a file that mixes valid UTF-8 with invalid bytes, giving the byte offset', () => {
    const d = new ByteDecoder('auto');
    d.decode(utf8('é,\n'));
    const err = (() => {
      try {
        d.decode(bytes(0x41, 0xe9, 0x0a));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(DecodeError);
    expect((err as DecodeError).byteOffset).toBe(5); // é is two bytes: C3 A9 , \n A [E9]
    expect((err as DecodeError).code).toBe('encoding-error');
  });

  it('decode() in strict UTF-8 mode refuses Windows-1252 bytes instead of guessing', () => {
    expect(() => decodeAll([bytes(0x61, 0xe9, 0x62)], 'utf-8')).toThrow(/not valid UTF-8/);
  });

  it('decode() refuses the five bytes Windows-1252 leaves undefined', () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(() => decodeAll([bytes(0x61, b)], 'windows-1252')).toThrow(/neither valid UTF-8 nor a Windows-1252/);
  });

  it('end() reports a file cut in the middle of a UTF-8 character', () => {
    expect(() => decodeAll([utf8('é'), bytes(0xc3)])).toThrow(/middle of a character/);
  });
});

describe('sniffNonCsv', () => {
  it('recognises UTF-16, workbooks, PDFs, HTML pages and binary data, and lets CSV text through', () => {
    expect(sniffNonCsv(bytes(0xff, 0xfe, 0x61, 0))?.code).toBe('encoding-error');
    expect(sniffNonCsv(bytes(0x50, 0x4b, 0x03, 0x04))?.message).toMatch(/Excel workbook/);
    expect(sniffNonCsv(bytes(0xd0, 0xcf, 0x11, 0xe0))?.message).toMatch(/old-style Excel/);
    expect(sniffNonCsv(utf8('%PDF-1.4'))?.message).toMatch(/PDF/);
    expect(sniffNonCsv(utf8('  <!doctype html><html>'))?.message).toMatch(/web page/);
    expect(sniffNonCsv(bytes(0x61, 0x00, 0x62, 0x00, 0x63, 0x00))?.message).toMatch(/UTF-16/);
    expect(sniffNonCsv(utf8('indicator,period\nx,2014\n'))).toBeNull();
  });
});
