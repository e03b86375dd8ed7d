import { Dexie, type Table } from 'dexie';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { workspaceHeaderLine, workspaceRowLine, workspaceTrailerLine } from '../../../shared/backup/workspace-format';
import { isExportedRow, isExportedTable } from '../../../shared/backup/workspace-tables';
import type { DiscoveryDb } from '../discovery-db';

export interface ExportWorkspaceOptions {
  readonly appVersion: string;
  readonly clock?: () => number;
  /** Rows read per query; each page becomes one chunk. */
  readonly pageSize?: number;
  /** The schema of the rows written, when it is not this build's (a workspace opened as stored, before its upgrade). */
  readonly schemaVersion?: number;
}

const DEFAULT_PAGE_SIZE = 500;

/** The tables a workspace file holds, in the order written: every declared table but the derived ones. */
export function exportedTables(db: Dexie): Table[] {
  return db.tables.filter((table) => isExportedTable(table.name)).sort((a, b) => a.name.localeCompare(b.name));
}

/** Reads a table in primary-key order, one page at a time, so no table is ever held whole. */
export async function* readTablePages(table: Table, pageSize: number): AsyncGenerator<Record<string, unknown>[]> {
  const keyPath = table.schema.primKey.keyPath;
  if (typeof keyPath !== 'string') throw new Error(`Table ${table.name} has no single key path; it cannot be paged.`);
  let lastKey: unknown;
  for (;;) {
    const collection = lastKey === undefined ? table.orderBy(':id') : table.where(':id').above(lastKey);
    const rows: Record<string, unknown>[] = await collection.limit(pageSize).toArray();
    if (rows.length === 0) return;
    yield rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    lastKey = Dexie.getByKeyPath(last, keyPath);
  }
}

/**
 * Writes the whole workspace as a workspace file (see shared/backup/workspace-format), yielding
 * it in chunks of about one page of rows, so neither the database nor the file is held in memory.
 */
export async function* exportWorkspace(db: DiscoveryDb, { appVersion, clock = Date.now, pageSize = DEFAULT_PAGE_SIZE, schemaVersion = db.appSchemaVersion }: ExportWorkspaceOptions): AsyncGenerator<string> {
  const encoder = new TextEncoder();
  const hash = sha256.create();
  const counts: Record<string, number> = {};
  const header = workspaceHeaderLine({ appVersion, schemaVersion, createdAt: clock() });
  hash.update(encoder.encode(header));
  yield header;
  for (const table of exportedTables(db)) {
    let count = 0;
    for await (const rows of readTablePages(table, pageSize)) {
      let chunk = '';
      for (const row of rows) {
        if (!isExportedRow(table.name, row)) continue;
        chunk += workspaceRowLine(table.name, row);
        count += 1;
      }
      if (chunk === '') continue;
      hash.update(encoder.encode(chunk));
      yield chunk;
    }
    counts[table.name] = count;
  }
  yield workspaceTrailerLine({ counts, sha256: bytesToHex(hash.digest()) });
}
