/** The text encodings a survey export is recognised in. */
export type SurveyEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A survey file's text and the encoding it was read in. */
export interface DecodedSurveyText {
  readonly text: string;
  readonly encoding: SurveyEncoding;
  /**
   * Set when the file is not valid UTF-8: says which bytes could not be read as UTF-8 (value and
   * line) and how the text was read instead, for the preview to show.
   */
  readonly notice?: string;
}

/** A byte that is not part of a valid UTF-8 sequence, and its 1-based line. */
interface InvalidByte {
  readonly value: number;
  readonly line: number;
}

/** Invalid bytes listed by value in a notice; the rest are counted. */
const LISTED_BYTES = 5;

/**
 * Walks bytes as UTF-8: the bytes that are not part of a valid sequence (the first few, with
 * their lines, and how many in all) and whether any valid multi-byte sequence was seen.
 */
function scanUtf8(bytes: Uint8Array): { readonly invalid: readonly InvalidByte[]; readonly invalidCount: number; readonly hasMultiByte: boolean } {
  const invalid: InvalidByte[] = [];
  let invalidCount = 0;
  let hasMultiByte = false;
  let line = 1;
  let i = 0;
  const bad = (value: number) => {
    invalidCount += 1;
    if (invalid.length < LISTED_BYTES) invalid.push({ value, line });
  };
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b === 0x0a) line += 1;
      i += 1;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k += 1) {
      const next = bytes[i + k] ?? 0;
      if ((next & 0xc0) !== 0x80) valid = false;
      // Overlong, surrogate and out-of-range forms, as the Encoding Standard refuses them.
      else if (k === 1 && ((b === 0xe0 && next < 0xa0) || (b === 0xed && next > 0x9f) || (b === 0xf0 && next < 0x90) || (b === 0xf4 && next > 0x8f))) valid = false;
    }
    if (valid) {
      hasMultiByte = true;
      i += length;
    } else {
      bad(b);
      i += 1;
    }
  }
  return { invalid, invalidCount, hasMultiByte };
}

function describeBytes(invalid: readonly InvalidByte[], count: number): string {
  const listed = invalid.map(({ value, line }) => `0x${value.toString(16).toUpperCase().padStart(2, '0')} on line ${line}`).join(', ');
  const rest = count - invalid.length;
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'byte' : 'bytes'} (${listed}${rest > 0 ? `, and ${rest.toLocaleString('en-US')} more` : ''})`;
}

interface StrictUtf8Decoder {
  decode(input: Uint8Array): string;
}
type StrictUtf8DecoderConstructor = new (
  label: 'utf-8',
  options: { fatal: boolean; ignoreBOM: boolean },
) => StrictUtf8Decoder;

// shared/ is compiled without the DOM lib, yet every runtime it runs in (browser, worker,
// Electron, Node) has TextDecoder; only strict UTF-8 is taken from it.
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: StrictUtf8DecoderConstructor }).TextDecoder;

// Bytes 0x80-0x9F of Windows-1252 as the WHATWG Encoding Standard maps them. Hand-decoded because
// some Node versions' TextDecoder('windows-1252') wrongly decodes as ISO-8859-1.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

const CHUNK = 0x4000;

function codeUnitsToString(count: number, unitAt: (i: number) => number): string {
  const parts: string[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const chunk = new Array<number>(end - start);
    for (let i = start; i < end; i += 1) chunk[i - start] = unitAt(i);
    parts.push(String.fromCharCode(...chunk));
  }
  return parts.join('');
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const count = Math.floor(bytes.length / 2);
  const text = codeUnitsToString(count, (i) => {
    const a = bytes[2 * i] ?? 0;
    const b = bytes[2 * i + 1] ?? 0;
    return littleEndian ? a | (b << 8) : (a << 8) | b;
  });
  return bytes.length % 2 === 1 ? `${text}\uFFFD` : text;
}

function decodeWindows1252(bytes: Uint8Array): string {
  return codeUnitsToString(bytes.length, (i) => {
    const byte = bytes[i] ?? 0;
    return byte >= 0x80 && byte <= 0x9f ? (WINDOWS_1252_HIGH[byte - 0x80] ?? byte) : byte;
  });
}

function decodeStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoderImpl('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeLenientUtf8(bytes: Uint8Array): string {
  return new TextDecoderImpl('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes);
}

/**
 * Turns a survey file's bytes into text: a byte-order mark decides first (UTF-8, UTF-16 LE/BE) and
 * is removed; otherwise valid UTF-8 is read as UTF-8. A file that is not valid UTF-8 is never read
 * silently: when it holds valid UTF-8 sequences too (a UTF-8 file with a few damaged bytes), it is
 * read as UTF-8 with the unreadable bytes shown as U+FFFD; when it holds none (a legacy file),
 * as Windows-1252, which is what Excel on Windows writes. Either way `notice` names the bytes.
 * NUL bytes are kept so the parser can name the row they are on.
 */
export function decodeSurveyBytes(bytes: Uint8Array): DecodedSurveyText {
  const [b0, b1, b2] = bytes;
  const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  if (hasBom) {
    const text = decodeStrictUtf8(bytes.subarray(3));
    if (text !== null) return { text, encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), true), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), false), encoding: 'utf-16be' };
  if (!hasBom) {
    const utf8 = decodeStrictUtf8(bytes);
    if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  }
  const body = hasBom ? bytes.subarray(3) : bytes;
  const { invalid, invalidCount, hasMultiByte } = scanUtf8(body);
  const named = describeBytes(invalid, invalidCount);
  if (hasBom || hasMultiByte) {
    return {
      text: decodeLenientUtf8(body),
      encoding: hasBom ? 'utf-8-bom' : 'utf-8',
      notice: `The file is UTF-8 but ${named} could not be read; they show as “\uFFFD”. Save the file again as UTF-8 and import it to keep those characters.`,
    };
  }
  return {
    text: decodeWindows1252(body),
    encoding: 'windows-1252',
    notice: `The file is not UTF-8: ${named} could not be read as UTF-8, so the file was read as Windows-1252 (as Excel on Windows saves it). Check accented letters in the preview; if they look wrong, save the file as UTF-8 and import it again.`,
  };
}
