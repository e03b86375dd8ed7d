/** A deterministic pseudo-random source: the same seed always gives the same sequence. */
export interface SeededRandom {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in a random order (all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[];
  /** An index into `weights`, chosen in proportion to each weight. */
  weightedIndex(weights: readonly number[]): number;
  /** A normally distributed number (Box-Muller). */
  normal(mean: number, standardDeviation: number): number;
  /** A random UUID v4 string, deterministic for the seed. */
  uuid(): string;
}

/** Combines a base seed with labels into one 32-bit seed (FNV-1a), so each record gets its own stream. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const part of parts) {
    const text = `${String(part)}\u0000`;
    for (let index = 0; index < text.length; index += 1) {
      hash ^= text.charCodeAt(index);
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** sfc32: small, fast and well distributed; Math.random cannot be seeded. */
export function createSeededRandom(seed: number): SeededRandom {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const nextUint32 = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let warmUp = 0; warmUp < 12; warmUp += 1) nextUint32();

  const next = (): number => nextUint32() / 0x1_0000_0000;
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list.');
    return item;
  };

  const sample = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    const picked: T[] = [];
    while (picked.length < count && pool.length > 0) {
      const [item] = pool.splice(Math.floor(next() * pool.length), 1);
      if (item !== undefined) picked.push(item);
    }
    return picked;
  };

  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick,
    sample,
    weightedIndex(weights) {
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let remaining = next() * total;
      for (const [index, weight] of weights.entries()) {
        remaining -= weight;
        if (remaining < 0) return index;
      }
      return weights.length - 1;
    },
    normal(mean, standardDeviation) {
      const u = 1 - next();
      const v = next();
      return mean + standardDeviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    uuid() {
      const hex = Array.from({ length: 4 }, () => nextUint32().toString(16).padStart(8, '0')).join('');
      const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
    },
  };
}
