/**
 * Just enough of the ZIP format to check an XLSX before handing it to exceljs:
 * a truncated or damaged file has no intact central directory, and that is
 * found here with a clear message instead of a half-read sheet. Entries can be
 * read whole (small XML parts) or streamed (a sheet, scanned for its merged cells).
 *
 * Every part read here is held to what the directory says of it: its local header
 * (which a streaming reader such as exceljs's trusts instead of the directory) must
 * agree, and its bytes must inflate to the directory's size and CRC-32. A damaged
 * part otherwise inflates to wrong text, or leaves exceljs waiting for bytes that
 * never come: the event loop empties and the command would end having done nothing.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { crc32, createInflateRaw } from 'node:zlib';
import { render, t, type Text } from '../messages/catalogue.js';

export interface ZipEntry {
  name: string;
  method: number;
  /** General-purpose flags: bit 0 encrypted, bit 3 sizes and CRC after the data (local header zeros). */
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** Why a file is not an intact ZIP: `text` to be rendered in the reader's language, `message` the English. */
export class ZipError extends Error {
  readonly text: Text;
  constructor(text: Text) {
    super(render(text, 'en'));
    this.text = text;
  }
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buf.subarray(0, done);
}

/** The entries of the central directory; throws ZipError when the file is not an intact ZIP. */
export function readZipDirectory(path: string, size: number): Map<string, ZipEntry> {
  if (size < 22) throw new ZipError(t('too short to be a ZIP file'));
  const fd = openSync(path, 'r');
  try {
    const first = readAt(fd, 0, 4);
    if (first.readUInt32LE(0) !== 0x04034b50) throw new ZipError(t('not a ZIP file'));
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError(t('its end (the ZIP directory) is missing'));
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError(t('ZIP64 files are not supported'));
    const eocdPosition = size - tailLength + eocd;
    if (cdOffset + cdSize > eocdPosition) throw new ZipError(t('its ZIP directory points past the end of the file'));
    const cd = readAt(fd, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError(t('its ZIP directory is damaged'));
      const nameLength = cd.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        flags: cd.readUInt16LE(p + 8),
        method: cd.readUInt16LE(p + 10),
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      };
      if (entry.localOffset + entry.compressedSize > cdOffset)
        throw new ZipError(t('its part {part} runs past the end of the data', { part: entry.name }));
      entries.set(entry.name, entry);
      p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    checkPartsFollowEachOther(fd, entries, cdOffset);
    return entries;
  } finally {
    closeSync(fd);
  }
}

/**
 * exceljs reads the parts one after the other from their local headers, not from the
 * directory: the parts must lie end to end from the first byte to the directory, so
 * that it walks exactly the parts checked here and finds no other.
 */
function checkPartsFollowEachOther(fd: number, entries: Map<string, ZipEntry>, cdOffset: number): void {
  let expected = 0;
  for (const entry of [...entries.values()].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset !== expected) throw new ZipError(t('its part {part} is not where the part before it ends', { part: entry.name }));
    const local = readAt(fd, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50)
      throw new ZipError(t('its part {part} is damaged', { part: entry.name }));
    let end = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28) + entry.compressedSize;
    // Bit 3: a data descriptor follows the data (CRC and sizes, with or without its signature).
    if ((local.readUInt16LE(6) & 8) !== 0) {
      const signature = readAt(fd, end, 4);
      end += signature.length === 4 && signature.readUInt32LE(0) === 0x08074b50 ? 16 : 12;
    }
    expected = end;
  }
  if (expected !== cdOffset) throw new ZipError(t('its parts do not reach the ZIP directory'));
}

/** Where an entry's data lies, once its local header agrees with the directory. */
function dataRange(path: string, entry: ZipEntry): { start: number; end: number } {
  const fd = openSync(path, 'r');
  try {
    const local = readAt(fd, entry.localOffset, 30);
    const damaged = (): ZipError => new ZipError(t('its part {part} is damaged', { part: entry.name }));
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw damaged();
    const nameLength = local.readUInt16LE(26);
    const start = entry.localOffset + 30 + nameLength + local.readUInt16LE(28);
    if ((entry.flags & 1) !== 0 || (local.readUInt16LE(6) & 1) !== 0)
      throw new ZipError(t('its part {part} is encrypted', { part: entry.name }));
    if (local.readUInt16LE(8) !== entry.method || readAt(fd, entry.localOffset + 30, nameLength).toString('utf8') !== entry.name)
      throw damaged();
    // With bit 3 the local header may hold zeros (the values follow the data); anything else must match.
    const deferred = (local.readUInt16LE(6) & 8) !== 0;
    for (const [at, value] of [
      [14, entry.crc32],
      [18, entry.compressedSize],
      [22, entry.uncompressedSize],
    ] as const) {
      const written = local.readUInt32LE(at);
      if (written !== value && !(deferred && written === 0)) throw damaged();
    }
    return { start, end: start + entry.compressedSize };
  } finally {
    closeSync(fd);
  }
}

/**
 * Streams an entry's text to onText; rejects with ZipError when it cannot be inflated
 * or inflates to other bytes than the directory's size and CRC-32 say.
 */
export function streamZipEntry(path: string, entry: ZipEntry, onText: (text: string) => void): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8)
    return Promise.reject(new ZipError(t('its part {part} uses an unknown compression', { part: entry.name })));
  let range: { start: number; end: number };
  try {
    range = dataRange(path, entry);
  } catch (err) {
    return Promise.reject(err);
  }
  const damaged = new ZipError(t('its part {part} is damaged', { part: entry.name }));
  if (entry.compressedSize === 0) {
    // An empty part (a folder): nothing to inflate, and nothing may be claimed for it.
    return entry.uncompressedSize === 0 && entry.crc32 === 0 ? Promise.resolve() : Promise.reject(damaged);
  }
  if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) return Promise.reject(damaged);
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder('utf-8');
    const source = createReadStream(path, { start: range.start, end: range.end - 1 });
    let crc = 0;
    let size = 0;
    const fail = (err: unknown): void => {
      source.destroy();
      reject(err instanceof ZipError ? err : damaged);
    };
    const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
    source.on('error', fail);
    stream.on('error', fail);
    stream.on('data', (chunk: Buffer) => {
      crc = crc32(chunk, crc);
      size += chunk.length;
      if (size > entry.uncompressedSize) {
        stream.destroy();
        fail(damaged);
        return;
      }
      onText(decoder.decode(chunk, { stream: true }));
    });
    stream.on('end', () => {
      if (size !== entry.uncompressedSize || crc !== entry.crc32) {
        fail(damaged);
        return;
      }
      onText(decoder.decode());
      resolve();
    });
  });
}

export async function readZipText(path: string, entry: ZipEntry): Promise<string> {
  const parts: string[] = [];
  await streamZipEntry(path, entry, (t) => parts.push(t));
  return parts.join('');
}
