/**
 * Just enough of the ZIP format to check an XLSX before handing it to exceljs:
 * a truncated or damaged file has no intact central directory, and that is
 * found here with a clear message instead of a half-read sheet. Entries can be
 * read whole (small XML parts) or streamed (a sheet, scanned for its merged cells).
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

export class ZipError extends Error {}

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
  if (size < 22) throw new ZipError('too short to be a ZIP file');
  const fd = openSync(path, 'r');
  try {
    const first = readAt(fd, 0, 4);
    if (first.readUInt32LE(0) !== 0x04034b50) throw new ZipError('not a ZIP file');
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = readAt(fd, size - tailLength, tailLength);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError('its end (the ZIP directory) is missing');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('ZIP64 files are not supported');
    const eocdPosition = size - tailLength + eocd;
    if (cdOffset + cdSize > eocdPosition) throw new ZipError('its ZIP directory points past the end of the file');
    const cd = readAt(fd, cdOffset, cdSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) throw new ZipError('its ZIP directory is damaged');
      const nameLength = cd.readUInt16LE(p + 28);
      const entry: ZipEntry = {
        method: cd.readUInt16LE(p + 10),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localOffset: cd.readUInt32LE(p + 42),
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
      };
      if (entry.localOffset + entry.compressedSize > cdOffset) throw new ZipError(`its part ${entry.name} runs past the end of the data`);
      entries.set(entry.name, entry);
      p += 46 + nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
    }
    return entries;
  } finally {
    closeSync(fd);
  }
}

function dataRange(path: string, entry: ZipEntry): { start: number; end: number } {
  const fd = openSync(path, 'r');
  try {
    const local = readAt(fd, entry.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== 0x04034b50) throw new ZipError(`its part ${entry.name} is damaged`);
    const start = entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    return { start, end: start + entry.compressedSize };
  } finally {
    closeSync(fd);
  }
}

/** Streams an entry's text to onText; rejects with ZipError when it cannot be inflated. */
export function streamZipEntry(path: string, entry: ZipEntry, onText: (text: string) => void): Promise<void> {
  if (entry.method !== 0 && entry.method !== 8) return Promise.reject(new ZipError(`its part ${entry.name} uses an unknown compression`));
  const { start, end } = dataRange(path, entry);
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder('utf-8');
    const source = entry.compressedSize === 0 ? null : createReadStream(path, { start, end: end - 1 });
    const fail = (err: unknown): void => {
      source?.destroy();
      reject(err instanceof ZipError ? err : new ZipError(`its part ${entry.name} is damaged`));
    };
    if (source === null) {
      resolve();
      return;
    }
    const stream = entry.method === 8 ? source.pipe(createInflateRaw()) : source;
    source.on('error', fail);
    stream.on('error', fail);
    stream.on('data', (chunk: Buffer) => onText(decoder.decode(chunk, { stream: true })));
    stream.on('end', () => {
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
