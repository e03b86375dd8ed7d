// The search worker: a thin shell over createSearchService. Its first message (`open`) names the database.
import { openDatabase } from '../db/open-database';
import { createSearchService, type SearchService } from './search-service';
import { parseSearchWorkerRequest, type SearchWorkerReply, type SearchWorkerRequest } from './search-protocol';
import { followCommittedWrites } from './search-requests-for-commit';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SearchWorkerReply): void;
}

const scope: WorkerScope = self;
const early: SearchWorkerRequest[] = [];
let service: SearchService | null = null;
let isOpening = false;

const post = (reply: SearchWorkerReply) => scope.postMessage(reply);

async function open(databaseName: string): Promise<void> {
  // Listening before the open, so no commit made meanwhile is missed (it waits in `early`).
  followCommittedWrites(databaseName, deliver);
  const result = await openDatabase(databaseName);
  if (result.db === null) {
    const { error } = result.status;
    post({ type: 'status', phase: 'error', indexed: 0, total: 0, message: `The workspace could not be opened for search: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  const opened = createSearchService(result.db, post, { canPersist: result.status === 'ready' });
  service = opened;
  for (const request of early.splice(0)) opened.handle(request);
  await opened.start();
}

function deliver(request: SearchWorkerRequest): void {
  if (service === null) early.push(request);
  else service.handle(request);
}

scope.onmessage = (event) => {
  const request = parseSearchWorkerRequest(event.data);
  if (request === undefined) return;
  if (request.type === 'open') {
    if (!isOpening) {
      isOpening = true;
      void open(request.databaseName);
    }
  } else {
    deliver(request);
  }
};
