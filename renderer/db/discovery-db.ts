import { Dexie, type Table } from 'dexie';
import yDexie from 'y-dexie';
import type * as Y from 'yjs';
import type { Artifact } from '../../shared/domain/artifact';
import type { Card, Initiative, PainBucket, Vote } from '../../shared/domain/board';
import type { Contact } from '../../shared/domain/contact';
import type { ErrorLogEntry } from '../../shared/errors/error-log-entry';
import type { Highlight } from '../../shared/domain/highlight';
import type { Note } from '../../shared/domain/note';
import type { PlannedChat } from '../../shared/domain/planned-chat';
import type { Round } from '../../shared/domain/round';
import type { Score } from '../../shared/domain/score';
import type { Survey, SurveyQuestion, SurveyResponse } from '../../shared/domain/survey';
import type { SurveyPlan } from '../../shared/domain/survey-plan';
import type { Experiment, Solution } from '../../shared/domain/validation';
import type { Workshop } from '../../shared/domain/workshop';
import { NewerSchemaError } from './newer-schema-error';
import { readSchemaVersion } from './repositories/meta-repository';
import type { SearchIndexRecord } from './repositories/search-index-repository';
import { declareSchemaVersions } from './schema/declare-schema-versions';
import { latestSchemaVersion, schemaVersionOfNativeVersion, schemaVersions, type SchemaVersion } from './schema/versions';
import { announceCommittedWrites } from './side-effects/committed-writes-channel';
import { registerNoteAndContactSideEffects } from './side-effects/note-side-effects';
import { createWriteSideEffects, type WriteSideEffects } from './side-effects/write-side-effects';
import { createWriteGuardMiddleware } from './write-guard-middleware';

/** The IndexedDB database name. Data is keyed by it: never change it. */
export const DB_NAME = 'discovery-desk';

/** A row of the `meta` table: facts about the database itself. */
export interface MetaRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A row of the `settings` table; values are checked on read, since a newer build may have written them. */
export interface SettingRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A row of `syncDocs`: one Yjs document of the team workspace, its state kept by y-dexie. */
export interface SyncDocRecord {
  readonly key: string;
  readonly doc: Y.Doc;
}

export interface DiscoveryDbOptions {
  /** The schema versions to declare; tests add versions to exercise migrations. */
  readonly versions?: readonly SchemaVersion[];
  /**
   * False opens whatever schema is stored without declaring one, so Dexie can neither upgrade nor
   * patch it: used when the stored database is newer than this build.
   */
  readonly isSchemaDeclared?: boolean;
}

/** The app's IndexedDB database. Only repositories use its tables. */
export class DiscoveryDb extends Dexie {
  // `declare`: Dexie defines the table properties itself; class fields would overwrite them.
  declare readonly notes: Table<Note, string>;
  declare readonly highlights: Table<Highlight, string>;
  declare readonly contacts: Table<Contact, string>;
  declare readonly surveys: Table<Survey, string>;
  declare readonly surveyQuestions: Table<SurveyQuestion, string>;
  declare readonly surveyResponses: Table<SurveyResponse, string>;
  declare readonly rounds: Table<Round, string>;
  declare readonly cards: Table<Card, string>;
  declare readonly buckets: Table<PainBucket, string>;
  declare readonly votes: Table<Vote, string>;
  declare readonly initiatives: Table<Initiative, string>;
  declare readonly artifacts: Table<Artifact, string>;
  declare readonly solutions: Table<Solution, string>;
  declare readonly experiments: Table<Experiment, string>;
  declare readonly settings: Table<SettingRecord, string>;
  declare readonly meta: Table<MetaRecord, string>;
  declare readonly searchIndex: Table<SearchIndexRecord, string>;
  declare readonly surveyPlans: Table<SurveyPlan, string>;
  declare readonly workshops: Table<Workshop, string>;
  declare readonly scores: Table<Score, string>;
  declare readonly plannedChats: Table<PlannedChat, string>;
  declare readonly errorLog: Table<ErrorLogEntry, string>;
  declare readonly syncDocs: Table<SyncDocRecord, string, { readonly key: string }>;

  /** The schema version this build writes. */
  readonly appSchemaVersion: number;
  /** What follows every write of a table (derived data, counts, the commit announcements): see side-effects/. */
  readonly sideEffects: WriteSideEffects = createWriteSideEffects();
  private storedNewerVersion: number | null = null;

  constructor(name: string = DB_NAME, { versions = schemaVersions, isSchemaDeclared = true }: DiscoveryDbOptions = {}) {
    // y-dexie keeps the team workspace's Yjs documents (syncDocs.doc) and compacts their updates.
    super(name, { chromeTransactionDurability: 'strict', addons: [yDexie] });
    this.appSchemaVersion = latestSchemaVersion(versions);
    if (isSchemaDeclared) {
      declareSchemaVersions(this, versions);
    } else {
      const knownTableNames = new Set(versions.flatMap((schemaVersion) => Object.keys(schemaVersion.stores)));
      this.on('ready', () => this.exposeStoredTables(knownTableNames), true);
    }
    this.use(createWriteGuardMiddleware(() => this.assertWritable()));
    registerNoteAndContactSideEffects(this.sideEffects);
    this.use(this.sideEffects.middleware);
    this.sideEffects.onCommit((tables) => announceCommittedWrites(this.name, tables));
    // Sticky, so it also runs when Dexie reopens after another window upgraded the database.
    this.on('ready', (vipDb) => this.checkStoredVersion(vipDb), true);
  }

  /** The stored schema version when it is newer than this build (writes are then refused), else null. */
  get newerStoredSchemaVersion(): number | null {
    return this.storedNewerVersion;
  }

  get isReadOnly(): boolean {
    return this.storedNewerVersion !== null;
  }

  /** Throws NewerSchemaError when this build must not write to the stored database. */
  assertWritable(): void {
    if (this.storedNewerVersion !== null) throw new NewerSchemaError(this.storedNewerVersion, this.appSchemaVersion);
  }

  // Without a declared schema Dexie reaches tables only through table(name); give the ones this
  // build knows their usual properties so repositories can read them.
  private exposeStoredTables(knownTableNames: ReadonlySet<string>): void {
    for (const table of this.tables) {
      if (knownTableNames.has(table.name) && !Object.hasOwn(this, table.name)) {
        Object.defineProperty(this, table.name, { value: table, configurable: true, enumerable: true });
      }
    }
  }

  private async checkStoredVersion(vipDb: Dexie): Promise<void> {
    const nativeSchemaVersion = schemaVersionOfNativeVersion(vipDb.backendDB().version);
    const hasMeta = vipDb.tables.some((table) => table.name === 'meta');
    const metaSchemaVersion = hasMeta ? ((await readSchemaVersion(vipDb.table<MetaRecord, string>('meta'))) ?? 0) : 0;
    const storedVersion = Math.max(nativeSchemaVersion, metaSchemaVersion);
    if (storedVersion > this.appSchemaVersion) {
      this.storedNewerVersion = Math.max(storedVersion, this.storedNewerVersion ?? 0);
    }
  }
}
