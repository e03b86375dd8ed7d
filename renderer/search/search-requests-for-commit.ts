import { listenToCommittedWrites } from '../db/side-effects/committed-writes-channel';
import type { CommittedTableWrites } from '../db/side-effects/write-side-effects';
import type { SearchWorkerRequest } from './search-protocol';

/**
 * What the search index must do after a commit to the workspace, made in any window or worker:
 * re-read the notes written, drop those deleted, catch up from the table after a clear or a bulk
 * write, and follow contacts' names.
 */
export function searchRequestsForCommit(tables: readonly CommittedTableWrites[]): SearchWorkerRequest[] {
  const requests: SearchWorkerRequest[] = [];
  for (const writes of tables) {
    if (writes.table === 'notes') {
      if (writes.isRangeDeleted) {
        requests.push({ type: 'catchUp' });
        continue;
      }
      if (writes.written.length > 0) requests.push({ type: 'notesChanged', ids: writes.written });
      if (writes.deleted.length > 0) requests.push({ type: 'notesDeleted', ids: writes.deleted });
    } else if (writes.table === 'contacts') {
      requests.push({ type: 'contactsChanged' });
    }
  }
  return requests;
}

/** Hands `deliver` what the search index must do after each commit any context announces; returns the stop function. */
export function followCommittedWrites(databaseName: string, deliver: (request: SearchWorkerRequest) => void): () => void {
  return listenToCommittedWrites(databaseName, (tables) => {
    for (const request of searchRequestsForCommit(tables)) deliver(request);
  });
}
