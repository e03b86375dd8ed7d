/** One change to a shared record: who made it, when, and the value it replaced. Pure. */
export interface RowHistoryEntry {
  /** The field changed, or `$created`, `$deleted`, `$restored` for the row itself. */
  readonly field: string;
  readonly value?: unknown;
  /** The value this change replaced (what the writer's replica held), absent for a new field. */
  readonly previous?: unknown;
  readonly memberId: string;
  readonly memberName: string;
  /** Epoch milliseconds on the writer's clock. */
  readonly at: number;
}

/** A member's edits of one field within this long are one history entry (typing saves every second). */
export const HISTORY_COALESCE_MS = 5 * 60_000;

/** Entries kept per record, oldest dropped first. */
export const HISTORY_LIMIT = 50;

/**
 * Whether `next` continues `last` (same member, same field, soon after): then the two become one
 * entry keeping the oldest `previous`, so a typing session is one change in the history.
 */
export function continuesEntry(last: RowHistoryEntry | undefined, next: RowHistoryEntry): boolean {
  return (
    last !== undefined &&
    !last.field.startsWith('$') &&
    last.field === next.field &&
    last.memberId === next.memberId &&
    next.at >= last.at &&
    next.at - last.at <= HISTORY_COALESCE_MS
  );
}

/** Reads an entry from a document; undefined for anything malformed (a newer build may write more). */
export function parseHistoryEntry(value: unknown): RowHistoryEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field: unknown = Reflect.get(value, 'field');
  const memberId: unknown = Reflect.get(value, 'memberId');
  const memberName: unknown = Reflect.get(value, 'memberName');
  const at: unknown = Reflect.get(value, 'at');
  if (typeof field !== 'string' || typeof memberId !== 'string' || typeof memberName !== 'string' || typeof at !== 'number') return undefined;
  const entry: RowHistoryEntry = { field, memberId, memberName, at };
  const result: { -readonly [K in keyof RowHistoryEntry]: RowHistoryEntry[K] } = { ...entry };
  if (Reflect.has(value, 'value')) result.value = Reflect.get(value, 'value');
  if (Reflect.has(value, 'previous')) result.previous = Reflect.get(value, 'previous');
  return result;
}
