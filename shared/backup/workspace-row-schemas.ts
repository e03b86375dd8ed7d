import { z } from 'zod';
import { CHANNEL_IDS } from '../domain/channel';
import { sanitizeRichText } from '../rich-text/sanitize-rich-text';
import { MAX_RICH_TEXT_ROW_CHARS, MAX_ROW_CHARS } from '../limits/input-limits';
import { WorkspaceFileError } from './workspace-format';


const id = z.string().min(1).max(512);
const text = z.string();
const time = z.number().finite();
const texts = z.array(z.string());
const ids = z.array(id);
// Rich text is cleaned on its way in (unknown nodes unwrapped, unsafe links and markup removed), never refused.
const richText = z.unknown().transform((value) => sanitizeRichText(value));
const channel = z.enum(CHANNEL_IDS as [string, ...string[]]);
const citation = z.discriminatedUnion('kind', [
  z.looseObject({ kind: z.literal('note'), noteId: id }),
  z.looseObject({ kind: z.literal('highlight'), noteId: id, highlightId: id }),
]);
const surveyAnswer = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
const keyValue = z.looseObject({ key: z.string().min(1), value: z.unknown() });

/**
 * The shape of a row of every table a workspace file may hold, as the app reads it: ids, lists,
 * numbers and text where the screens expect them (extra fields are kept, as a newer minor version
 * may add some). Rich-text fields (note bodies, charter sections, vision years) are cleaned.
 */
export const WORKSPACE_ROW_SCHEMAS = {
  notes: z.looseObject({
    id,
    channel,
    title: text,
    body: richText,
    plainText: text.optional(),
    occurredAt: time,
    personIds: ids,
    teams: texts,
    organisation: text.optional(),
    tags: texts,
    links: z.array(z.looseObject({ url: text, label: text.optional() })),
    channelFields: z.looseObject({ kind: channel }).optional(),
    createdAt: time,
    updatedAt: time,
  }),
  highlights: z.looseObject({ id, noteId: id, quote: text, tags: texts, createdAt: time, updatedAt: time }),
  contacts: z.looseObject({
    id,
    name: text,
    nameKey: text,
    email: text.optional(),
    team: text.optional(),
    role: text.optional(),
    organisation: text.optional(),
    cadenceDays: z.number().finite().optional(),
    createdAt: time,
    updatedAt: time,
  }),
  surveys: z.looseObject({ id, title: text, sourceFileName: text, importedAt: time, format: text.optional(), responseCount: z.number().optional(), createdAt: time, updatedAt: time }),
  surveyQuestions: z.looseObject({
    id,
    surveyId: id,
    position: z.number().finite(),
    text,
    type: z.enum(['scale', 'number', 'single-choice', 'multi-choice', 'free-text', 'ranking', 'grid-item']),
    options: texts.optional(),
    scale: z.looseObject({ min: z.number().finite(), max: z.number().finite(), labels: texts.optional() }).optional(),
    gridTitle: text.optional(),
    key: text.optional(),
  }),
  surveyResponses: z.looseObject({
    id,
    surveyId: id,
    respondentKey: text,
    contactId: id.optional(),
    submittedAt: z.number().optional(),
    answers: z.record(z.string(), surveyAnswer),
    answersHash: text.optional(),
    followUp: z.looseObject({ markedAt: time, doneAt: time.optional(), chatNoteId: id.optional(), chatStartHash: text.optional() }).optional(),
  }),
  rounds: z.looseObject({
    id,
    title: text,
    state: z.enum(['draft', 'clustering', 'voting', 'ranking', 'closed']),
    snapshotNoteIds: ids,
    snapshotHighlightIds: ids,
    snapshotTakenAt: time,
    immediatePainTargetPercent: z.number().finite(),
    createdAt: time,
    updatedAt: time,
  }),
  cards: z.looseObject({
    id,
    roundId: id,
    source: z.discriminatedUnion('kind', [z.looseObject({ kind: z.literal('note'), noteId: id }), z.looseObject({ kind: z.literal('highlight'), noteId: id, highlightId: id })]),
    bucketId: id.optional(),
    position: z.number().finite(),
    snapshot: z.looseObject({ title: text, excerpt: text, channel, occurredAt: z.number(), personIds: ids, people: texts, teams: texts, tags: texts, quote: text.optional() }),
  }),
  buckets: z.looseObject({
    id,
    roundId: id,
    title: text,
    statement: text,
    solutionKind: z.enum(['address', 'eliminate', 'empower']).optional(),
    rank: z.number().finite().optional(),
    slaGapCardIds: ids.optional(),
    createdAt: time,
    updatedAt: time,
  }),
  votes: z.looseObject({ id, roundId: id, participant: text, bucketId: id, dots: z.number().finite() }),
  initiatives: z.looseObject({
    id,
    roundId: id,
    title: text,
    kind: z.enum(['immediate-pain', 'vision']),
    effortWeeks: z.number().finite(),
    bucketIds: ids,
    visionThemeIds: ids.optional(),
    createdAt: time,
    updatedAt: time,
  }),
  artifacts: z.discriminatedUnion('kind', [
    z.looseObject({
      id,
      roundId: id,
      kind: z.literal('charter'),
      sections: z.looseObject({ uniqueValue: richText, competitiveAdvantages: richText, strategy: richText }),
      citations: z.array(citation),
      createdAt: time,
      updatedAt: time,
    }),
    z.looseObject({
      id,
      roundId: id,
      kind: z.literal('vision'),
      years: z.array(z.looseObject({ year: z.union([z.literal(1), z.literal(2), z.literal(3)]), themes: z.array(z.looseObject({ id, title: text })), body: richText, citations: z.array(citation) })),
      createdAt: time,
      updatedAt: time,
    }),
  ]),
  solutions: z.looseObject({
    id,
    bucketId: id,
    title: text,
    description: text,
    existingCapability: z.discriminatedUnion('status', [
      z.looseObject({ status: z.literal('not-checked') }),
      z.looseObject({ status: z.enum(['solves-it', 'does-not-solve-it']), notes: text, noteIds: ids }),
    ]),
    createdAt: time,
    updatedAt: time,
  }),
  experiments: z.looseObject({
    id,
    solutionId: id,
    hypothesis: text,
    howItCouldFail: text,
    killCriteria: text,
    killCriteriaLockedAt: time.optional(),
    result: z.looseObject({ recordedAt: time, concludedOn: text, outcome: z.enum(['survived', 'killed', 'inconclusive']), evidence: text }).optional(),
    createdAt: time,
    updatedAt: time,
  }),
  settings: keyValue,
  meta: keyValue,
  surveyPlans: z.looseObject({
    id,
    title: text,
    goal: text,
    audience: text,
    questions: z.array(z.looseObject({ id, text, type: z.enum(['scale', 'number', 'single-choice', 'multi-choice', 'free-text']), options: texts.optional() })),
    reviewers: z.array(z.looseObject({ id, name: text, perspective: text })),
    questionsRevision: z.number().finite(),
    createdAt: time,
    updatedAt: time,
  }),
  workshops: z.looseObject({
    id,
    roundId: id,
    participants: z.array(z.looseObject({ id, name: text, contactId: id.optional() })),
    phase: z.enum(['silent-review', 'grouping', 'dot-voting', 'discussion', 'ranking']),
    votesPerParticipant: z.number().finite(),
    areVotesRevealed: z.boolean(),
    timerEndsAt: time.optional(),
    timerPausedMs: time.optional(),
    createdAt: time,
    updatedAt: time,
  }),
  scores: z.looseObject({ id, roundId: id, bucketId: id, scorer: text, values: z.record(z.string(), z.number()), createdAt: time, updatedAt: time }),
  plannedChats: z.looseObject({ id, contactId: id, plannedFor: time, topic: text.optional(), noteId: id.optional(), createdAt: time, updatedAt: time }),
} as const satisfies Readonly<Record<string, z.ZodType>>;

/** The tables a workspace file may hold rows of. */
export type WorkspaceRowTable = keyof typeof WORKSPACE_ROW_SCHEMAS;

const RICH_TEXT_ROW_TABLES: ReadonlySet<string> = new Set(['notes', 'artifacts']);

function hasSchema(table: string): table is WorkspaceRowTable {
  return Object.hasOwn(WORKSPACE_ROW_SCHEMAS, table);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Checks one row of a workspace file against its table's schema and returns it cleaned (rich text
 * through sanitizeRichText). Throws WorkspaceFileError naming the line, the table and the field
 * when the row is malformed, or absurdly large for its table (`lineChars`: the length of its line).
 */
export function checkWorkspaceRow(table: string, row: unknown, line: number, lineChars: number): Record<string, unknown> {
  const limit = RICH_TEXT_ROW_TABLES.has(table) ? MAX_RICH_TEXT_ROW_CHARS : MAX_ROW_CHARS;
  if (lineChars > limit) {
    throw new WorkspaceFileError(`this row of “${table}” is ${lineChars.toLocaleString('en')} characters long, more than any real one (${limit.toLocaleString('en')} at most), so nothing was restored`, line);
  }
  if (!hasSchema(table)) throw new WorkspaceFileError(`“${table}” is not a table of this workspace`, line);
  const parsed = WORKSPACE_ROW_SCHEMAS[table].safeParse(row);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map(describeIssue).join('; ');
    throw new WorkspaceFileError(`this row of “${table}” is not valid (${issues}), so nothing was restored`, line);
  }
  return parsed.data;
}
