import {
  contactImportWrites,
  contactKeysOf,
  guessContactColumns,
  planContactImport,
  readContactTable,
  type ContactColumnRole,
  type ContactImportPlan,
  type ContactTable,
} from '../../shared/contacts/contact-csv';
import type { DiscoveryDb } from '../db/discovery-db';
import { ContactImportCancelledError, createPeopleRepository } from '../db/repositories/people-repository';
import type { RepositoryDependencies } from '../db/repositories/repository-dependencies';
import type { ContactImportReply, ContactImportRequest, ContactImportStage, ContactPlanSummary } from './contact-import-protocol';

export interface ContactImportServiceOptions extends RepositoryDependencies {
  readonly openDb: (name: string) => Promise<DiscoveryDb>;
  /** Least time between two progress messages of one stage. */
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
}

export interface ContactImportService {
  handle(request: ContactImportRequest): Promise<void>;
}

/** Rows shown in the preview table. */
const SAMPLE_ROWS = 8;
const LISTED_PROBLEMS = 10;
const LISTED_DUPLICATES = 5;

/** The plan cut to what the dialog shows, with what each duplicate choice would write. */
export function summarisePlan(plan: ContactImportPlan): ContactPlanSummary {
  const duplicates = plan.rows.filter((row) => row.duplicate !== undefined);
  const count = (choice: 'skip' | 'update' | 'create') => {
    const writes = contactImportWrites(plan, choice);
    return { written: writes.create.length + writes.update.length, skipped: writes.skipped };
  };
  return {
    problems: plan.problems.slice(0, LISTED_PROBLEMS),
    problemCount: plan.problems.length,
    duplicates: duplicates.slice(0, LISTED_DUPLICATES),
    duplicateCount: duplicates.length,
    counts: { skip: count('skip'), update: count('update'), create: count('create') },
  };
}

/**
 * The contact import worker's logic, apart from the worker so tests can drive it: `read` decodes
 * and splits the file (within the input limits) and answers with a preview; `plan` maps the columns
 * and finds duplicates against the stored contacts; `import` writes in one transaction, in chunks
 * with progress; `cancel` during the write aborts that transaction, so nothing is left behind.
 */
export function createContactImportService(post: (reply: ContactImportReply) => void, options: ContactImportServiceOptions): ContactImportService {
  const { openDb, progressIntervalMs = 100, now = () => performance.now(), clock, newId } = options;
  let table: ContactTable | null = null;
  let db: DiscoveryDb | null = null;
  let importing: AbortController | null = null;
  let lastProgressAt = Number.NEGATIVE_INFINITY;
  let lastStage: ContactImportStage | null = null;

  const progress = (stage: ContactImportStage, done: number, total: number) => {
    const at = now();
    // Stage changes and the end of a stage always go out; the rest at most every interval.
    if (stage === lastStage && done < total && at - lastProgressAt < progressIntervalMs) return;
    lastStage = stage;
    lastProgressAt = at;
    post({ type: 'progress', stage, done, total });
  };
  const fail = (message: string, row: number | null = null) => post({ type: 'failed', problem: { row, message } });

  const planFor = async (roles: readonly ContactColumnRole[]): Promise<ContactImportPlan | null> => {
    if (table === null || db === null) return null;
    progress('checking', 0, table.rows.length);
    const keys = contactKeysOf(table, roles);
    const existing = await createPeopleRepository(db).existingKeys(keys.emails, keys.nameKeys);
    return planContactImport(table, roles, existing, (done) => progress('checking', done, table?.rows.length ?? done));
  };

  const handlers = {
    async read(request: Extract<ContactImportRequest, { type: 'read' }>) {
      const bytes = new Uint8Array(request.bytes);
      // Reading is splitting the text into rows: its progress is the share of the text split.
      const read = readContactTable(bytes, (done, total) => progress('reading', done, total));
      if (!read.ok) return fail(read.problem.message, read.problem.row);
      table = read.table;
      db = await openDb(request.databaseName);
      post({
        type: 'preview',
        preview: {
          fileName: request.fileName,
          headers: table.headers,
          sampleRows: table.rows.slice(0, SAMPLE_ROWS),
          rowCount: table.rows.length,
          encoding: table.encoding,
          delimiter: table.delimiter,
          roles: guessContactColumns(table.headers),
        },
      });
    },

    async plan(request: Extract<ContactImportRequest, { type: 'plan' }>) {
      const plan = await planFor(request.roles);
      if (plan === null) return fail('No file has been read yet; choose the file again.');
      post({ type: 'plan', plan: summarisePlan(plan) });
    },

    async import(request: Extract<ContactImportRequest, { type: 'import' }>) {
      const controller = new AbortController();
      importing = controller;
      try {
        const plan = await planFor(request.roles);
        if (plan === null) return fail('No file has been read yet; choose the file again.');
        if (plan.problems.length > 0) return fail(`Nothing was imported: ${plan.problems.length.toLocaleString('en-US')} rows need fixing first.`);
        const writes = contactImportWrites(plan, request.choice);
        if (db === null) return fail('No file has been read yet; choose the file again.');
        const people = createPeopleRepository(db, { ...(clock === undefined ? {} : { clock }), ...(newId === undefined ? {} : { newId }) });
        progress('writing', 0, writes.create.length + writes.update.length);
        const { created, updated } = await people.importContacts(writes, {
          signal: controller.signal,
          onProgress: (done, total) => progress('writing', done, total),
        });
        post({ type: 'imported', created, updated, skipped: writes.skipped });
      } catch (error) {
        if (error instanceof ContactImportCancelledError || controller.signal.aborted) {
          post({ type: 'cancelled' });
          return;
        }
        throw error;
      } finally {
        importing = null;
      }
    },
  };

  return {
    async handle(request) {
      try {
        switch (request.type) {
          case 'read':
            return await handlers.read(request);
          case 'plan':
            return await handlers.plan(request);
          case 'import':
            return await handlers.import(request);
          case 'cancel':
            if (importing === null) post({ type: 'cancelled' });
            else importing.abort();
            return;
        }
      } catch (error) {
        console.error('The contact import failed', error);
        const isFull = error instanceof Error && error.name === 'StorageFullError';
        fail(
          isFull
            ? 'Nothing was imported: your disk is full. Free some space and import the file again.'
            : 'Nothing was imported: the contacts could not be read or stored. Try again; if it keeps failing, reload the app.',
        );
      }
    },
  };
}
