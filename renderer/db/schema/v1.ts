/**
 * Version 1 of the stores. Frozen: change the schema by adding a version file, never by editing
 * this one (the schema snapshot test fails on any edit).
 */
export const schemaV1 = {
  // [occurredAt+id]: newest-first paging with the id as tie-breaker, so equal dates never skip or
  // repeat a note; its occurredAt prefix also serves date ranges. [channel+occurredAt+id] does the
  // same per channel and gives channel counts. Query a channel with explicit bounds
  // ([channel] to [channel, []]): Dexie's virtual 'channel' index pads its range with one shared
  // maxKey array twice, which the IndexedDB spec (and fake-indexeddb) rejects as a DataError.
  notes: 'id, [occurredAt+id], updatedAt, [channel+occurredAt+id], *tags, *personIds, *teams, organisation',
  highlights: 'id, noteId, *tags',
  contacts: 'id, [nameKey+id], email, team, organisation',
  surveys: 'id, importedAt',
  surveyQuestions: 'id, [surveyId+position]',
  // Unique, so a re-import can never add the same respondent twice.
  surveyResponses: 'id, &[surveyId+respondentKey], contactId',
  rounds: 'id, updatedAt',
  cards: 'id, roundId, bucketId',
  buckets: 'id, roundId',
  votes: 'id, [roundId+participant], bucketId',
  initiatives: 'id, roundId',
  artifacts: 'id, &[roundId+kind], kind',
  solutions: 'id, bucketId',
  experiments: 'id, solutionId',
  settings: 'key',
  meta: 'key',
} as const satisfies Readonly<Record<string, string>>;
