import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { ballotDocumentName, boardDocumentName } from '../../shared/live-workshop/live-documents';

export interface LocalCopies {
  /** Resolves once both documents hold what this browser had stored. */
  readonly whenLoaded: Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Keeps this participant's board and ballot in the browser's IndexedDB, so a participant who drops
 * off keeps grouping and voting, and a page closed while offline reopens with its ballot and
 * sends it on reconnect. The control document is not kept: it is the server's.
 */
export function keepLocalCopies(workshopId: string, participantId: string, docs: { readonly board: Y.Doc; readonly ballot: Y.Doc }): LocalCopies {
  const board = new IndexeddbPersistence(`live:${boardDocumentName(workshopId)}`, docs.board);
  const ballot = new IndexeddbPersistence(`live:${ballotDocumentName(workshopId, participantId)}:${participantId}`, docs.ballot);
  return {
    whenLoaded: Promise.all([board.whenSynced, ballot.whenSynced]).then(() => undefined),
    destroy: async () => {
      await Promise.all([board.destroy(), ballot.destroy()]);
    },
  };
}
