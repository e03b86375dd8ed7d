/** Returns the current time in epoch milliseconds; passed in so rules and tests stay deterministic. */
export type Clock = () => number;

/** One day in milliseconds. */
export const DAY_MS = 24 * 60 * 60 * 1000;
