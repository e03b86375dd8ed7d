import type { DiscoveryDb, MetaRecord } from '../discovery-db';
import { writeTransaction } from './write-transaction';
import type { FormKind } from '../forms/form-store';
import { UserError } from '../../../shared/errors/user-error';

const PREFIX = 'conflict-copy:';

/**
 * A version of a form's text that was replaced by an edit made on older text (in another window,
 * or recovered after a crash). Kept until the person discards it, so neither version is lost.
 */
export interface ConflictCopy {
  readonly key: string;
  readonly kind: FormKind;
  readonly recordId: string;
  readonly keptAt: number;
  /** The replaced version, as the form holds it. */
  readonly value: unknown;
  /** The replaced version as plain text, to read and copy. */
  readonly text: string;
}

export interface ConflictCopiesRepository {
  /** Keeps a copy; call inside the write that replaces the version. */
  keep(copy: Omit<ConflictCopy, 'key'>): Promise<ConflictCopy>;
  listFor(kind: FormKind, recordId: string): Promise<readonly ConflictCopy[]>;
  discard(key: string): Promise<void>;
}

function prefixOf(kind: FormKind, recordId: string): string {
  return `${PREFIX}${kind}:${recordId}:`;
}

function readCopy(record: MetaRecord): ConflictCopy | null {
  const value = record.value;
  if (typeof value !== 'object' || value === null) return null;
  const { kind, recordId, keptAt, text } = value as Partial<ConflictCopy>;
  if (typeof kind !== 'string' || typeof recordId !== 'string' || typeof keptAt !== 'number' || typeof text !== 'string') return null;
  return { key: record.key, kind, recordId, keptAt, text, value: (value as { value?: unknown }).value };
}

export function createConflictCopiesRepository(db: DiscoveryDb): ConflictCopiesRepository {
  return {
    async keep(copy) {
      const key = `${prefixOf(copy.kind, copy.recordId)}${copy.keptAt}:${crypto.randomUUID()}`;
      await writeTransaction(db, [db.meta], () => db.meta.put({ key, value: copy }));
      return { ...copy, key };
    },

    async listFor(kind, recordId) {
      const rows = await db.meta.where('key').startsWith(prefixOf(kind, recordId)).toArray();
      return rows.flatMap((row) => readCopy(row) ?? []).sort((a, b) => b.keptAt - a.keptAt);
    },

    async discard(key) {
      if (!key.startsWith(PREFIX)) throw new UserError('That is not a conflict copy.');
      await writeTransaction(db, [db.meta], () => db.meta.delete(key));
    },
  };
}
