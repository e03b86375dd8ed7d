import type { SurveyFileProblem } from '../../shared/surveys/parse-survey-table';
import type { SurveyColumnPlan } from '../../shared/surveys/survey-import-plan';
import { DB_NAME } from '../db/discovery-db';
import type { SurveyImportSummary } from '../db/repositories/survey-import-writer';
import type { SurveyImportPreview, SurveyImportReply, SurveyImportRequest, SurveyImportStage } from './survey-import-protocol';

/** What the page needs of a worker (a real one, or an in-process one in tests). */
export interface SurveyImportPort {
  postMessage(message: SurveyImportRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<SurveyImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface SurveyImportProgressUpdate {
  readonly stage: SurveyImportStage;
  readonly done: number;
  readonly total: number;
}

export type ReadOutcome = { readonly ok: true; readonly preview: SurveyImportPreview } | { readonly ok: false; readonly problems: readonly SurveyFileProblem[] };

export type ImportOutcome =
  | { readonly kind: 'imported'; readonly summary: SurveyImportSummary }
  | { readonly kind: 'failed'; readonly problems: readonly SurveyFileProblem[] }
  | { readonly kind: 'cancelled' };

export interface SurveyImportSession {
  /** Reads a file in the worker: a Blob is read there, an ArrayBuffer is transferred (never copied on the page). */
  read(file: { readonly name: string; readonly bytes: ArrayBuffer | Blob }): Promise<ReadOutcome>;
  import(options: { readonly columns: readonly SurveyColumnPlan[]; readonly title: string; readonly surveyId?: string }): Promise<ImportOutcome>;
  /**
   * Stops what is running. While reading, the worker is stopped at once. While writing, the worker
   * aborts its transaction and answers `cancelled`; if it does not answer within `graceMs` it is
   * stopped anyway, which also aborts the uncommitted transaction.
   */
  cancel(graceMs?: number): void;
  dispose(): void;
}

/** Starts a survey import worker (a module worker bundled by Vite). */
export function createSurveyImportWorker(): SurveyImportPort {
  return new Worker(new URL('./survey-import-worker.ts', import.meta.url), { type: 'module' }) as unknown as SurveyImportPort;
}

/** One import, from choosing a file to its summary, driven from the page. */
export function createSurveyImportSession(
  onProgress: (update: SurveyImportProgressUpdate) => void,
  { databaseName = DB_NAME, createPort = createSurveyImportWorker }: { readonly databaseName?: string; readonly createPort?: () => SurveyImportPort } = {},
): SurveyImportSession {
  let port: SurveyImportPort | null = null;
  let settle: ((reply: SurveyImportReply | { type: 'stopped'; message: string }) => void) | null = null;
  let phase: 'idle' | 'reading' | 'importing' = 'idle';
  let forceTimer: ReturnType<typeof setTimeout> | undefined;

  const stop = (message: string) => {
    if (forceTimer !== undefined) clearTimeout(forceTimer);
    forceTimer = undefined;
    port?.terminate();
    port = null;
    const pending = settle;
    settle = null;
    pending?.({ type: 'stopped', message });
  };

  const connect = (): SurveyImportPort => {
    if (port !== null) return port;
    const created = createPort();
    created.onmessage = (event) => {
      const reply = event.data;
      if (reply.type === 'progress') {
        onProgress({ stage: reply.stage, done: reply.done, total: reply.total });
        return;
      }
      const pending = settle;
      settle = null;
      pending?.(reply);
    };
    created.onerror = (event) => {
      event.preventDefault();
      stop(`The import stopped unexpectedly (${event.message || 'worker error'}). Nothing was imported.`);
    };
    port = created;
    return created;
  };

  const request = (message: SurveyImportRequest, transfer: Transferable[] = []) =>
    new Promise<SurveyImportReply | { type: 'stopped'; message: string }>((resolve) => {
      settle = resolve;
      connect().postMessage(message, transfer);
    });

  return {
    async read(file) {
      phase = 'reading';
      const reply = await request({ type: 'read', databaseName, fileName: file.name, bytes: file.bytes }, 'arrayBuffer' in file.bytes ? [] : [file.bytes]);
      phase = 'idle';
      if (reply.type === 'preview') return { ok: true, preview: reply.preview };
      if (reply.type === 'failed') return { ok: false, problems: reply.problems };
      if (reply.type === 'stopped' && reply.message !== CANCELLED) return { ok: false, problems: [{ row: null, message: reply.message }] };
      return { ok: false, problems: [{ row: null, message: 'Reading the file was cancelled.' }] };
    },

    async import({ columns, title, surveyId }) {
      phase = 'importing';
      const reply = await request({ type: 'import', columns, title, ...(surveyId === undefined ? {} : { surveyId }) });
      phase = 'idle';
      if (forceTimer !== undefined) clearTimeout(forceTimer);
      forceTimer = undefined;
      if (reply.type === 'imported') return { kind: 'imported', summary: reply.summary };
      if (reply.type === 'failed') return { kind: 'failed', problems: reply.problems };
      if (reply.type === 'stopped') return reply.message === CANCELLED ? { kind: 'cancelled' } : { kind: 'failed', problems: [{ row: null, message: reply.message }] };
      return { kind: 'cancelled' };
    },

    cancel(graceMs = 5_000) {
      if (phase === 'importing' && port !== null) {
        port.postMessage({ type: 'cancel' });
        if (forceTimer === undefined) forceTimer = setTimeout(() => stop(CANCELLED), graceMs);
      } else {
        stop(CANCELLED);
      }
    },

    dispose() {
      stop(CANCELLED);
    },
  };
}

const CANCELLED = 'cancelled';
