/**
 * What a team workspace shares, and where each row lives in the team's Yjs documents. Pure: the
 * sync engine (renderer/sync) and its tests use it; the server does not care about the layout.
 */

/** The tables whose rows every member shares (issue 18 item 3). */
export const SYNCED_TABLES = [
  'notes',
  'highlights',
  'contacts',
  'plannedChats',
  'surveys',
  'surveyQuestions',
  'surveyResponses',
  'surveyPlans',
  'rounds',
  'cards',
  'buckets',
  'votes',
  'scores',
  'workshops',
  'initiatives',
  'artifacts',
  'solutions',
  'experiments',
  'settings',
] as const;

export type SyncedTable = (typeof SYNCED_TABLES)[number];

/** Settings that belong to the team; every other setting (theme, backups, last channel) is this device's. */
export const TEAM_SETTING_KEYS: ReadonlySet<string> = new Set(['researchBudget', 'immediatePainTargetPercent']);

/** Fields the write path derives from the others on every write: never shared, rebuilt on each replica. */
export const DERIVED_FIELDS: Readonly<Partial<Record<SyncedTable, readonly string[]>>> = {
  notes: ['plainText'],
  contacts: ['nameKey'],
};

/**
 * Fields frozen once a row exists (a round's snapshot, each card's copy of its note): a change to
 * them from another member is refused and the first value is put back.
 */
export const FROZEN_FIELDS: Readonly<Partial<Record<SyncedTable, readonly string[]>>> = {
  rounds: ['snapshotNoteIds', 'snapshotHighlightIds', 'snapshotTakenAt', 'filter'],
  cards: ['roundId', 'source', 'snapshot'],
};

/** Documents per table (rows are spread over them by a hash of their key). */
const SHARDS: Readonly<Record<SyncedTable, number>> = {
  notes: 32,
  highlights: 8,
  contacts: 8,
  plannedChats: 2,
  surveys: 2,
  surveyQuestions: 4,
  // Survey responses are write-once bulk: chunked per survey instead (see docKeyOfRow).
  surveyResponses: 0,
  surveyPlans: 1,
  rounds: 1,
  cards: 8,
  buckets: 2,
  votes: 2,
  scores: 2,
  workshops: 1,
  initiatives: 1,
  artifacts: 2,
  solutions: 1,
  experiments: 1,
  settings: 1,
};

/** Chunks per survey for its responses. */
export const RESPONSE_CHUNKS = 4;

const SYNCED: ReadonlySet<string> = new Set(SYNCED_TABLES);

export function isSyncedTable(table: string): table is SyncedTable {
  return SYNCED.has(table);
}

/** The key field of a table's rows. */
export function primaryKeyField(table: SyncedTable): 'id' | 'key' {
  return table === 'settings' ? 'key' : 'id';
}

/** Whether a row of a synced table is shared (a setting only when it is the team's). */
export function isSyncedRow(table: SyncedTable, key: string): boolean {
  return table !== 'settings' || TEAM_SETTING_KEYS.has(key);
}

/** FNV-1a, 32 bits: a stable spread of keys over shards (not a secret, not a checksum). */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** Document keys match the contract's `^[a-z0-9][a-z0-9:_./-]{0,200}$`: table names in kebab case. */
function kebab(table: string): string {
  return table.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every document of a table with a fixed set of shards (none for survey responses). */
export function tableDocKeys(table: SyncedTable): string[] {
  return Array.from({ length: SHARDS[table] }, (_, shard) => `table/${kebab(table)}/${shard}`);
}

/** The documents of one survey's responses. */
export function responseDocKeys(surveyId: string): string[] {
  return Array.from({ length: RESPONSE_CHUNKS }, (_, chunk) => `responses/${hashKey(surveyId).toString(36)}/${chunk}`);
}

/**
 * The document a row lives in. `surveyId` is needed for survey responses only (chunked per
 * survey); undefined when it is missing.
 */
export function docKeyOfRow(table: SyncedTable, key: string, surveyId?: string): string | undefined {
  if (table === 'surveyResponses') {
    if (surveyId === undefined) return undefined;
    return responseDocKeys(surveyId)[hashKey(key) % RESPONSE_CHUNKS];
  }
  return `table/${kebab(table)}/${hashKey(key) % SHARDS[table]}`;
}

/** Root type names inside a document: a row's fields and its history. */
export const ROW_PREFIX = 'r:';
export const HISTORY_PREFIX = 'h:';

/** A row's root map name: the table is part of it, since a survey's chunk holds only responses but shards are per table anyway. */
export function rowMapName(key: string): string {
  return `${ROW_PREFIX}${key}`;
}

export function historyArrayName(key: string): string {
  return `${HISTORY_PREFIX}${key}`;
}

/** The field that marks a deleted row (a tombstone: the row's map stays, so a delete can be undone and concurrent edits are not lost). */
export const DELETED_FIELD = '$deleted';
