/**
 * A posting list being built: ascending doc numbers stored as varint gaps (7 bits a byte, low
 * bits first, the first gap counted from -1), and one weight byte per posting.
 */
export class PostingList {
  bytes: Uint8Array;
  byteLength = 0;
  weights: Uint8Array;
  count = 0;
  private lastDoc = -1;

  constructor(capacity = 4) {
    this.bytes = new Uint8Array(capacity * 2);
    this.weights = new Uint8Array(capacity);
  }

  /** Appends a posting; `doc` must be above every doc already added. */
  add(doc: number, weight: number): void {
    if (this.count === this.weights.length) this.weights = grow(this.weights, this.count + 1);
    if (this.byteLength + 5 > this.bytes.length) this.bytes = grow(this.bytes, this.byteLength + 5);
    this.byteLength = writeVarint(this.bytes, this.byteLength, doc - this.lastDoc);
    this.weights[this.count] = weight;
    this.count += 1;
    this.lastDoc = doc;
  }
}

/** A growable byte buffer for writing many posting lists one after another. */
export class ByteWriter {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  writeVarint(value: number): void {
    if (this.length + 5 > this.bytes.length) this.bytes = grow(this.bytes, this.length + 5);
    this.length = writeVarint(this.bytes, this.length, value);
  }

  writeByte(value: number): void {
    if (this.length + 1 > this.bytes.length) this.bytes = grow(this.bytes, this.length + 1);
    this.bytes[this.length] = value;
    this.length += 1;
  }

  /** The written bytes, trimmed to length. */
  finish(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

/** Writes `value` (a non-negative integer below 2^35) as a varint at `offset`; returns the offset after it. */
export function writeVarint(bytes: Uint8Array, offset: number, value: number): number {
  let rest = value;
  let position = offset;
  while (rest >= 0x80) {
    bytes[position] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
    position += 1;
  }
  bytes[position] = rest;
  return position + 1;
}

/**
 * Calls `visit(doc, weight)` for each posting stored in `bytes[byteStart, byteEnd)` with its
 * weights from `weights[weightStart]` on.
 */
export function forEachPosting(
  bytes: Uint8Array,
  byteStart: number,
  byteEnd: number,
  weights: Uint8Array,
  weightStart: number,
  visit: (doc: number, weight: number) => void,
): void {
  let position = byteStart;
  let doc = -1;
  let weightIndex = weightStart;
  while (position < byteEnd) {
    let byte = bytes[position] ?? 0;
    position += 1;
    let gap = byte & 0x7f;
    let shift = 128;
    while (byte >= 0x80) {
      byte = bytes[position] ?? 0;
      position += 1;
      gap += (byte & 0x7f) * shift;
      shift *= 128;
    }
    doc += gap;
    visit(doc, weights[weightIndex] ?? 0);
    weightIndex += 1;
  }
}

function grow(array: Uint8Array, minimum: number): Uint8Array {
  const next = new Uint8Array(Math.max(minimum, Math.ceil(array.length * 1.5) + 8));
  next.set(array);
  return next;
}
