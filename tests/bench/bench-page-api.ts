import type { PageProbe } from './page-probe';

export interface SeedOptions {
  readonly seed: number;
  readonly noteCount: number;
  readonly batchSize: number;
}

export interface SeedReport {
  readonly contacts: number;
  readonly notes: number;
  readonly highlights: number;
  /** Time spent making the records in the page. */
  readonly generateMs: number;
  /** Time spent in the bulkAdd transactions alone. */
  readonly bulkAddMs: number;
  readonly totalMs: number;
  /** What the origin stores after seeding (navigator.storage.estimate), in MB. */
  readonly storageMb: number;
}

export interface NaiveFuseReport {
  readonly notes: number;
  readonly loadMs: number;
  readonly buildMs: number;
  /** One duration per query, in the order given. */
  readonly searchMs: readonly number[];
  readonly resultCounts: readonly number[];
}

export interface RawSurveyBulkAddOptions {
  readonly seed: number;
  readonly responseCount: number;
}

export interface RawSurveyBulkAddReport {
  readonly responses: number;
  readonly generateMs: number;
  readonly bulkAddMs: number;
  /**
   * Every record the importer stores for this file (responses, a contact per respondent email, a
   * survey-response note per free-text answer), built before timing, then one bulkAdd per table in
   * one transaction: the "same records" the importer is held to.
   */
  readonly allRecordsBulkAddMs: number;
  readonly contacts: number;
  readonly notes: number;
}

export interface RoundTripOptions {
  readonly seed: number;
  readonly noteCount: number;
  readonly responseCount: number;
  readonly batchSize: number;
}

export interface RoundTripReport {
  readonly rows: number;
  readonly answers: number;
  readonly fileMb: number;
  /** A plain paged read of every row of every exported table: the baseline. */
  readonly rawReadMs: number;
  readonly exportMs: number;
  readonly wipeMs: number;
  readonly restoreMs: number;
  /** Rows whose hash differs after the restore, or that are missing or new; 0 when every row came back identical. */
  readonly differentRows: number;
  readonly firstDifferences: readonly string[];
}

export interface SeedBoardReport {
  readonly roundId: string;
  readonly cards: number;
  readonly buckets: number;
  readonly bulkAddMs: number;
}

export interface FirstSyncOptions {
  /** The team server, `http://127.0.0.1:<port>/`. */
  readonly serverUrl: string;
  readonly workspaceId: string;
  readonly memberToken: string;
  readonly memberId: string;
  /** The notes the team holds: the sync fails unless exactly these arrive. */
  readonly expectedNotes: number;
}

export interface FirstSyncReport {
  /** From opening the engine to every team row written to the tables. */
  readonly ms: number;
  /** Opening the (empty) local documents in IndexedDB. */
  readonly openMs: number;
  /** Receiving every document from the server (stored by y-dexie). */
  readonly receiveMs: number;
  /** Writing the team's rows to the tables through the write path. */
  readonly applyMs: number;
  readonly notes: number;
  readonly highlights: number;
  readonly contacts: number;
}

export interface SyncRestoreReport {
  readonly restoreMs: number;
  readonly fileMb: number;
  readonly notes: number;
}

/** What the seeding bundle (seed-entry.ts) puts on `window` in a page of the app's origin. */
export interface BenchPageApi {
  /** Fills the app's real database (schema, indexes and all) in batches, one bulkAdd transaction each. */
  seedWorkspace(options: SeedOptions): Promise<SeedReport>;
  /** The baseline: plain Fuse.js over every stored note, keyed as the app's search is. */
  naiveFuseSearch(options: { readonly queries: readonly string[] }): Promise<NaiveFuseReport>;
  /** The import baseline: one raw bulkAdd of the survey's response records. */
  rawSurveyBulkAdd(options: RawSurveyBulkAddOptions): Promise<RawSurveyBulkAddReport>;
  /** Seeds notes and survey answers, then exports, wipes and restores through the app's own code, comparing per-row hashes. */
  roundTrip(options: RoundTripOptions): Promise<RoundTripReport>;
  /** Stores a round with its cards and buckets (half the cards grouped), as the board writes them. */
  seedBoard(options: { readonly seed: number; readonly cardCount: number; readonly bucketCount: number }): Promise<SeedBoardReport>;
  /** Stores a generated survey of many questions (results screen benchmark); answers with its id. */
  seedWideSurvey(options: { readonly seed: number; readonly questionCount: number; readonly responseCount: number }): Promise<{ readonly surveyId: string; readonly questions: number; readonly bulkAddMs: number }>;
  /** The board baseline: reads the round's cards and buckets straight from IndexedDB through their indexes. */
  readBoardRaw(options: { readonly roundId: string }): Promise<{ readonly cards: number; readonly readMs: number }>;
  /** A new teammate's first full sync from the team server (keeps the team session running in this page). */
  syncFirst(options: FirstSyncOptions): Promise<FirstSyncReport>;
  /** Renames a note through the notes repository (the one write path); answers the wall-clock time just before the write. */
  syncEditNote(options: { readonly id: string; readonly title: string }): Promise<number>;
  /** Starts watching for a note's title to arrive in this page's table; answers a watch id for syncArrival. */
  syncWatchNoteTitle(options: { readonly id: string; readonly title: string; readonly timeoutMs: number }): Promise<number>;
  /** The wall-clock time the watched title was committed to the table. */
  syncArrival(watch: number): Promise<number>;
  /** Stops the team session, downloads this workspace as a backup file and times its restore. */
  syncRestoreBaseline(): Promise<SyncRestoreReport>;
}

declare global {
  interface Window {
    discoveryBench?: BenchPageApi;
    discoveryBenchProbe?: PageProbe;
  }
}
