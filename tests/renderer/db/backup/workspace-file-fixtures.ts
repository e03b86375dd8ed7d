// Builds workspace files and fills databases for the export and restore tests.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { DiscoveryDb } from '../../../../renderer/db/discovery-db';
import { exportWorkspace } from '../../../../renderer/db/repositories/export-workspace';
import { WORKSPACE_FORMAT, WORKSPACE_FORMAT_VERSION, workspaceRowLine, workspaceTrailerLine } from '../../../../shared/backup/workspace-format';
import { canonicalJson } from '../../../../shared/backup/canonical-json';
import { isExportedRow, isExportedTable } from '../../../../shared/backup/workspace-tables';

/** Streams bytes in small, odd-sized chunks, so lines and multi-byte characters are split across chunks. */
export function streamOf(content: string | Uint8Array, chunkSize = 97): ReadableStream<Uint8Array> {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

export async function exportToText(db: DiscoveryDb, pageSize = 3): Promise<string> {
  let text = '';
  for await (const chunk of exportWorkspace(db, { appVersion: '1.2.3', clock: () => Date.UTC(2026, 0, 2), pageSize })) text += chunk;
  return text;
}

export interface FileParts {
  readonly header?: Record<string, unknown>;
  readonly rows: readonly { readonly t: string; readonly r: object }[];
}

/** A well-formed workspace file (true counts and checksum) with whatever header and rows it is given. */
export function buildWorkspaceFile({ header = {}, rows }: FileParts, schemaVersion = 4): string {
  let body = `${JSON.stringify({ format: WORKSPACE_FORMAT, formatVersion: WORKSPACE_FORMAT_VERSION, appVersion: '9.9.9', schemaVersion, createdAt: 1, ...header })}\n`;
  const counts: Record<string, number> = {};
  for (const { t, r } of rows) {
    body += workspaceRowLine(t, r);
    counts[t] = (counts[t] ?? 0) + 1;
  }
  return body + workspaceTrailerLine({ counts, sha256: bytesToHex(sha256(new TextEncoder().encode(body))) });
}

const paragraph = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A row of `table` the app could have written (it fits the table's schema), made distinct by id and label. */
export function sampleRow(table: string, id: string, label: string, n: number): Record<string, unknown> {
  const text = `row ${n} of ${table} ✓ «ü» 🙂 ${label}`;
  const times = { createdAt: n, updatedAt: n };
  switch (table) {
    case 'notes':
      return { id, channel: 'coffee-chat', title: `Note ${n}`, body: paragraph(`Body ${n} of ${label}`), plainText: `Body ${n}`, occurredAt: n, tags: ['t'], personIds: [], teams: [], links: [], label: text, ...times };
    case 'highlights':
      return { id, noteId: `note-${n}`, quote: text, tags: ['t'], ...times };
    case 'contacts':
      return { id, name: text, nameKey: text.toLowerCase(), email: `${label}-${n}@example.com`, team: 'Payments', ...times };
    case 'surveys':
      return { id, title: text, sourceFileName: 'survey.csv', importedAt: n, ...times };
    case 'surveyQuestions':
      return { id, surveyId: 's', position: n, text, type: 'free-text' };
    case 'surveyResponses':
      return { id, surveyId: 's', respondentKey: `${label}-${n}`, answers: { q: text, r: 3, s: ['a', 'b'], t: null } };
    case 'rounds':
      return { id, title: text, state: 'draft', snapshotNoteIds: [], snapshotHighlightIds: [], snapshotTakenAt: n, immediatePainTargetPercent: 70, ...times };
    case 'cards':
      return { id, roundId: `r-${label}`, source: { kind: 'note', noteId: `note-${n}` }, position: n, snapshot: { title: text, excerpt: text, channel: 'coffee-chat', occurredAt: n, personIds: [], people: [], teams: [], tags: [] } };
    case 'buckets':
      return { id, roundId: `r-${label}`, title: text, statement: '', solutionKind: 'address', ...times };
    case 'votes':
      return { id, roundId: `r-${label}`, participant: 'p', bucketId: 'b', dots: n };
    case 'initiatives':
      return { id, roundId: `r-${label}`, title: text, kind: 'vision', effortWeeks: n, bucketIds: [], ...times };
    case 'artifacts':
      return n === 1
        ? { id, roundId: `r-${label}`, kind: 'charter', sections: { uniqueValue: paragraph(text), competitiveAdvantages: paragraph('b'), strategy: paragraph('c') }, citations: [], ...times }
        : { id, roundId: `r-${label}`, kind: 'vision', years: [{ year: 1, themes: [{ id: 'th', title: text }], body: paragraph('Year one'), citations: [{ kind: 'note', noteId: 'n' }] }], ...times };
    case 'solutions':
      return { id, bucketId: 'b', title: text, description: '', existingCapability: { status: 'not-checked' }, ...times };
    case 'experiments':
      return { id, solutionId: 's', hypothesis: text, howItCouldFail: '', killCriteria: '', ...times };
    case 'settings':
    case 'meta':
      return { key: id, value: text };
    case 'surveyPlans':
      return { id, title: text, goal: '', audience: '', questions: [], reviewers: [], questionsRevision: 0, ...times };
    case 'workshops':
      return { id, roundId: `r-${label}`, participants: [{ id: 'p', name: 'Ana' }], phase: 'grouping', votesPerParticipant: 3, areVotesRevealed: false, ...times };
    case 'scores':
      return { id, roundId: `r-${label}`, bucketId: 'b', scorer: 's', values: { reach: n }, ...times };
    case 'plannedChats':
      return { id, contactId: 'c', plannedFor: n, ...times };
    default:
      return { id, key: id, label: text };
  }
}

/** Two rows in every exported table of the database, each one the app could have written. */
export async function fillEveryTable(db: DiscoveryDb, label = 'a'): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      for (const n of [1, 2]) await table.add(sampleRow(table.name, `${label}-${table.name}-${n}`, label, n));
    }
  });
}

/** Every exported row of every table, as canonical JSON per table, for comparing two databases. */
export async function snapshotRows(db: DiscoveryDb): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const table of db.tables) {
    if (!isExportedTable(table.name)) continue;
    const rows: Record<string, unknown>[] = await table.toArray();
    snapshot[table.name] = rows.filter((row) => isExportedRow(table.name, row)).map((row) => canonicalJson(row));
  }
  return snapshot;
}
