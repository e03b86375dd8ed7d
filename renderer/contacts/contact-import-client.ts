import type { ContactColumnRole, ContactFileProblem, DuplicateChoice } from '../../shared/contacts/contact-csv';
import { DB_NAME } from '../db/discovery-db';
import type { ContactFilePreview, ContactImportReply, ContactImportRequest, ContactImportStage, ContactPlanSummary } from './contact-import-protocol';

/** What the page needs of a worker (a real one, or an in-process one in tests). */
export interface ContactImportPort {
  postMessage(message: ContactImportRequest, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ContactImportReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

export interface ContactImportProgress {
  readonly stage: ContactImportStage;
  readonly done: number;
  readonly total: number;
}

export type ContactReadOutcome = { readonly ok: true; readonly preview: ContactFilePreview } | { readonly ok: false; readonly problem: ContactFileProblem; readonly isCancelled?: true };
export type ContactPlanOutcome = { readonly ok: true; readonly plan: ContactPlanSummary } | { readonly ok: false; readonly problem: ContactFileProblem; readonly isCancelled?: true };
export type ContactImportOutcome =
  | { readonly kind: 'imported'; readonly created: number; readonly updated: number; readonly skipped: number }
  | { readonly kind: 'failed'; readonly problem: ContactFileProblem }
  | { readonly kind: 'cancelled' };

export interface ContactImportSession {
  /** Reads a file in the worker; its bytes are transferred, never copied on the page. */
  read(file: { readonly name: string; readonly bytes: ArrayBuffer }): Promise<ContactReadOutcome>;
  plan(roles: readonly ContactColumnRole[]): Promise<ContactPlanOutcome>;
  import(roles: readonly ContactColumnRole[], choice: DuplicateChoice): Promise<ContactImportOutcome>;
  /**
   * Stops what is running. While reading or checking, the worker is stopped at once. While writing,
   * the worker aborts its transaction and answers `cancelled`; if it does not answer within
   * `graceMs` it is stopped anyway, which also aborts the uncommitted transaction.
   */
  cancel(graceMs?: number): void;
  dispose(): void;
}

/** Starts a contact import worker (a module worker bundled by Vite). */
export function createContactImportWorker(): ContactImportPort {
  return new Worker(new URL('./contact-import-worker.ts', import.meta.url), { type: 'module' }) as unknown as ContactImportPort;
}

const CANCELLED = 'cancelled';
type Settled = ContactImportReply | { readonly type: 'stopped'; readonly message: string };

/** One contact import, from reading the file to its summary, driven from the page. */
export function createContactImportSession(
  onProgress: (update: ContactImportProgress) => void,
  { databaseName = DB_NAME, createPort = createContactImportWorker }: { readonly databaseName?: string; readonly createPort?: () => ContactImportPort } = {},
): ContactImportSession {
  let port: ContactImportPort | null = null;
  let settle: ((reply: Settled) => void) | null = null;
  let isWriting = false;
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

  const connect = (): ContactImportPort => {
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
      stop('The import stopped unexpectedly. Nothing was imported; try again, or reload the app if it happens again.');
    };
    port = created;
    return created;
  };

  const request = (message: ContactImportRequest, transfer: Transferable[] = []) =>
    new Promise<Settled>((resolve) => {
      settle = resolve;
      connect().postMessage(message, transfer);
    });

  const problemOf = (reply: Settled): { ok: false; problem: ContactFileProblem; isCancelled?: true } => {
    if (reply.type === 'failed') return { ok: false, problem: reply.problem };
    if (reply.type === 'stopped' && reply.message !== CANCELLED) return { ok: false, problem: { row: null, message: reply.message } };
    return { ok: false, problem: { row: null, message: 'Cancelled; nothing was imported.' }, isCancelled: true };
  };

  return {
    async read(file) {
      const reply = await request({ type: 'read', databaseName, fileName: file.name, bytes: file.bytes }, [file.bytes]);
      return reply.type === 'preview' ? { ok: true, preview: reply.preview } : problemOf(reply);
    },

    async plan(roles) {
      const reply = await request({ type: 'plan', roles });
      return reply.type === 'plan' ? { ok: true, plan: reply.plan } : problemOf(reply);
    },

    async import(roles, choice) {
      isWriting = true;
      const reply = await request({ type: 'import', roles, choice });
      isWriting = false;
      if (forceTimer !== undefined) clearTimeout(forceTimer);
      forceTimer = undefined;
      if (reply.type === 'imported') return { kind: 'imported', created: reply.created, updated: reply.updated, skipped: reply.skipped };
      if (reply.type === 'failed') return { kind: 'failed', problem: reply.problem };
      if (reply.type === 'stopped' && reply.message !== CANCELLED) return { kind: 'failed', problem: { row: null, message: reply.message } };
      return { kind: 'cancelled' };
    },

    cancel(graceMs = 5_000) {
      if (isWriting && port !== null) {
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
