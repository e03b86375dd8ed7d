import type { Note } from '../../../shared/domain/note';
import type { DiscoveryDb } from '../discovery-db';

/** A page of notes in id order. */
export interface NoteIdPage {
  readonly notes: readonly Note[];
  /** Where the next page starts (after this id); absent on the last page. */
  readonly nextAfterId?: string;
}

/** Note ids with their `updatedAt`, position by position. */
export interface NoteVersions {
  readonly ids: readonly string[];
  readonly updatedAts: readonly number[];
}

/** What the search worker reads to build and update its index; read-only. */
export interface SearchSourceRepository {
  countNotes(): Promise<number>;
  /** Notes in id order, after `afterId` (from the first when undefined). */
  notesAfter(afterId: string | undefined, limit: number): Promise<NoteIdPage>;
  /** The notes whose `updatedAt` is at or above `watermark`, as ids with their `updatedAt`, read from the index alone. */
  noteVersionsSince(watermark: number): Promise<NoteVersions>;
  /** Every note id, read from the primary key alone. */
  noteIds(): Promise<readonly string[]>;
  /** The notes with these ids that exist. */
  notesByIds(ids: readonly string[]): Promise<readonly Note[]>;
  /** Every contact's name by id. */
  contactNames(): Promise<ReadonlyMap<string, string>>;
  /** The ids of the notes naming any of these people, read from the index alone. */
  noteIdsOfPeople(contactIds: readonly string[]): Promise<readonly string[]>;
}

export function createSearchSourceRepository(db: DiscoveryDb): SearchSourceRepository {
  return {
    countNotes: () => db.notes.count(),

    async notesAfter(afterId, limit) {
      const collection = afterId === undefined ? db.notes.orderBy(':id') : db.notes.where(':id').above(afterId);
      const notes = await collection.limit(limit).toArray();
      const last = notes.at(-1);
      return notes.length === limit && last !== undefined ? { notes, nextAfterId: last.id } : { notes };
    },

    async noteVersionsSince(watermark) {
      // One transaction, so both lists walk the same index entries in the same order.
      const [updatedAts, ids] = await db.transaction('r', db.notes, () => {
        const since = () => db.notes.where('updatedAt').aboveOrEqual(watermark);
        return Promise.all([since().keys(), since().primaryKeys()]);
      });
      return { ids, updatedAts: updatedAts.map((key) => (typeof key === 'number' ? key : Number.NaN)) };
    },

    noteIds: () => db.notes.toCollection().primaryKeys(),

    async notesByIds(ids) {
      const notes = await db.notes.bulkGet([...ids]);
      return notes.filter((note) => note !== undefined);
    },

    async contactNames() {
      const names = new Map<string, string>();
      await db.contacts.each((contact) => names.set(contact.id, contact.name));
      return names;
    },

    async noteIdsOfPeople(contactIds) {
      if (contactIds.length === 0) return [];
      return [...new Set(await db.notes.where('personIds').anyOf([...contactIds]).primaryKeys())];
    },
  };
}
