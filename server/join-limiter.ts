/** Wrong join codes allowed from one address within the window before it must wait. */
export const WRONG_CODES_ALLOWED = 5;
export const WRONG_CODE_WINDOW_MS = 60_000;

export interface JoinLimiter {
  /** Milliseconds the address must wait before trying again, or 0. */
  waitFor(address: string): number;
  recordWrongCode(address: string): void;
}

/** Rate-limits wrong join codes per address: a code has about 887 million values, so guessing needs many tries. */
export function createJoinLimiter(now: () => number): JoinLimiter {
  const attempts = new Map<string, number[]>();
  const recent = (address: string) => (attempts.get(address) ?? []).filter((at) => now() - at < WRONG_CODE_WINDOW_MS);
  return {
    waitFor(address) {
      const times = recent(address);
      attempts.set(address, times);
      if (times.length < WRONG_CODES_ALLOWED) return 0;
      return WRONG_CODE_WINDOW_MS - (now() - (times[0] ?? now()));
    },
    recordWrongCode(address) {
      attempts.set(address, [...recent(address), now()]);
    },
  };
}
