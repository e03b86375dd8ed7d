import { DERIVED_FIELDS, type SyncedTable } from './synced-tables';

/** One field of a row set to a value, or removed (undefined). */
export interface FieldChange {
  readonly field: string;
  readonly value: unknown;
}

/** Structural equality of JSON-like values (rows are plain data: no Dates, Maps or classes). */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  if (left instanceof Uint8Array || right instanceof Uint8Array) {
    return left instanceof Uint8Array && right instanceof Uint8Array && left.length === right.length && left.every((byte, index) => byte === right[index]);
  }
  const leftKeys = Object.keys(left).filter((key) => Reflect.get(left, key) !== undefined);
  const rightKeys = Object.keys(right).filter((key) => Reflect.get(right, key) !== undefined);
  return leftKeys.length === rightKeys.length && leftKeys.every((key) => jsonEqual(Reflect.get(left, key), Reflect.get(right, key)));
}

/** The fields of a row that are shared (everything but what the write path derives). */
export function sharedFields(table: SyncedTable, row: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const derived = DERIVED_FIELDS[table] ?? [];
  const shared: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (value !== undefined && !derived.includes(field) && !field.startsWith('$')) shared[field] = value;
  }
  return shared;
}

/** The shared fields a write changed, from the row before to the row after (both present). */
export function changedFields(table: SyncedTable, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): FieldChange[] {
  const old = sharedFields(table, before);
  const now = sharedFields(table, after);
  const changes: FieldChange[] = [];
  for (const field of new Set([...Object.keys(old), ...Object.keys(now)])) {
    if (!jsonEqual(old[field], now[field])) changes.push({ field, value: now[field] });
  }
  return changes;
}

/**
 * A row as stored locally after another member's change: the local row with the changed shared
 * fields taken from the team's version (removed when absent there), derived fields left for the
 * write path to recompute.
 */
export function mergeRemoteFields(
  local: Readonly<Record<string, unknown>> | undefined,
  remote: Readonly<Record<string, unknown>>,
  changed: readonly string[] | 'all',
): Record<string, unknown> {
  if (local === undefined || changed === 'all') return { ...remote };
  const replaced = new Set(changed.filter((field) => !field.startsWith('$')));
  const merged = Object.fromEntries(Object.entries(local).filter(([field]) => !replaced.has(field)));
  for (const field of replaced) if (remote[field] !== undefined) merged[field] = remote[field];
  return merged;
}
