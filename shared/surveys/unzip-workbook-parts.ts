import { Inflate } from 'fflate';
import {
  formatCount,
  formatMegabytes,
  MAX_XLSX_COMPRESSION_RATIO,
  MAX_XLSX_ENTRY_BYTES,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  XLSX_RATIO_CHECKED_FROM_BYTES,
} from '../limits/input-limits';

/** One file in a zip archive, as its central directory lists it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The uncompressed size the archive declares (it can lie). */
  readonly size: number;
  readonly localHeaderOffset: number;
}

/** The XLSX limits a workbook is unpacked under; XLSX_LIMITS (shared/limits) unless a test gives smaller ones. */
export interface XlsxLimits {
  readonly maxTotalBytes: number;
  readonly maxEntryBytes: number;
  readonly maxRatio: number;
  readonly ratioFromBytes: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxTotalBytes: MAX_XLSX_UNCOMPRESSED_BYTES,
  maxEntryBytes: MAX_XLSX_ENTRY_BYTES,
  maxRatio: MAX_XLSX_COMPRESSION_RATIO,
  ratioFromBytes: XLSX_RATIO_CHECKED_FROM_BYTES,
};

export type UnzipWorkbookResult =
  | { readonly ok: true; readonly parts: Readonly<Record<string, Uint8Array>> }
  | { readonly ok: false; readonly reason: 'damaged' }
  | { readonly ok: false; readonly reason: 'too-large'; readonly message: string };

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_FILE_HEADER = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** ZIP64 marks a size or offset it moved elsewhere with all ones: never needed by a workbook within the limits. */
const ZIP64_MARK = 0xffffffff;
/** Compressed bytes inflated at a time: output is counted after each, so a bomb stops within one slice's worth. */
const INFLATE_SLICE_BYTES = 16 * 1024;

const u16 = (bytes: Uint8Array, at: number): number => (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
const u32 = (bytes: Uint8Array, at: number): number => (u16(bytes, at) + u16(bytes, at + 2) * 0x10000) >>> 0;
const latin1 = (bytes: Uint8Array): string => {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
};

/**
 * The archive's central directory (its index, at the end of the file), read without inflating
 * anything; null when there is none or it runs past the file.
 */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  // The end record is 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at -= 1) {
    if (u32(bytes, at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL_FILE_HEADER) return null;
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > bytes.length) return null;
    entries.push({
      name: latin1(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    });
    at = next;
  }
  return entries;
}

/** An entry's stored bytes, located through its local header; null when they run past the file. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL_FILE_HEADER) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const stop = start + entry.compressedSize;
  return stop > bytes.length ? null : bytes.subarray(start, stop);
}

/** Inflates at most `limit` bytes: 'over' as soon as the output passes it, whatever the archive declared. */
function inflateAtMost(data: Uint8Array, limit: number): Uint8Array | 'over' {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= limit) chunks.push(chunk);
  });
  if (data.length === 0) inflater.push(data, true);
  for (let at = 0; at < data.length && total <= limit; at += INFLATE_SLICE_BYTES) {
    inflater.push(data.subarray(at, at + INFLATE_SLICE_BYTES), at + INFLATE_SLICE_BYTES >= data.length);
  }
  if (total > limit) return 'over';
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

const tooLarge = (message: string): UnzipWorkbookResult => ({ ok: false, reason: 'too-large', message });
const WHAT_TO_DO = 'Export fewer responses or columns, or export as CSV.';

/**
 * Unpacks the entries `wanted` picks (a workbook's XML parts) within the limits of
 * shared/limits/input-limits.ts. First, from the central directory alone, refuses an archive whose
 * parts declare more than the total or per-part limit, or a part that would grow more than the
 * compression ratio allows (a zip bomb); then inflates each part counting its output and stops as
 * soon as that passes a limit, since declared sizes can lie. Never throws: a damaged archive is
 * 'damaged'.
 */
export function unzipWorkbookParts(bytes: Uint8Array, wanted: (name: string) => boolean, limits: XlsxLimits = XLSX_LIMITS): UnzipWorkbookResult {
  const entries = readZipDirectory(bytes)?.filter((entry) => wanted(entry.name));
  if (entries === undefined) return { ok: false, reason: 'damaged' };
  let declared = 0;
  for (const entry of entries) {
    if (entry.size === ZIP64_MARK || entry.compressedSize === ZIP64_MARK || entry.localHeaderOffset === ZIP64_MARK) {
      return tooLarge(`This workbook is over 4 GB once unpacked; the most Discovery Desk reads is ${formatMegabytes(limits.maxTotalBytes)}. ${WHAT_TO_DO}`);
    }
    if (entry.size > limits.maxEntryBytes) {
      return tooLarge(`Part ${entry.name} of this workbook unpacks to ${formatMegabytes(entry.size)}; the most Discovery Desk reads in one part is ${formatMegabytes(limits.maxEntryBytes)}. ${WHAT_TO_DO}`);
    }
    if (entry.size >= limits.ratioFromBytes && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      const ratio = Math.floor(entry.size / Math.max(1, entry.compressedSize));
      return tooLarge(
        `Part ${entry.name} of this workbook would unpack from ${formatCount(entry.compressedSize)} bytes to ${formatMegabytes(entry.size)}, ${formatCount(ratio)} times its size; real workbooks grow at most ${formatCount(limits.maxRatio)} times, so it was not opened (it may be a zip bomb). Export the responses again, or as CSV.`,
      );
    }
    declared += entry.size;
  }
  if (declared > limits.maxTotalBytes) {
    return tooLarge(`This workbook unpacks to ${formatMegabytes(declared)} of sheet data; the most Discovery Desk reads is ${formatMegabytes(limits.maxTotalBytes)}. ${WHAT_TO_DO}`);
  }

  const parts: Record<string, Uint8Array> = {};
  let unpacked = 0;
  for (const entry of entries) {
    const stored = storedBytes(bytes, entry);
    if (stored === null || (entry.method !== 0 && entry.method !== 8)) return { ok: false, reason: 'damaged' };
    const room = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - unpacked);
    let data: Uint8Array | 'over';
    try {
      data = entry.method === 0 ? (stored.length > room ? 'over' : stored.slice()) : inflateAtMost(stored, room);
    } catch {
      return { ok: false, reason: 'damaged' };
    }
    if (data === 'over') {
      return tooLarge(
        `This workbook unpacks to more than its index declares, past ${formatMegabytes(unpacked + room)} of sheet data; the most Discovery Desk reads is ${formatMegabytes(limits.maxTotalBytes)} (${formatMegabytes(limits.maxEntryBytes)} per part). It was not read further. Export the responses again, or as CSV.`,
      );
    }
    unpacked += data.length;
    parts[entry.name] = data;
  }
  return { ok: true, parts };
}
