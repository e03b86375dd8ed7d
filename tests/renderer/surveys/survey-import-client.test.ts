// The page's side of a survey import, over an in-process port that runs the real service on a
// fake-indexeddb database: messages are structured-cloned (the file's bytes transferred) and
// delivered on a later task, as between threads.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import { createSurveyImportSession, type SurveyImportPort, type SurveyImportProgressUpdate } from '../../../renderer/surveys/survey-import-client';
import type { SurveyImportPreview, SurveyImportReply, SurveyImportRequest } from '../../../renderer/surveys/survey-import-protocol';
import { createSurveyImportService } from '../../../renderer/surveys/survey-import-service';
import { openTestDatabase } from '../db/open-test-database';

const here = dirname(fileURLToPath(import.meta.url));

function fixtureBuffer(name: string): ArrayBuffer {
  const bytes = readFileSync(resolve(here, '../../fixtures/surveys', name));
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

interface TestPort extends SurveyImportPort {
  /** Request types in the order the page sent them. */
  readonly sent: SurveyImportRequest['type'][];
  readonly isTerminated: () => boolean;
  /** Delivers a worker error, as a crashed worker would. */
  crash(message: string): ErrorEvent;
}

/** A port over the real service; after terminate nothing more is delivered either way. */
function inProcessPort(db: DiscoveryDb): TestPort {
  let terminated = false;
  const sent: SurveyImportRequest['type'][] = [];
  const port: TestPort = {
    onmessage: null,
    onerror: null,
    sent,
    isTerminated: () => terminated,
    postMessage(message, transfer = []) {
      if (terminated) return;
      sent.push(message.type);
      // jsdom's Blob does not survive Node's structuredClone; a new Blob over the same data is what a worker gets.
      const copy =
        message.type === 'read' && message.bytes instanceof Blob ? { ...message, bytes: new Blob([message.bytes]) } : structuredClone(message, { transfer });
      setTimeout(() => void service.handle(copy), 0);
    },
    terminate() {
      terminated = true;
    },
    crash(message) {
      const event = new ErrorEvent('error', { message, cancelable: true });
      port.onerror?.(event);
      return event;
    },
  };
  const service = createSurveyImportService(
    (reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!terminated) port.onmessage?.(new MessageEvent('message', { data: copy }));
      }, 0);
    },
    { openDb: () => Promise.resolve(db), progressIntervalMs: 0 },
  );
  return port;
}

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const ports: TestPort[] = [];
  const progress: SurveyImportProgressUpdate[] = [];
  const session = createSurveyImportSession((update) => progress.push(update), {
    databaseName: db.name,
    createPort: () => {
      const port = inProcessPort(db);
      ports.push(port);
      return port;
    },
  });
  return { db, ports, progress, session };
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

afterEach(() => {
  vi.useRealTimers();
});

describe('survey import session over a worker port', () => {
  it('reads a file into a preview, transferring its bytes, with progress of every stage', async () => {
    const { ports, progress, session } = await setUp('client-read');
    expect(ports).toHaveLength(0);
    const bytes = fixtureBuffer('generic.csv');
    const outcome = await session.read({ name: 'generic.csv', bytes });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.preview).toMatchObject({ fileName: 'generic.csv', fileKind: 'text', encoding: 'utf-8', delimiter: ',', problems: [], matches: [] });
    expect(outcome.preview.plan).toMatchObject({ format: 'generic', responseCount: 5 });
    // Transferred, not copied: the page's buffer is detached.
    expect(bytes.byteLength).toBe(0);
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent).toEqual(['read']);
    expect(progress.map((update) => update.stage)).toEqual(['reading', 'parsing', 'planning', 'checking', 'matching']);
    session.dispose();
    expect(ports[0]?.isTerminated()).toBe(true);
  });

  it('hands a chosen file to the worker as a Blob, read there and never on the page', async () => {
    const { session } = await setUp('client-read-blob');
    const blob = new Blob([fixtureBuffer('generic.csv')]);
    // Reading the file on the page blocked it for hundreds of milliseconds with a large export:
    // only the worker's copy of the Blob may be read.
    const reads = vi.spyOn(Blob.prototype, 'arrayBuffer');
    const outcome = await session.read({ name: 'generic.csv', bytes: blob });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.preview.plan).toMatchObject({ format: 'generic', responseCount: 5 });
    expect(reads).toHaveBeenCalledTimes(1);
    expect(reads.mock.contexts).not.toContain(blob);
    reads.mockRestore();
    session.dispose();
  });

  it('answers a file the worker refuses with its problems', async () => {
    const { session } = await setUp('client-read-failed');
    expect(await session.read({ name: 'ragged-row.csv', bytes: fixtureBuffer('ragged-row.csv') })).toEqual({
      ok: false,
      problems: [{ row: 3, message: 'This row has 5 cells but the header has 3; a cell may hold an unquoted ",".' }],
    });
    session.dispose();
  });

  it('imports the previewed file through the same worker and answers with the summary', async () => {
    const { db, ports, progress, session } = await setUp('client-import');
    const outcome = await session.read({ name: 'not-a-number.csv', bytes: fixtureBuffer('not-a-number.csv') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const result = await session.import({ columns: outcome.preview.plan.columns, title: 'Services' });
    expect(result).toMatchObject({ kind: 'imported', summary: { added: 15, unchanged: 0, changed: 0, questionsAdded: 2, responseCount: 15 } });
    expect(ports).toHaveLength(1);
    expect(ports[0]?.sent).toEqual(['read', 'import']);
    const writing = progress.filter((update) => update.stage === 'writing');
    // 2 questions and 15 responses; the count column is planned as free text (one cell says "lots"),
    // but its short, repeated answers stay answers only: no notes.
    expect(writing[0]).toEqual({ stage: 'writing', done: 0, total: 17 });
    expect(writing.at(-1)).toEqual({ stage: 'writing', done: 17, total: 17 });
    expect(await tableCounts(db)).toEqual({ surveys: 1, surveyQuestions: 2, surveyResponses: 15, contacts: 0, notes: 0 });
    expect((await db.surveys.toArray()).map((survey) => survey.title)).toEqual(['Services']);
    session.dispose();
  });

  it('answers failed with the row when corrected columns do not read, and imports on a second try', async () => {
    const { db, session } = await setUp('client-import-retry');
    const outcome = await session.read({ name: 'not-a-number.csv', bytes: fixtureBuffer('not-a-number.csv') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const header = 'How many services do you own?';
    const asNumber = outcome.preview.plan.columns.map((column) => (column.header === header ? { ...column, type: 'number' as const } : column));
    expect(await session.import({ columns: asNumber, title: 'Services' })).toEqual({
      kind: 'failed',
      problems: [{ row: 14, message: `Row 14, "${header}": "lots" is not a number. Change the column to free text or single choice to keep it.` }],
    });
    expect(await tableCounts(db)).toEqual(EMPTY);
    expect(await session.import({ columns: outcome.preview.plan.columns, title: 'Services' })).toMatchObject({ kind: 'imported', summary: { added: 15 } });
    session.dispose();
  });

  it('cancel while reading stops the worker at once and the read resolves as cancelled', async () => {
    const { db, ports, session } = await setUp('client-cancel-read');
    const reading = session.read({ name: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    session.cancel();
    expect(ports[0]?.isTerminated()).toBe(true);
    expect(await reading).toEqual({ ok: false, problems: [{ row: null, message: 'Reading the file was cancelled.' }] });
    // The next read starts a new worker.
    const again = await session.read({ name: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    expect(again.ok).toBe(true);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.isTerminated()).toBe(false);
    expect(await tableCounts(db)).toEqual(EMPTY);
    session.dispose();
  });

  it('a worker error during the import resolves it as failed, "stopped unexpectedly", and stops the worker', async () => {
    const { ports, session } = await setUp('client-crash');
    const outcome = await session.read({ name: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const importing = session.import({ columns: outcome.preview.plan.columns, title: 'Crash' });
    const port = ports[0];
    if (port === undefined) throw new Error('no port');
    const event = port.crash('out of memory');
    expect(event.defaultPrevented).toBe(true);
    expect(await importing).toEqual({
      kind: 'failed',
      problems: [{ row: null, message: 'The import stopped unexpectedly (out of memory). Nothing was imported.' }],
    });
    expect(port.isTerminated()).toBe(true);
  });

  it('names a worker error without a message as a worker error', async () => {
    const { ports, session } = await setUp('client-crash-blank');
    const reading = session.read({ name: 'generic.csv', bytes: fixtureBuffer('generic.csv') });
    ports[0]?.crash('');
    expect(await reading).toEqual({ ok: false, problems: [{ row: null, message: 'The import stopped unexpectedly (worker error). Nothing was imported.' }] });
  });

  it('cancel while writing posts cancel; the worker rolls back and answers cancelled, and is not stopped', { timeout: 20_000 }, async () => {
    const { db, ports, progress, session } = await setUp('client-cancel-import');
    const lines = ['Response ID,How satisfied are you? (1-5),What should we fix first?'];
    for (let i = 1; i <= 6_000; i += 1) lines.push(`resp-${String(i).padStart(5, '0')},${(i % 5) + 1},fix thing ${i}`);
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const outcome = await session.read({ name: 'big.csv', bytes: bytes.buffer });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));

    const importing = session.import({ columns: outcome.preview.plan.columns, title: 'Big' });
    // Cancel as soon as the worker says it is writing.
    await vi.waitFor(() => expect(progress.some((update) => update.stage === 'writing')).toBe(true), { timeout: 10_000, interval: 5 });
    session.cancel(60_000);
    expect(await importing).toEqual({ kind: 'cancelled' });
    expect(ports[0]?.sent).toEqual(['read', 'import', 'cancel']);
    expect(ports[0]?.isTerminated()).toBe(false);
    expect(progress.filter((update) => update.stage === 'writing').every((update) => update.done < update.total)).toBe(true);
    expect(await tableCounts(db)).toEqual(EMPTY);
    session.dispose();
  });
});

/** A port that answers a read with `preview` and never answers anything else. */
function silentImportPort(preview: SurveyImportPreview) {
  const sent: SurveyImportRequest['type'][] = [];
  let terminated = 0;
  const port: SurveyImportPort = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      sent.push(message.type);
      if (message.type === 'read') {
        const reply: SurveyImportReply = { type: 'preview', preview };
        queueMicrotask(() => port.onmessage?.(new MessageEvent('message', { data: reply })));
      }
    },
    terminate() {
      terminated += 1;
    },
  };
  return { port, sent, terminations: () => terminated };
}

const PREVIEW: SurveyImportPreview = {
  fileName: 'tiny.csv',
  fileKind: 'text',
  plan: { format: 'generic', title: 'Tiny', responseCount: 0, columns: [], notices: [] },
  sampleRows: [],
  problems: [],
  matches: [],
};

describe('survey import session: a worker that does not answer a cancel', () => {
  it('is stopped after graceMs, and the import resolves as cancelled', async () => {
    vi.useFakeTimers();
    const { port, sent, terminations } = silentImportPort(PREVIEW);
    const session = createSurveyImportSession(() => undefined, { databaseName: 'x', createPort: () => port });
    expect(await session.read({ name: 'tiny.csv', bytes: new ArrayBuffer(4) })).toEqual({ ok: true, preview: PREVIEW });
    let outcome: unknown;
    void session.import({ columns: [], title: 'Tiny' }).then((value) => (outcome = value));

    session.cancel(500);
    session.cancel(500); // a second click does not start a second timer
    expect(sent).toEqual(['read', 'import', 'cancel', 'cancel']);
    await vi.advanceTimersByTimeAsync(499);
    expect(terminations()).toBe(0);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(terminations()).toBe(1);
    expect(outcome).toEqual({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(terminations()).toBe(1);
  });

  it('is not stopped when it answers cancelled within graceMs', async () => {
    vi.useFakeTimers();
    const { port, terminations } = silentImportPort(PREVIEW);
    const session = createSurveyImportSession(() => undefined, { databaseName: 'x', createPort: () => port });
    await session.read({ name: 'tiny.csv', bytes: new ArrayBuffer(4) });
    const importing = session.import({ columns: [], title: 'Tiny' });
    session.cancel(500);
    await vi.advanceTimersByTimeAsync(100);
    port.onmessage?.(new MessageEvent('message', { data: { type: 'cancelled' } }));
    expect(await importing).toEqual({ kind: 'cancelled' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(terminations()).toBe(0);
  });
});
