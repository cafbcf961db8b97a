/**
 * Text encodings of the files offices exchange: UTF-8 (with or without a BOM),
 * Windows-1256 (Excel's "CSV" on a Persian Windows) and UTF-16 (Excel's
 * "Unicode text"). Detection looks at the BOM and the bytes; `--encoding`
 * overrides it. Decoders are streaming: a character split across two chunks
 * comes out whole.
 */
import { ValidationError } from '../errors.js';
import { render, t, type Text } from '../messages/catalogue.js';

export type Encoding = 'utf8' | 'windows-1256' | 'utf16le' | 'utf16be';

export const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  utf8: 'UTF-8',
  'windows-1256': 'Windows-1256',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
};

const ALIASES: Readonly<Record<string, Encoding>> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  'windows-1256': 'windows-1256',
  windows1256: 'windows-1256',
  cp1256: 'windows-1256',
  '1256': 'windows-1256',
  arabic: 'windows-1256',
  ansi: 'windows-1256',
  utf16le: 'utf16le',
  'utf-16le': 'utf16le',
  utf16: 'utf16le',
  'utf-16': 'utf16le',
  unicode: 'utf16le',
  ucs2: 'utf16le',
  utf16be: 'utf16be',
  'utf-16be': 'utf16be',
};

/** `--encoding` as typed → an encoding, or a usage error listing the accepted names. */
export function parseEncodingName(value: string): Encoding {
  const found = ALIASES[value.trim().toLowerCase()];
  if (found === undefined) {
    throw new ValidationError(t('unknown --encoding: expected utf8, windows-1256 or utf16le'), 'encoding');
  }
  return found;
}

export interface Bom {
  encoding: Encoding;
  length: number;
}

export function readBom(head: Uint8Array): Bom | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf8', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

/**
 * UTF-16 without a BOM shows as NUL bytes in every other position (ASCII
 * separators and digits have a zero high byte). Returns null for 8-bit text.
 */
export function sniffUtf16(head: Uint8Array): Encoding | null {
  const n = Math.min(head.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.3 && evenZero < half * 0.05) return 'utf16le';
  if (evenZero > half * 0.3 && oddZero < half * 0.05) return 'utf16be';
  return null;
}

/**
 * Index of the first byte that cannot be part of valid UTF-8 in buf[start..],
 * or -1. A sequence cut off at the end of the buffer is not an error (the next
 * chunk completes it); `final` makes it one.
 */
export function firstInvalidUtf8(buf: Uint8Array, start = 0, final = false): number {
  const n = buf.length;
  let i = start;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= n) {
      // Cut off by the chunk's end: valid so far if every continuation byte present is one.
      for (let k = i + 1; k < n; k++) if (((buf[k] as number) & 0xc0) !== 0x80) return i;
      return final ? i : -1;
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k] as number;
      if ((c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Turns chunks of bytes into text; throws InvalidTextError at the first byte the encoding cannot hold. */
export interface TextDecoderLike {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** Bytes that are not valid in the file's encoding; `validPrefix` is the text before them. */
export class InvalidTextError extends Error {
  readonly validPrefix: string;
  /** The message, to be rendered in the reader's language (`message` holds the English). */
  readonly text: Text = t('invalid text');
  constructor(validPrefix: string) {
    super();
    this.message = render(this.text, 'en');
    this.validPrefix = validPrefix;
  }
}

/** The valid prefix when the failure cannot say which bytes decoded before it. */
const NO_VALID_TEXT = '';

class Utf8Decoder implements TextDecoderLike {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  write(chunk: Uint8Array): string {
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      // Find where it went wrong so the caller can name the row.
      // Continuation bytes at the start finish a character begun in the previous chunk.
      let start = 0;
      while (start < 3 && start < chunk.length && ((chunk[start] as number) & 0xc0) === 0x80) start++;
      const bad = firstInvalidUtf8(chunk, start);
      const prefix = bad > start ? new TextDecoder('utf-8', { fatal: false }).decode(chunk.subarray(start, bad)) : '';
      throw new InvalidTextError(prefix);
    }
  }

  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new InvalidTextError(NO_VALID_TEXT);
    }
  }
}

class WebDecoder implements TextDecoderLike {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  constructor(label: string) {
    this.decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  }
  write(chunk: Uint8Array): string {
    try {
      return this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new InvalidTextError(NO_VALID_TEXT);
    }
  }
  end(): string {
    try {
      return this.decoder.decode();
    } catch {
      throw new InvalidTextError(NO_VALID_TEXT);
    }
  }
}

/** Windows-1256 maps every byte to a character, so it never fails; iconv-lite is loaded only for it. */
async function windows1256Decoder(): Promise<TextDecoderLike> {
  const iconv = (await import('iconv-lite')).default;
  const d = iconv.getDecoder('windows-1256');
  return { write: (chunk) => d.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)), end: () => d.end() ?? '' };
}

export async function createDecoder(encoding: Encoding): Promise<TextDecoderLike> {
  switch (encoding) {
    case 'utf8':
      return new Utf8Decoder();
    case 'windows-1256':
      return windows1256Decoder();
    case 'utf16le':
      return new WebDecoder('utf-16le');
    case 'utf16be':
      return new WebDecoder('utf-16be');
  }
}

/** Text → bytes for the rejects file, which keeps the input's encoding. */
export async function encodeText(text: string, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'utf8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf16le') return Buffer.from(text, 'utf16le');
  const iconv = (await import('iconv-lite')).default;
  return iconv.encode(text, encoding === 'utf16be' ? 'utf16-be' : 'windows-1256');
}

/** The byte-order mark written at the start of a file in this encoding (none for Windows-1256). */
export function bomOf(encoding: Encoding, hadBom: boolean): Buffer {
  if (!hadBom) return Buffer.alloc(0);
  if (encoding === 'utf8') return Buffer.from([0xef, 0xbb, 0xbf]);
  if (encoding === 'utf16le') return Buffer.from([0xff, 0xfe]);
  if (encoding === 'utf16be') return Buffer.from([0xfe, 0xff]);
  return Buffer.alloc(0);
}
