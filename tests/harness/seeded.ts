import fc from 'fast-check';

/**
 * Seeded randomness for fault tests, from fast-check: the same seed gives the same value on
 * every run and machine, so a failing schedule can be replayed by its seed.
 */
export function seededValue<T>(arbitrary: fc.Arbitrary<T>, seed: number): T {
  const [value] = fc.sample(arbitrary, { seed, numRuns: 1 });
  if (value === undefined) throw new Error(`No value for seed ${seed}.`);
  return value;
}

export type NetworkFault = { readonly kind: 'cut' } | { readonly kind: 'hold'; readonly ms: number } | { readonly kind: 'delay'; readonly ms: number } | { readonly kind: 'partition'; readonly ms: number };

/** One fault on one of `clients` proxies, with a short bounded duration. */
export function networkFault(clients: number): fc.Arbitrary<{ readonly client: number; readonly fault: NetworkFault }> {
  return fc.record({
    client: fc.integer({ min: 0, max: clients - 1 }),
    fault: fc.oneof(
      fc.constant<NetworkFault>({ kind: 'cut' }),
      fc.integer({ min: 20, max: 300 }).map((ms): NetworkFault => ({ kind: 'hold', ms })),
      fc.integer({ min: 5, max: 80 }).map((ms): NetworkFault => ({ kind: 'delay', ms })),
      fc.integer({ min: 20, max: 300 }).map((ms): NetworkFault => ({ kind: 'partition', ms })),
    ),
  });
}
