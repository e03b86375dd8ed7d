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

/** Two rows in every exported table of the database, shaped enough for its indexes. */
export async function fillEveryTable(db: DiscoveryDb, label = 'a'): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) {
      const keyPath = table.schema.primKey.keyPath;
      for (const n of [1, 2]) {
        const id = `${label}-${table.name}-${n}`;
        const row: Record<string, unknown> = { [typeof keyPath === 'string' ? keyPath : 'id']: id, label: `row ${n} of ${table.name} ✓ «ü» 🙂` };
        if (table.name === 'notes') Object.assign(row, { channel: 'coffee-chat', title: `Note ${n}`, body: paragraph(`Body ${n} of ${label}`), plainText: `Body ${n}`, occurredAt: n, updatedAt: n, createdAt: n, tags: ['t'], personIds: [], teams: [], links: [] });
        if (table.name === 'artifacts') Object.assign(row, { roundId: `r-${label}`, kind: `kind-${n}`, body: paragraph('Charter') });
        if (table.name === 'surveyResponses') Object.assign(row, { surveyId: 's', respondentKey: `${label}-${n}` });
        await table.add(row);
      }
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
