// The survey import worker's logic, driven in-process: every reply is recorded (structured-cloned,
// as a worker would post it) and the writes go to a fresh fake-indexeddb database per test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import type { SurveyImportSummary } from '../../../renderer/db/repositories/survey-import-writer';
import type { SurveyImportPreview, SurveyImportReply, SurveyImportRequest } from '../../../renderer/surveys/survey-import-protocol';
import { createSurveyImportService, type SurveyImportService, type SurveyImportServiceOptions } from '../../../renderer/surveys/survey-import-service';
import { UserError } from '../../../shared/errors/user-error';
import type { SurveyFileProblem } from '../../../shared/surveys/parse-survey-table';
import { questionKey } from '../../../shared/surveys/read-survey-responses';
import type { SurveyColumnPlan } from '../../../shared/surveys/survey-import-plan';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';

afterEach(() => {
  vi.restoreAllMocks();
});

// jsdom's URL is not Node's, so files are found through paths. Real exports are read in place
// from ../shared/real-surveys beside the clone, never copied in.
const here = dirname(fileURLToPath(import.meta.url));
const fixturePath = (name: string): string => resolve(here, '../../fixtures/surveys', name);
const realSurveysDir = process.env.REAL_SURVEYS_DIR ?? resolve(here, '../../../../shared/real-surveys');
const realSurveyPath = (name: string): string => resolve(realSurveysDir, name);
const hasRealSurveys = existsSync(realSurveysDir);
if (!hasRealSurveys) console.warn(`Skipping the real survey exports: they are not at ${realSurveysDir} (set REAL_SURVEYS_DIR)`);

/** A file's bytes as the page transfers them to the worker: an ArrayBuffer of its own. */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
const fixtureBuffer = (name: string): ArrayBuffer => bufferOf(readFileSync(fixturePath(name)));
const textBuffer = (text: string): ArrayBuffer => bufferOf(new TextEncoder().encode(text));

interface Harness {
  readonly db: DiscoveryDb;
  readonly service: SurveyImportService;
  readonly replies: SurveyImportReply[];
}

async function start(label: string, options: Partial<SurveyImportServiceOptions> = {}, onReply?: (reply: SurveyImportReply) => void): Promise<Harness> {
  const db = await openTestDatabase(label);
  return { db, ...serviceOver(db, options, onReply) };
}

/** A new service (one worker serves one file) writing to `db`. */
function serviceOver(db: DiscoveryDb, options: Partial<SurveyImportServiceOptions> = {}, onReply?: (reply: SurveyImportReply) => void) {
  const replies: SurveyImportReply[] = [];
  const service = createSurveyImportService(
    (reply) => {
      replies.push(structuredClone(reply));
      onReply?.(reply);
    },
    { openDb: () => Promise.resolve(db), progressIntervalMs: 0, ...createTestDependencies(), ...options },
  );
  return { service, replies };
}

/** The replies other than progress: exactly one answers each read or import. */
const answers = (replies: readonly SurveyImportReply[]) => replies.filter((reply) => reply.type !== 'progress');
const progressOf = (replies: readonly SurveyImportReply[], stage: string) =>
  replies.flatMap((reply) => (reply.type === 'progress' && reply.stage === stage ? [{ done: reply.done, total: reply.total }] : []));

async function readFile(harness: Pick<Harness, 'service' | 'replies' | 'db'>, fileName: string, bytes: ArrayBuffer): Promise<SurveyImportReply> {
  const before = harness.replies.length;
  await harness.service.handle({ type: 'read', databaseName: harness.db.name, fileName, bytes });
  const replies = answers(harness.replies.slice(before));
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (reply === undefined) throw new Error('no reply');
  return reply;
}

async function preview(harness: Pick<Harness, 'service' | 'replies' | 'db'>, fileName: string, bytes: ArrayBuffer = fixtureBuffer(fileName)): Promise<SurveyImportPreview> {
  const reply = await readFile(harness, fileName, bytes);
  if (reply.type !== 'preview') throw new Error(`${fileName}: expected a preview, got ${JSON.stringify(reply)}`);
  return reply.preview;
}

async function importWith(
  harness: Pick<Harness, 'service' | 'replies'>,
  request: Omit<Extract<SurveyImportRequest, { type: 'import' }>, 'type'>,
): Promise<SurveyImportReply> {
  const before = harness.replies.length;
  await harness.service.handle({ type: 'import', ...request });
  const replies = answers(harness.replies.slice(before));
  expect(replies).toHaveLength(1);
  const [reply] = replies;
  if (reply === undefined) throw new Error('no reply');
  return reply;
}

async function imported(harness: Pick<Harness, 'service' | 'replies'>, request: Omit<Extract<SurveyImportRequest, { type: 'import' }>, 'type'>): Promise<SurveyImportSummary> {
  const reply = await importWith(harness, request);
  if (reply.type !== 'imported') throw new Error(`expected imported, got ${JSON.stringify(reply)}`);
  return reply.summary;
}

async function tableCounts(db: DiscoveryDb) {
  return {
    surveys: await db.surveys.count(),
    surveyQuestions: await db.surveyQuestions.count(),
    surveyResponses: await db.surveyResponses.count(),
    contacts: await db.contacts.count(),
    notes: await db.notes.count(),
  };
}
const EMPTY = { surveys: 0, surveyQuestions: 0, surveyResponses: 0, contacts: 0, notes: 0 };

const withColumn = (columns: readonly SurveyColumnPlan[], header: string, change: Partial<SurveyColumnPlan>): SurveyColumnPlan[] => {
  expect(columns.some((column) => column.header === header)).toBe(true);
  return columns.map((column) => (column.header === header ? { ...column, ...change } : column));
};

const READ_STAGES = ['reading', 'parsing', 'planning', 'checking', 'matching'];

describe('survey import service: read', () => {
  const goodFiles: readonly [file: string, format: string, responses: number, kind: 'text' | 'xlsx', encoding: string | undefined, delimiter: string | undefined][] = [
    ['qualtrics-three-header-rows.csv', 'qualtrics', 5, 'text', 'utf-8', ','],
    ['qualtrics-legacy.csv', 'qualtrics-legacy', 4, 'text', 'utf-8', ','],
    ['qualtrics-excel-resaved.csv', 'qualtrics', 4, 'text', 'utf-8', ','],
    ['surveymonkey-two-header-rows.csv', 'surveymonkey', 4, 'text', 'utf-8', ','],
    ['surveymonkey-condensed.csv', 'surveymonkey', 4, 'text', 'utf-8', ','],
    ['typeform.csv', 'typeform', 4, 'text', 'utf-8', ','],
    ['microsoft-forms.csv', 'microsoft-forms', 4, 'text', 'utf-8', ','],
    ['google-forms.csv', 'google-forms', 5, 'text', 'utf-8-bom', ','],
    ['google-forms-semicolon.csv', 'google-forms', 5, 'text', 'utf-8', ','],
    ['limesurvey-codes.csv', 'limesurvey', 4, 'text', 'utf-8', ','],
    ['generic.csv', 'generic', 5, 'text', 'utf-8', ','],
    ['generic-semicolon.csv', 'generic', 4, 'text', 'utf-8', ';'],
    ['generic-tab.tsv', 'generic', 4, 'text', 'utf-8', '\t'],
    ['duplicate-headers.csv', 'generic', 3, 'text', 'utf-8', ','],
    ['not-a-number.csv', 'generic', 15, 'text', 'utf-8', ','],
    ['windows-1252.csv', 'generic', 2, 'text', 'windows-1252', ','],
    ['utf-16le.csv', 'generic', 2, 'text', 'utf-16le', '\t'],
    // A CSV saved with an .xlsx name: the content decides, so it is read as text (see XLSX-FIXTURES.md).
    ['not-a-zip.xlsx', 'generic', 1, 'text', 'utf-8', ','],
    ['microsoft-forms.xlsx', 'microsoft-forms', 3, 'xlsx', undefined, undefined],
    ['typeform.xlsx', 'typeform', 3, 'xlsx', undefined, undefined],
    ['microsoft-forms-japanese.xlsx', 'generic', 2, 'xlsx', undefined, undefined],
  ];

  it.each(goodFiles)('%s: a preview of %s with %i responses, nothing written', async (file, format, responses, kind, encoding, delimiter) => {
    const harness = await start('import-read-good');
    const result = await preview(harness, file);
    expect(result.fileName).toBe(file);
    expect(result.fileKind).toBe(kind);
    expect(result.plan.format).toBe(format);
    expect(result.plan.responseCount).toBe(responses);
    expect(result.encoding).toBe(encoding);
    expect(result.delimiter).toBe(delimiter);
    if (kind === 'xlsx') {
      expect(result).not.toHaveProperty('encoding');
      expect(result).not.toHaveProperty('delimiter');
    }
    expect(result.sampleRows).toHaveLength(Math.min(5, responses));
    expect(result.problems).toEqual([]);
    expect(result.matches).toEqual([]);
    expect(harness.replies.flatMap((reply) => (reply.type === 'progress' ? [reply.stage] : []))).toEqual(READ_STAGES);
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
  });

  it('shows the first five responses cell by cell', async () => {
    const result = await preview(await start('import-read-sample'), 'not-a-number.csv');
    expect(result.sampleRows).toEqual([1, 2, 3, 4, 5].map((n) => [`r-00${n}`, `2025-02-0${n}T10:00:00Z`, String(n), 'ok']));
  });

  it('decodes Windows-1252 and UTF-16 LE files, keeping every character', async () => {
    const harness = await start('import-read-encodings');
    const legacy = await preview(harness, 'windows-1252.csv');
    // Not silently: the preview names the bytes that are not UTF-8.
    expect(legacy.plan.notices[0]).toMatch(/^The file is not UTF-8: \d+ bytes \(0x93 on line 2/);
    expect(legacy.sampleRows).toEqual([
      ['1', '\u201cToo expensive\u201d \u2013 20 \u20ac a month', 'K\u00f6ln'],
      ['2', 'Caf\u00e9 prices \u2026 fine', 'Malm\u00f6'],
    ]);
    const utf16 = await preview({ ...serviceOver(harness.db), db: harness.db }, 'utf-16le.csv');
    expect(utf16.sampleRows).toEqual([
      ['1', 'Gro\u00dfartig \u{1F44D}', 'Z\u00fcrich'],
      ['2', '\u7d20\u6674\u3089\u3057\u3044', '\u6771\u4eac'],
    ]);
    expect(utf16.plan.columns.map((column) => column.header)).toEqual(['Response ID', 'Comment', 'City']);
  });

  const XLS_MESSAGE =
    'This is an old Excel 97-2003 workbook (.xls), which cannot be read. Open it in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) or as CSV UTF-8, and import that file.';
  const compoundFile = (extra: readonly number[] = []): ArrayBuffer => {
    const bytes = new Uint8Array(1024);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(extra, 512);
    return bytes.buffer;
  };

  const badFiles: readonly [file: string, bytes: () => ArrayBuffer, problem: SurveyFileProblem][] = [
    [
      'unterminated-quote.csv',
      () => fixtureBuffer('unterminated-quote.csv'),
      {
        row: 3,
        message: 'A quoted cell is never closed, so the rest of the file would run into it. Check the quote (") that opens a cell on this row.',
      },
    ],
    ['ragged-row.csv', () => fixtureBuffer('ragged-row.csv'), { row: 3, message: 'This row has 5 cells but the header has 3; a cell may hold an unquoted ",".' }],
    [
      'nul-byte.csv',
      () => fixtureBuffer('nul-byte.csv'),
      { row: 3, message: 'Cell 2 contains a NUL byte; the file may be damaged or saved as UTF-16 without a byte-order mark.' },
    ],
    ['empty.csv', () => fixtureBuffer('empty.csv'), { row: null, message: 'The file is empty.' }],
    ['header-only.csv', () => fixtureBuffer('header-only.csv'), { row: null, message: 'The file has headers but no responses.' }],
    [
      'empty-sheet.xlsx',
      () => fixtureBuffer('empty-sheet.xlsx'),
      { row: null, message: 'The first sheet of this workbook is empty. Put the responses on the first sheet, or export them again.' },
    ],
    ['responses.xls', () => compoundFile(), { row: null, message: XLS_MESSAGE }],
    // Named .xlsx: the bytes decide, not the name.
    ['renamed.xlsx', () => compoundFile(), { row: null, message: XLS_MESSAGE }],
    [
      'protected.xlsx',
      () => compoundFile([...'EncryptedPackage'].flatMap((char) => [char.charCodeAt(0), 0])),
      {
        row: null,
        message:
          'This workbook is protected with a password, so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save it as .xlsx or CSV UTF-8, and import that file.',
      },
    ],
  ];

  it.each(badFiles)('%s: failed with its problem, and nothing written', async (file, bytes, problem) => {
    const harness = await start('import-read-bad');
    expect(await readFile(harness, file, bytes())).toEqual({ type: 'failed', problems: [problem], wroteNothing: true });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
    // A file that failed is not held: importing after it asks for the file again.
    expect(await importWith(harness, { columns: [], title: 'x' })).toEqual({
      type: 'failed',
      problems: [{ row: null, message: 'No file has been read yet; choose the file again.' }],
      wroteNothing: true,
    });
  });

  it('refuses a legacy .xls before parsing it', async () => {
    const harness = await start('import-read-xls');
    await readFile(harness, 'responses.xls', compoundFile());
    expect(harness.replies.flatMap((reply) => (reply.type === 'progress' ? [reply.stage] : []))).toEqual(['reading']);
  });

  it('previews a file whose answers do not read with the guessed plan, listing the problem by row', async () => {
    const harness = await start('import-read-duplicate-key');
    const result = await preview(harness, 'duplicate-respondent-key.csv');
    const problem = {
      row: 4,
      message: 'Rows 2 and 4 have the same respondent key "114239881" in "Respondent ID". Remove the repeated response or choose another key column.',
    };
    expect(result.problems).toEqual([problem]);
    expect(await importWith(harness, { columns: result.plan.columns, title: 'Dup' })).toEqual({ type: 'failed', problems: [problem], wroteNothing: true });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
  });

  it('answers failed when the workspace cannot be opened, with the sentence written for people', async () => {
    const db = await openTestDatabase('import-read-no-db');
    const message = 'The workspace could not be opened while importing the survey, so nothing was imported. Close the app’s other windows.';
    const { service, replies } = serviceOver(db, { openDb: () => Promise.reject(new UserError(message)) });
    await service.handle({ type: 'read', databaseName: 'x', fileName: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    expect(answers(replies)).toEqual([{ type: 'failed', problems: [{ row: null, message }], wroteNothing: true }]);
  });

  it('never shows an unexpected exception’s own text: it says what failed and what to do', async () => {
    const db = await openTestDatabase('import-read-raw-error');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { service, replies } = serviceOver(db, { openDb: () => Promise.reject(new TypeError('Cannot read properties of undefined (reading "x")')) });
    await service.handle({ type: 'read', databaseName: 'x', fileName: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    const [reply] = answers(replies);
    expect(reply).toMatchObject({ type: 'failed', wroteNothing: true });
    const text = JSON.stringify(reply);
    expect(text).toContain('The file could not be read');
    expect(text).toContain('try again');
    expect(text).not.toMatch(/Cannot read properties|TypeError/);
  });
});

describe('survey import service: import', () => {
  it('writes the survey with the planned columns, reporting writing progress up to the total, then the summary', async () => {
    const harness = await start('import-write');
    const result = await preview(harness, 'generic.csv');
    const progressBefore = harness.replies.length;
    const summary = await imported(harness, { columns: result.plan.columns, title: 'Platform survey 2025' });

    expect(summary).toEqual({
      surveyId: expect.any(String) as string,
      added: 5,
      unchanged: 0,
      changed: 0,
      questionsAdded: 7,
      contactsMatched: 0,
      // Ana, Bo, cy@ (an email only), Dee Park (a name only), Eve.
      contactsCreated: 5,
      // "More examples please", the multi-line answer and "N/A"; two rows left it blank.
      notesCreated: 3,
      responseCount: 5,
    });
    const writing = progressOf(harness.replies.slice(progressBefore), 'writing');
    const total = 7 + 5 + 5 + 3;
    expect(writing[0]).toEqual({ done: 0, total });
    expect(writing.at(-1)).toEqual({ done: total, total });
    expect(writing.every((step) => step.total === total)).toBe(true);
    expect(writing.every((step, i) => i === 0 || step.done >= (writing[i - 1]?.done ?? Infinity))).toBe(true);
    expect(writing.length).toBeGreaterThanOrEqual(3);
    expect(harness.replies.at(-1)?.type).toBe('imported');

    expect(await tableCounts(harness.db)).toEqual({ surveys: 1, surveyQuestions: 7, surveyResponses: 5, contacts: 5, notes: 3 });
    expect(await harness.db.surveys.get(summary.surveyId)).toMatchObject({
      title: 'Platform survey 2025',
      sourceFileName: 'generic.csv',
      format: 'generic',
      responseCount: 5,
    });
    const notes = await harness.db.notes.toArray();
    expect(notes.every((note) => note.channel === 'survey-response' && note.title === 'Anything else you want to tell us?')).toBe(true);
    expect(notes.map((note) => note.plainText).sort()).toEqual(['More examples please', 'N/A', 'Two things:\n1. faster builds\n2. fewer alerts']);
  });

  it('sends progress of one stage at most once per interval, but always its start and its end', async () => {
    const harness = await start('import-write-throttle', { progressIntervalMs: 100, now: () => 0 });
    const result = await preview(harness, 'generic.csv');
    const before = harness.replies.length;
    await imported(harness, { columns: result.plan.columns, title: '' });
    expect(progressOf(harness.replies.slice(before), 'writing')).toEqual([
      { done: 0, total: 20 },
      { done: 20, total: 20 },
    ]);
  });

  it('refuses columns that make answers unreadable, writes nothing, and imports with good columns on a second try', async () => {
    const harness = await start('import-write-correct');
    const result = await preview(harness, 'not-a-number.csv');
    const question = 'How many services do you own?';
    expect(result.plan.columns.find((column) => column.header === question)?.type).toBe('free-text');

    const asNumber = withColumn(result.plan.columns, question, { type: 'number' });
    expect(await importWith(harness, { columns: asNumber, title: 'Services' })).toEqual({
      type: 'failed',
      problems: [{ row: 14, message: `Row 14, "${question}": "lots" is not a number. Change the column to free text or single choice to keep it.` }],
      wroteNothing: true,
    });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);

    // The file is still held: no second read.
    const asChoice = withColumn(result.plan.columns, question, { type: 'single-choice' });
    const summary = await imported(harness, { columns: asChoice, title: 'Services' });
    expect(summary).toMatchObject({ added: 15, questionsAdded: 2, responseCount: 15, contactsCreated: 0 });
    expect((await harness.db.surveyQuestions.toArray()).map((q) => [q.text, q.type]).sort()).toEqual([
      ['Comment', 'single-choice'],
      [question, 'single-choice'],
    ]);
  });

  it('answers failed when asked to import before any file was read', async () => {
    const harness = await start('import-before-read');
    expect(await importWith(harness, { columns: [], title: 'Nothing' })).toEqual({
      type: 'failed',
      problems: [{ row: null, message: 'No file has been read yet; choose the file again.' }],
      wroteNothing: true,
    });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
  });

  it('answers cancelled to a cancel when nothing is being written', async () => {
    const harness = await start('import-cancel-idle');
    await harness.service.handle({ type: 'cancel' });
    expect(harness.replies).toEqual([{ type: 'cancelled' }]);
  });

  it('says plainly that nothing was imported when the write fails unexpectedly, without the exception text', async () => {
    const harness = await start('import-write-raw-error');
    const result = await preview(harness, 'generic.csv');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(harness.db.surveys, 'put').mockRejectedValue(new Error('DataCloneError: internal slot #42'));
    expect(await importWith(harness, { columns: result.plan.columns, title: 'x' })).toEqual({
      type: 'failed',
      problems: [{ row: null, message: 'Nothing was imported: the responses could not be stored. Try again; if it keeps failing, reload the app and import the file again.' }],
      wroteNothing: true,
    });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
  });

  it('answers failed when adding to a survey that no longer exists, and writes nothing', async () => {
    const harness = await start('import-gone');
    const result = await preview(harness, 'generic.csv');
    expect(await importWith(harness, { columns: result.plan.columns, title: 'x', surveyId: 'deleted-survey' })).toEqual({
      type: 'failed',
      problems: [
        {
          row: null,
          message: 'Nothing was imported: The survey to add these responses to no longer exists. Import them as a new survey instead.',
        },
      ],
      wroteNothing: true,
    });
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
  });

  it('cancelled while writing a large file rolls back every table', { timeout: 30_000 }, async () => {
    const rows = 12_000;
    const lines = ['Response ID,Email,How satisfied are you? (1-5),What should we fix first?'];
    for (let i = 1; i <= rows; i += 1) {
      // A few respondents give an email, so contacts are written too.
      lines.push(`resp-${String(i).padStart(5, '0')},${i % 1000 === 0 ? `person${i}@example.com` : ''},${(i % 5) + 1},fix thing ${i}`);
    }
    let cancelSent = false;
    const cancelling: { service?: SurveyImportService } = {};
    const onReply = (reply: SurveyImportReply) => {
      // Cancel once the first chunk of responses is in the transaction: the survey, its questions,
      // the contacts and 5,000 responses have been written but not committed.
      if (reply.type === 'progress' && reply.stage === 'writing' && reply.done > 2 + 12 && !cancelSent && cancelling.service !== undefined) {
        cancelSent = true;
        void cancelling.service.handle({ type: 'cancel' });
      }
    };
    const harness = await start('import-cancel', {}, onReply);
    cancelling.service = harness.service;
    const metaBefore = await harness.db.meta.toArray();
    const result = await preview(harness, 'big.csv', textBuffer(lines.join('\n')));
    expect(result.plan.responseCount).toBe(rows);
    const before = harness.replies.length;
    const reply = await importWith(harness, { columns: result.plan.columns, title: 'Big' });

    expect(reply).toEqual({ type: 'cancelled' });
    expect(cancelSent).toBe(true);
    const writing = progressOf(harness.replies.slice(before), 'writing');
    // 2 questions + 12 contacts + 12,000 responses + 12,000 notes, in chunks of 5,000.
    expect(writing[0]).toEqual({ done: 0, total: 2 + 12 + rows + rows });
    expect(writing.map((step) => step.done)).toEqual([0, 2, 14, 5_014]);
    expect(harness.replies.some((r) => r.type === 'imported')).toBe(false);
    expect(await tableCounts(harness.db)).toEqual(EMPTY);
    expect(await harness.db.meta.toArray()).toEqual(metaBefore);
  });

  it('offers the stored survey for a newer export and adds to it: added, unchanged and changed', async () => {
    const db = await openTestDatabase('import-reimport');
    const first = serviceOver(db);
    const firstPreview = await preview({ ...first, db }, 'generic.csv');
    const original = await imported(first, { columns: firstPreview.plan.columns, title: 'Platform survey 2025' });

    // The newer export: r-002 changed an answer, r-006 is new, the other four are as they were.
    const text = readFileSync(fixturePath('generic.csv'), 'utf8');
    const newer = `${text.replace('r-002,2025-01-14T10:30:00+01:00,Bo Chen,bo@example.com,Strongly disagree,12,', 'r-002,2025-01-14T10:30:00+01:00,Bo Chen,bo@example.com,Strongly disagree,13,')}r-006,2025-01-18T08:00:00Z,Fay Wong,ana@example.com,Agree,3,Payments,Grafana,Good,Good,Docs need search\n`;
    expect(newer).not.toBe(text);
    const second = serviceOver(db);
    const secondPreview = await preview({ ...second, db }, 'generic-2025-02.csv', textBuffer(newer));
    expect(secondPreview.matches).toEqual([
      { surveyId: original.surveyId, title: 'Platform survey 2025', responseCount: 5, overlap: 1, responses: { added: 1, unchanged: 4, changed: 1 } },
    ]);

    const summary = await imported(second, { columns: secondPreview.plan.columns, title: 'ignored for a re-import', surveyId: original.surveyId });
    expect(summary).toEqual({
      surveyId: original.surveyId,
      added: 1,
      unchanged: 4,
      changed: 1,
      questionsAdded: 0,
      // r-006 gave Ana's email: the stored contact.
      contactsMatched: 1,
      contactsCreated: 0,
      notesCreated: 1,
      responseCount: 6,
    });
    expect(await tableCounts(db)).toEqual({ surveys: 1, surveyQuestions: 7, surveyResponses: 6, contacts: 5, notes: 4 });
    expect(await db.surveys.get(original.surveyId)).toMatchObject({ title: 'Platform survey 2025', sourceFileName: 'generic-2025-02.csv', responseCount: 6 });
    const count = (await db.surveyQuestions.toArray()).find((question) => question.text === 'How many services does your team own?');
    const bo = await db.surveyResponses.where('[surveyId+respondentKey]').equals([original.surveyId, 'r-002']).first();
    expect(count === undefined ? undefined : bo?.answers[count.id]).toBe(13);

    // A file with other questions is not offered the stored survey.
    const unrelated = serviceOver(db);
    expect((await preview({ ...unrelated, db }, 'typeform.csv')).matches).toEqual([]);
  });
});

describe('survey import service: re-importing a file without a respondent key', () => {
  it('offers the stored survey, matched by the answers, with new, unchanged and changed counts', async () => {
    const db = await openTestDatabase('import-reimport-keyless');
    const first = serviceOver(db);
    const firstPreview = await preview({ ...first, db }, 'open-answer-shapes.csv');
    expect(firstPreview.plan.columns.some((column) => column.role === 'respondent-key')).toBe(false);
    await imported(first, { columns: firstPreview.plan.columns, title: 'Visits' });

    const again = serviceOver(db);
    const secondPreview = await preview({ ...again, db }, 'open-answer-shapes.csv');
    expect(secondPreview.matches).toHaveLength(1);
    expect(secondPreview.matches[0]).toMatchObject({ title: 'Visits', responseCount: 30, responses: { added: 0, unchanged: 30, changed: 0 } });
  });

  it('matches by the answers when the first import had no respondent key and this one has, so importing adds nothing twice', async () => {
    const db = await openTestDatabase('import-reimport-key-chosen-later');
    const first = serviceOver(db);
    const firstPreview = await preview({ ...first, db }, 'qualtrics-legacy.csv');
    // The first time, the person chose no respondent key.
    const withoutKey = firstPreview.plan.columns.map((column) => (column.role === 'respondent-key' ? { ...column, role: 'metadata' as const } : column));
    const stored = await imported(first, { columns: withoutKey, title: 'Fruit' });

    const again = serviceOver(db);
    const secondPreview = await preview({ ...again, db }, 'qualtrics-legacy.csv');
    expect(secondPreview.plan.columns.some((column) => column.role === 'respondent-key')).toBe(true);
    expect(secondPreview.matches[0]).toMatchObject({ surveyId: stored.surveyId, responses: { added: 0, unchanged: stored.responseCount, changed: 0 } });
    const summary = await imported(again, { columns: secondPreview.plan.columns, title: 'ignored', surveyId: stored.surveyId });
    expect(summary).toMatchObject({ added: 0, unchanged: stored.responseCount, notesCreated: 0 });
  });

  it('offers the stored survey when question texts were renamed slightly between exports, and adds nothing twice', async () => {
    const db = await openTestDatabase('import-reimport-renamed');
    const first = serviceOver(db);
    const firstPreview = await preview({ ...first, db }, 'open-answer-shapes.csv');
    const stored = await imported(first, { columns: firstPreview.plan.columns, title: 'Visits' });
    const before = await tableCounts(db);

    // The newer export words its questions a little differently; the answers are the same.
    const text = readFileSync(fixturePath('open-answer-shapes.csv'), 'utf8');
    const [header = '', ...rest] = text.split('\n');
    const renamedHeader = header
      .replace('How did you hear about us?', 'How did you first hear about us?')
      .replace('"What would you improve, and why?"', '"What would you improve first, and why?"')
      .replace('Job title', 'Your job title');
    expect(renamedHeader).not.toBe(header);
    const again = serviceOver(db);
    const secondPreview = await preview({ ...again, db }, 'visits-renamed.csv', textBuffer([renamedHeader, ...rest].join('\n')));
    expect(secondPreview.matches).toHaveLength(1);
    expect(secondPreview.matches[0]).toMatchObject({ surveyId: stored.surveyId, responses: { added: 0, unchanged: stored.responseCount, changed: 0 } });
    const summary = await imported(again, { columns: secondPreview.plan.columns, title: 'ignored', surveyId: stored.surveyId });
    expect(summary).toMatchObject({ added: 0, unchanged: stored.responseCount, notesCreated: 0 });
    // The renamed questions are the stored ones: no question, response or note twice.
    expect(await tableCounts(db)).toEqual(before);
  });

  it('offers the stored survey even when the guessed columns do not read yet', async () => {
    const db = await openTestDatabase('import-reimport-problems');
    const first = serviceOver(db);
    const firstPreview = await preview({ ...first, db }, 'qualtrics-legacy.csv');
    const stored = await imported(first, { columns: firstPreview.plan.columns, title: 'Fruit' });

    // A newer export with a response whose ResponseID is empty: the guessed key cannot read it.
    const text = readFileSync(fixturePath('qualtrics-legacy.csv'), 'utf8');
    const newer = `${text.trimEnd()}\n,Default Response Set,Anonymous,,,,0,2016-05-15 12:14:41,2016-05-15 12:14:42,1,Data,1,,,3,3,3,More please\n`;
    const secondPreview = await preview({ ...serviceOver(db), db }, 'fruit-newer.csv', textBuffer(newer));
    expect(secondPreview.problems.length).toBeGreaterThan(0);
    expect(secondPreview.matches.map((match) => match.surveyId)).toEqual([stored.surveyId]);
  });
});

describe.skipIf(!hasRealSurveys)('survey import service: the real exports', () => {
  // Response counts from ../shared/real-surveys/README.md.
  const cases: readonly [file: string, responses: number][] = [
    ['rmer-music-emotion-2016.csv', 212],
    ['qualtricstools-sidebyside-2016-singlequote-importid.csv', 25],
    ['qualtricstools-many-question-types-legacy.csv', 5],
    ['fivethirtyeight-steak-risk-survey.csv', 550],
    ['osmi-mental-health-2018.csv', 417],
    ['spack-user-survey-2021.csv', 179],
    ['dask-user-survey-2019.csv', 259],
    ['rstudio-r-community-survey-2019-es.csv', 338],
    ['cpp-developer-survey-2016-full-headings.csv', 647],
  ];

  it.each(cases)('%s: read, imported, %i responses stored, a note per free-text answer', { timeout: 20_000 }, async (file, responses) => {
    const harness = await start('import-real');
    const result = await preview(harness, file, bufferOf(readFileSync(realSurveyPath(file))));
    expect(result.problems).toEqual([]);
    expect(result.plan.responseCount).toBe(responses);
    const summary = await imported(harness, { columns: result.plan.columns, title: result.plan.title });
    expect(summary).toMatchObject({ added: responses, unchanged: 0, changed: 0, responseCount: responses });

    expect(await harness.db.surveyResponses.where('[surveyId+respondentKey]').between([summary.surveyId, ''], [summary.surveyId, '\uffff']).count()).toBe(responses);
    expect((await harness.db.surveys.get(summary.surveyId))?.responseCount).toBe(responses);

    // Every non-blank free-text answer (a free-text question, or a grid row read as free text) of a
    // question suggested for notes is a note; the short, repeated ones stay answers only.
    const noteKeys = new Set(
      result.plan.columns
        .filter((column) => column.makesNotes === true)
        .map((column) => questionKey(column.role === 'grid-item' ? `${column.group ?? column.header} [${column.item ?? column.header}]` : column.header)),
    );
    const questions = await harness.db.surveyQuestions.toArray();
    const freeText = new Set(
      questions
        .filter((q) => (q.type === 'free-text' || (q.type === 'grid-item' && q.itemType === 'free-text')) && noteKeys.has((q.key ?? '').replace(/ #\d+$/, '')))
        .map((q) => q.id),
    );
    const stored = await harness.db.surveyResponses.toArray();
    const freeTextAnswers = stored.flatMap((response) =>
      Object.entries(response.answers).filter(([id, answer]) => freeText.has(id) && typeof answer === 'string' && answer.trim() !== ''),
    ).length;
    const notes = await harness.db.notes.toArray();
    expect(notes.every((note) => note.channel === 'survey-response' && note.channelFields?.kind === 'survey-response')).toBe(true);
    expect(notes).toHaveLength(freeTextAnswers);
    expect(summary.notesCreated).toBe(freeTextAnswers);
    // The steak survey has no free text at all (every question is a single choice); the Dask
    // survey's one open question holds short lists of library names, a choice with write-ins, not prose.
    if (file === 'fivethirtyeight-steak-risk-survey.csv' || file === 'dask-user-survey-2019.csv') expect(freeTextAnswers).toBe(0);
    else expect(notes.length).toBeGreaterThan(0);
    // A grid row's note is titled with its grid, when the person ticks LimeSurvey's "Other" boxes
    // (short write-ins, answers only by default).
    if (file === 'cpp-developer-survey-2016-full-headings.csv') {
      const other = (column: SurveyColumnPlan) => column.role === 'grid-item' && column.item === 'Other';
      const again = await start('import-real-other');
      const read = await preview(again, file, bufferOf(readFileSync(realSurveyPath(file))));
      await imported(again, { columns: read.plan.columns.map((column) => (other(column) ? { ...column, makesNotes: true } : column)), title: read.plan.title });
      const ticked = await again.db.notes.toArray();
      expect(ticked.filter((note) => note.title === '24 - What are your preferred build systems for C++ projects? [Other]').length).toBeGreaterThan(0);
    }
  });
});
