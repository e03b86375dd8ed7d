import type { Contact } from '../../../shared/domain/contact';
import type { Highlight } from '../../../shared/domain/highlight';
import type { Note } from '../../../shared/domain/note';
import { DEFAULT_IMMEDIATE_PAIN_TARGET_PERCENT, roundTitleProblem, targetPercentProblem, type Round, type RoundFilter } from '../../../shared/domain/round';
import { snapshotCards } from '../../../shared/domain/round-snapshot';
import type { DiscoveryDb } from '../discovery-db';
import { createNotesRepository } from './notes-repository';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

export interface NewRound {
  readonly title: string;
  readonly filter: RoundFilter;
  /** Whether each highlight becomes a card of its own besides its note. */
  readonly includeHighlights: boolean;
  /** Only the highlights become cards (the evidence already picked out), not the whole notes. */
  readonly highlightsOnly?: boolean;
  readonly immediatePainTargetPercent?: number;
}

/** What a round started with these filters would hold. */
export interface SnapshotPreview {
  readonly notes: number;
  readonly highlights: number;
}

/** A round with how many cards its board holds. */
export interface RoundSummary {
  readonly round: Round;
  readonly cardCount: number;
}

export interface RoundsRepository {
  /** Every round, most recently changed first, with its card count. */
  list(): Promise<readonly RoundSummary[]>;
  get(id: string): Promise<Round | undefined>;
  /** Counts the notes (and their highlights) the filters match now. */
  preview(filter: RoundFilter): Promise<SnapshotPreview>;
  /** Freezes the matching notes and highlights into a new round and its cards, in one transaction. */
  start(input: NewRound): Promise<Round>;
  /** Sets the share of planned effort meant for immediate user pain (0-100). */
  setTarget(id: string, percent: number): Promise<void>;
  rename(id: string, title: string): Promise<void>;
}

// A snapshot reads every match; the notes query takes a page size; IndexedDB counts fit in 32 bits.
const EVERY_MATCH = 1_000_000_000;

export function createRoundsRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): RoundsRepository {
  const notes = createNotesRepository(db);

  async function matchingNotes(filter: RoundFilter): Promise<readonly Note[]> {
    return (await notes.query(filter, EVERY_MATCH)).notes;
  }

  return {
    async list() {
      const rounds = await db.rounds.orderBy('updatedAt').reverse().toArray();
      const counts = await Promise.all(rounds.map((round) => db.cards.where('roundId').equals(round.id).count()));
      return rounds.map((round, index) => ({ round, cardCount: counts[index] ?? 0 }));
    },

    get: (id) => db.rounds.get(id),

    async preview(filter) {
      return db.transaction('r', [db.notes, db.highlights, db.meta], async () => {
        const matches = await matchingNotes(filter);
        const highlights = matches.length === 0 ? 0 : await db.highlights.where('noteId').anyOf(matches.map((note) => note.id)).count();
        return { notes: matches.length, highlights };
      });
    },

    async start({ title, filter, includeHighlights, highlightsOnly = false, immediatePainTargetPercent = DEFAULT_IMMEDIATE_PAIN_TARGET_PERCENT }) {
      const titleProblem = roundTitleProblem(title);
      if (titleProblem) throw new UserError(titleProblem);
      const targetProblem = targetPercentProblem(immediatePainTargetPercent);
      if (targetProblem) throw new UserError(targetProblem);
      const now = clock();
      const id = newId();
      return writeTransaction(db, [db.rounds, db.cards, db.notes, db.highlights, db.contacts, db.meta], async () => {
        const matched = await matchingNotes(filter);
        if (matched.length === 0) throw new UserError('No notes match these filters, so the round would be empty. Widen the filters.');
        const highlights: readonly Highlight[] = includeHighlights || highlightsOnly ? await db.highlights.where('noteId').anyOf(matched.map((note) => note.id)).toArray() : [];
        // A round of highlights only keeps the notes they come from.
        const highlighted = new Set(highlights.map((highlight) => highlight.noteId));
        const matches = highlightsOnly ? matched.filter((note) => highlighted.has(note.id)) : matched;
        if (matches.length === 0) throw new UserError('None of the notes these filters match has a highlight, so a round of highlights only would be empty. Highlight the evidence in the notes first, or include whole notes.');
        const personIds = [...new Set(matches.flatMap((note) => note.personIds))];
        const contactRows = await db.contacts.bulkGet(personIds);
        const contacts = new Map(contactRows.filter((row): row is Contact => row !== undefined).map((contact) => [contact.id, contact]));
        const round: Round = {
          id,
          title: title.trim(),
          state: 'clustering',
          filter: cleanFilter(filter),
          snapshotNoteIds: matches.map((note) => note.id),
          snapshotHighlightIds: highlights.map((highlight) => highlight.id),
          snapshotTakenAt: now,
          immediatePainTargetPercent,
          createdAt: now,
          updatedAt: now,
        };
        await db.rounds.add(round);
        await db.cards.bulkAdd(snapshotCards(id, matches, highlights, contacts, newId, { withNoteCards: !highlightsOnly }));
        return round;
      });
    },

    async setTarget(id, percent) {
      const problem = targetPercentProblem(percent);
      if (problem) throw new UserError(problem);
      await writeTransaction(db, [db.rounds], async () => {
        await db.rounds.update(id, { immediatePainTargetPercent: percent, updatedAt: clock() });
      });
    },

    async rename(id, title) {
      const problem = roundTitleProblem(title);
      if (problem) throw new UserError(problem);
      await writeTransaction(db, [db.rounds], async () => {
        await db.rounds.update(id, { title: title.trim(), updatedAt: clock() });
      });
    },
  };
}

// Only the filters that are set are kept, so the stored round says exactly what it was taken with.
function cleanFilter(filter: RoundFilter): RoundFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== ''));
}
