/** Returns the current time in epoch milliseconds; passed in so rules and tests stay deterministic. */
export type Clock = () => number;
