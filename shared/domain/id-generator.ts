/** Returns a new unique id; passed in so rules and tests stay deterministic. */
export type IdGenerator = () => string;
