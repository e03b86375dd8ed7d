import Dexie from 'dexie';
import { buildSampleWorkspace, SAMPLE_ID_PREFIX, type SampleWorkspace } from '../../../shared/domain/sample-workspace';
import { UserError } from '../../../shared/errors/user-error';
import type { DiscoveryDb } from '../discovery-db';
import { systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';

export interface SampleWorkspaceRepository {
  /** Whether the sample workspace is loaded (its round is there). */
  isLoaded(): Promise<boolean>;
  /** Adds the sample workspace in one transaction; refused when it is loaded already. */
  load(): Promise<void>;
  /**
   * Removes the sample workspace in one transaction: every sample record, and what was added onto
   * it since (highlights in sample notes, anything in the sample round, solutions of its buckets
   * and their experiments, responses to the sample survey). Returns how many records went.
   */
  remove(): Promise<number>;
}

const TABLES = ['contacts', 'notes', 'surveys', 'surveyQuestions', 'surveyResponses', 'rounds', 'cards', 'buckets', 'votes', 'workshops', 'initiatives', 'solutions', 'experiments'] as const satisfies readonly (keyof SampleWorkspace)[];
// Tables that only hold records added onto sample ones (never loaded with the sample).
const DEPENDENT_TABLES = ['highlights', 'artifacts', 'scores'] as const;

const sampleKeys = (db: DiscoveryDb, table: (typeof TABLES)[number] | (typeof DEPENDENT_TABLES)[number]) => db.table<unknown, string>(table).where(':id').startsWith(SAMPLE_ID_PREFIX).primaryKeys();

export function createSampleWorkspaceRepository(db: DiscoveryDb, { clock = systemClock }: RepositoryDependencies = {}): SampleWorkspaceRepository {
  const tables = () => [...TABLES, ...DEPENDENT_TABLES].map((name) => db.table(name));
  const isLoaded = async () => (await db.rounds.where(':id').startsWith(SAMPLE_ID_PREFIX).count()) > 0;
  return {
    isLoaded,

    load: () =>
      writeTransaction(db, tables(), async () => {
        if (await isLoaded()) throw new UserError('The sample workspace is loaded already. Remove it first to load it again.');
        const sample = buildSampleWorkspace(clock());
        for (const name of TABLES) await db.table(name).bulkAdd([...sample[name]]);
      }),

    remove: () =>
      writeTransaction(db, tables(), async () => {
        const noteIds = await sampleKeys(db, 'notes');
        const roundIds = await sampleKeys(db, 'rounds');
        const surveyIds = await sampleKeys(db, 'surveys');
        const bucketIds = await db.buckets.where('roundId').anyOf(roundIds).primaryKeys();
        const solutionIds = [...(await sampleKeys(db, 'solutions')), ...(await db.solutions.where('bucketId').anyOf(bucketIds).primaryKeys())];
        const inRound = (table: 'cards' | 'buckets' | 'initiatives' | 'workshops') => db.table<unknown, string>(table).where('roundId').anyOf(roundIds).primaryKeys();
        const byRound = async (table: 'votes' | 'scores' | 'artifacts') =>
          db
            .table<{ readonly roundId: string }, string>(table)
            .filter((row) => roundIds.includes(row.roundId))
            .primaryKeys();
        const keys: Record<string, readonly string[]> = {
          highlights: await db.highlights.where('noteId').anyOf(noteIds).primaryKeys(),
          cards: await inRound('cards'),
          buckets: bucketIds,
          initiatives: await inRound('initiatives'),
          workshops: await inRound('workshops'),
          votes: await byRound('votes'),
          scores: await byRound('scores'),
          artifacts: await byRound('artifacts'),
          solutions: solutionIds,
          experiments: await db.experiments.where('solutionId').anyOf(solutionIds).primaryKeys(),
          surveyResponses: (await Promise.all(surveyIds.map((surveyId) => db.surveyResponses.where('[surveyId+respondentKey]').between([surveyId, Dexie.minKey], [surveyId, Dexie.maxKey]).primaryKeys()))).flat(),
        };
        let removed = 0;
        for (const name of [...TABLES, ...DEPENDENT_TABLES]) {
          const own = await sampleKeys(db, name);
          const all = [...new Set([...own, ...(keys[name] ?? [])])];
          await db.table(name).bulkDelete(all);
          removed += all.length;
        }
        return removed;
      }),
  };
}
