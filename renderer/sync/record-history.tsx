import { useEffect, useState } from 'react';
import { useDatabase } from '../db';
import { createSyncDocsRepository } from '../db/repositories/sync-docs-repository';
import { userMessage } from '../errors/user-message';
import { describeHistoryEntry } from '../../shared/sync/row-history-text';
import { parseHistoryEntry, type RowHistoryEntry } from '../../shared/sync/row-history';
import { docKeyOfRow, historyArrayName, type SyncedTable } from '../../shared/sync/synced-tables';
import type { DiscoveryDb } from '../db/discovery-db';
import { useTeamMembership } from './use-team-membership';

/**
 * A shared record's history as the team's documents on this device hold it (newest last): who
 * created, changed and deleted it, with the value each change replaced. Any window can read it.
 */
export async function readRecordHistory(db: DiscoveryDb, table: Exclude<SyncedTable, 'surveyResponses'>, key: string): Promise<RowHistoryEntry[]> {
  const docKey = docKeyOfRow(table, key);
  if (docKey === undefined || (await db.syncDocs.get(docKey)) === undefined) return [];
  const docs = createSyncDocsRepository(db);
  try {
    const doc = await docs.open(docKey);
    return doc
      .getArray(historyArrayName(key))
      .toArray()
      .flatMap((value) => parseHistoryEntry(value) ?? []);
  } finally {
    docs.closeAll();
  }
}

function formatAt(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "History" under a shared record, only while this device is in a team: who wrote and changed what. */
export function RecordHistory({ table, recordKey, label }: { readonly table: Exclude<SyncedTable, 'surveyResponses'>; readonly recordKey: string; readonly label: string }) {
  const { db } = useDatabase();
  const membership = useTeamMembership();
  const [entries, setEntries] = useState<readonly RowHistoryEntry[] | { readonly error: string } | null>(null);
  const [isOpen, setOpen] = useState(false);
  useEffect(() => {
    if (!isOpen || membership === null || membership === undefined) return undefined;
    let isCurrent = true;
    readRecordHistory(db, table, recordKey).then(
      (read) => {
        if (isCurrent) setEntries(read);
      },
      (error: unknown) => {
        if (isCurrent) setEntries({ error: userMessage(error, 'reading the history') });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [db, isOpen, membership, recordKey, table]);
  if (membership === null || membership === undefined) return null;
  return (
    <details className="record-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>History of {label} (who wrote and changed what)</summary>
      {entries === null && <p className="muted">Loading…</p>}
      {entries !== null && 'error' in entries && <p className="notice notice--error">{entries.error}</p>}
      {Array.isArray(entries) && entries.length === 0 && <p className="muted">No team history yet: changes made since this device joined the team are listed here.</p>}
      {Array.isArray(entries) && entries.length > 0 && (
        <ol className="record-history__list" aria-label={`History of ${label}`}>
          {[...entries].reverse().map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              {describeHistoryEntry(entry)} <span className="muted">· {formatAt(entry.at)}</span>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
