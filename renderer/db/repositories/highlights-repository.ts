import type { Highlight } from '../../../shared/domain/highlight';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';
import { matchesEveryWord } from '../../../shared/search/match-words';

export interface NewHighlight {
  readonly noteId: string;
  readonly quote: string;
  readonly tags?: readonly string[];
}

export interface HighlightsRepository {
  create(input: NewHighlight): Promise<Highlight>;
  setTags(id: string, tags: readonly string[]): Promise<void>;
  delete(id: string): Promise<void>;
  /** Puts back a highlight exactly as it was (undo). */
  restore(highlight: Highlight): Promise<void>;
  /** A note's highlights, oldest first. */
  listForNote(noteId: string): Promise<readonly Highlight[]>;
  /** Every highlight, newest first: the evidence view (highlights number in the thousands, not 100k). */
  listAll(): Promise<readonly Highlight[]>;
  /** Up to `limit` highlights whose quote or tags hold every word of `text`, newest first. */
  search(text: string, limit: number): Promise<readonly Highlight[]>;
  /** Tags used on highlights, sorted. */
  distinctTags(): Promise<readonly string[]>;
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function createHighlightsRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): HighlightsRepository {
  return {
    async create({ noteId, quote, tags = [] }) {
      const text = quote.trim();
      if (text === '') throw new UserError('Select some text to highlight.');
      const now = clock();
      const highlight: Highlight = { id: newId(), noteId, quote: text, tags: cleanTags(tags), createdAt: now, updatedAt: now };
      await writeTransaction(db, [db.notes, db.highlights], async () => {
        if ((await db.notes.get(noteId)) === undefined) throw new UserError('Save the note before highlighting in it.');
        await db.highlights.add(highlight);
      });
      return highlight;
    },

    setTags(id, tags) {
      return writeTransaction(db, [db.highlights], async () => {
        await db.highlights.update(id, { tags: cleanTags(tags), updatedAt: clock() });
      });
    },

    delete(id) {
      return writeTransaction(db, [db.highlights], () => db.highlights.delete(id));
    },

    restore(highlight) {
      return writeTransaction(db, [db.highlights], async () => {
        await db.highlights.put(highlight);
      });
    },

    async listForNote(noteId) {
      const rows = await db.highlights.where('noteId').equals(noteId).toArray();
      return rows.sort((a, b) => a.createdAt - b.createdAt);
    },

    async listAll() {
      const rows = await db.highlights.toArray();
      return rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },

    async search(text, limit) {
      if (text.trim() === '') return [];
      // Highlights number in the thousands: a scan is cheap, and finds words inside quotes.
      const rows = await db.highlights.filter((row) => matchesEveryWord(text, row.quote, ...row.tags)).toArray();
      return rows.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1)).slice(0, limit);
    },

    async distinctTags() {
      const keys = await db.highlights.orderBy('tags').uniqueKeys();
      return keys.filter((key): key is string => typeof key === 'string').sort((a, b) => a.localeCompare(b));
    },
  };
}
