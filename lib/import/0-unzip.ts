/**
 * Reads a ZIP archive held in memory (SAMHSA publishes each release's tables as a CSV zip, such
 * as NSDUHsaeTotalsCSVs-2015.zip), before any member is decoded. Only what such archives use:
 * stored or DEFLATE members, no encryption, no ZIP64. Nothing is ever written to disk, so a
 * member's name is only a label — and a name that would climb out of a folder (zip-slip) is
 * refused all the same. Limits on members, sizes and compression ratio stop a ZIP bomb before it
 * is inflated; every member's CRC-32 is checked.
 */
import { inflateRawSync } from 'node:zlib';
import { crc32 } from '../format/zip';

export interface ZipMember {
  /** The member's path inside the archive, as stored. */
  name: string;
  data: Buffer;
}

export interface UnzipLimits {
  maxMembers: number;
  /** Largest uncompressed size of one member. */
  maxMemberBytes: number;
  /** Largest uncompressed size of all members together. */
  maxTotalBytes: number;
  /** Largest uncompressed ÷ compressed size of a member (CSVs compress about 5–10×). */
  maxRatio: number;
}

export const UNZIP_LIMITS: UnzipLimits = { maxMembers: 500, maxMemberBytes: 50 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 200 };

/** A problem with the archive itself, in words for the person who uploaded it. */
export class ZipError extends Error {}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** Whether bytes start like a ZIP archive. */
export const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** A member name that is a plain relative path: no root, drive, backslash, NUL or "..". */
export function unsafeMemberName(name: string): string | null {
  if (name === '') return 'has an empty name';
  if (/[\\\u0000]/.test(name)) return 'has a backslash or NUL in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path';
  if (name.split('/').some((part) => part === '..')) return 'climbs out of its folder with ".."';
  return null;
}

function endRecord(zip: Buffer): number {
  // The end record is the last 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END) return i;
  }
  throw new ZipError('The archive is incomplete or is not a ZIP file: its table of contents (at the end of the file) is missing. Download it again.');
}

/** Every member of the archive that is a file (folders are skipped), checked and inflated. */
export function readZip(zip: Buffer, limits: UnzipLimits = UNZIP_LIMITS): ZipMember[] {
  if (!isZip(zip)) throw new ZipError('This is not a ZIP archive.');
  const end = endRecord(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const start = zip.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) throw new ZipError('The archive uses ZIP64, which is not supported; SAMHSA’s archives do not need it.');
  if (count > limits.maxMembers) throw new ZipError(`The archive holds ${count} members; at most ${limits.maxMembers} are read.`);
  if (start + size > end) throw new ZipError('The archive is damaged: its table of contents points past its end.');

  const members: ZipMember[] = [];
  let total = 0;
  let at = start;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw new ZipError('The archive is damaged: its table of contents is cut short.');
    const flags = zip.readUInt16LE(at + 8);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const declaredSize = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localAt = zip.readUInt32LE(at + 42);
    const name = zip.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;

    const unsafe = unsafeMemberName(name);
    if (unsafe) throw new ZipError(`The member ${JSON.stringify(name.slice(0, 100))} ${unsafe}; the archive was refused.`);
    if (name.endsWith('/')) continue;
    if (flags & 0x0001) throw new ZipError(`The member “${name}” is password-protected; upload the archive without a password.`);
    if (method !== 0 && method !== 8) throw new ZipError(`The member “${name}” is compressed with a method this reader does not know (${method}); save the archive with ordinary ZIP compression.`);
    if (declaredSize > limits.maxMemberBytes) throw new ZipError(`The member “${name}” is ${Math.round(declaredSize / 1024 / 1024)} MB uncompressed; at most ${Math.round(limits.maxMemberBytes / 1024 / 1024)} MB are read.`);
    total += declaredSize;
    if (total > limits.maxTotalBytes) throw new ZipError(`The archive holds more than ${Math.round(limits.maxTotalBytes / 1024 / 1024)} MB uncompressed; split it.`);
    if (compressedSize > 0 && declaredSize / compressedSize > limits.maxRatio) throw new ZipError(`The member “${name}” expands ${Math.round(declaredSize / compressedSize)}-fold, far more than a table does; the archive was refused.`);

    if (localAt + 30 > zip.length || zip.readUInt32LE(localAt) !== LOCAL) throw new ZipError(`The archive is damaged: the member “${name}” is not where its table of contents says.`);
    const dataAt = localAt + 30 + zip.readUInt16LE(localAt + 26) + zip.readUInt16LE(localAt + 28);
    if (dataAt + compressedSize > zip.length) throw new ZipError(`The archive is cut short: the member “${name}” is incomplete. Download it again.`);
    const raw = zip.subarray(dataAt, dataAt + compressedSize);
    let data: Buffer;
    try {
      // Never inflate past the declared size: a member that claims little and expands to a lot stops here.
      data = method === 0 ? Buffer.from(raw) : inflateRawSync(raw, { maxOutputLength: Math.max(1, declaredSize) });
    } catch {
      throw new ZipError(`The member “${name}” is damaged or larger than its table of contents says; the archive was refused.`);
    }
    if (data.length !== declaredSize || crc32(data) !== crc) throw new ZipError(`The member “${name}” is damaged (its checksum does not match). Download the archive again.`);
    members.push({ name, data });
  }
  return members;
}
