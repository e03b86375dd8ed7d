import type { Repositories } from '../use-repositories';

/** Every kind of form the app saves; the names are stored in journals and conflict copies: never rename one. */
export const FORM_KINDS = ['note', 'solution', 'experiment', 'charter', 'vision', 'survey-plan', 'bucket', 'round-target', 'workshop-votes', 'contact'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/**
 * How one kind of form reads, projects and writes its record. The save mechanism (saveForm,
 * useFormSave, the journal) is the same for every kind; only this differs.
 */
export interface FormStore<R, V> {
  readonly kind: FormKind;
  /** What a person calls it, e.g. "this note". */
  readonly label: string;
  read(repositories: Repositories, id: string): Promise<R | undefined>;
  /** The form's value from the stored record; undefined when nothing is stored yet (where allowed). */
  project(record: R | undefined): V;
  /** Why a save cannot land when the record is gone, or null when the first save creates it. */
  readonly missingMessage: string | null;
  /** Writes the value; `stored` is the record as it is inside the same transaction. */
  write(repositories: Repositories, id: string, value: V, stored: R | undefined): Promise<unknown>;
  /** Grows with every stored change of the record. */
  revision(record: R): number;
  /** A journaled value read back from storage, or null when it does not have this form's shape. */
  parse(value: unknown): V | null;
}

/** A form store with its types forgotten, for code that handles every kind (the journal's recovery). */
export type AnyFormStore = FormStore<unknown, unknown>;

export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value with these string fields, or null. */
export function parseStrings<K extends string>(value: unknown, keys: readonly K[]): Readonly<Record<K, string>> | null {
  if (!isRecord(value)) return null;
  const parsed: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const field = value[key];
    if (typeof field !== 'string') return null;
    parsed[key] = field;
  }
  return parsed as Readonly<Record<K, string>>;
}
