/** A cyrb53 hash fed in pieces: the same digest as `hashText` of the pieces joined, without joining them. */
export interface TextHasher {
  update(text: string): TextHasher;
  digest(): string;
}

/** Starts a cyrb53 hash (see `hashText`) that is fed text piece by piece. */
export function createTextHasher(seed = 0): TextHasher {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  const hasher: TextHasher = {
    update(text) {
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        h1 = Math.imul(h1 ^ code, 2654435761);
        h2 = Math.imul(h2 ^ code, 1597334677);
      }
      return hasher;
    },
    digest() {
      let a = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
      let b = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
      a ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
      b ^= Math.imul(a ^ (a >>> 13), 3266489909);
      const value = 4294967296 * (2097151 & b) + (a >>> 0);
      return value.toString(16).padStart(14, '0');
    },
  };
  return hasher;
}

/**
 * cyrb53 (bryc, public domain): a fast, well-mixed 53-bit non-cryptographic hash of a string's
 * UTF-16 code units, returned as 14 lowercase hex digits. Used for respondent keys of files without
 * a response id and for answer hashes, where speed matters (100,000 rows) and an adversary does not:
 * the chance that two of 100,000 different texts collide is about 1 in 2 million.
 */
export function hashText(text: string, seed = 0): string {
  return createTextHasher(seed).update(text).digest();
}
