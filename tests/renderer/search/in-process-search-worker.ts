// The search worker run in-process: the real service over a real (fake-indexeddb) database,
// with every message structured-cloned as it would be between threads.
import type { DiscoveryDb } from '../../../renderer/db/discovery-db';
import type { SearchWorkerPort } from '../../../renderer/search/search-client';
import type { SearchWorkerReply } from '../../../renderer/search/search-protocol';
import { followCommittedWrites } from '../../../renderer/search/search-requests-for-commit';
import { createSearchService, type SearchService, type SearchServiceOptions } from '../../../renderer/search/search-service';

export interface RecordedService {
  readonly service: SearchService;
  readonly replies: SearchWorkerReply[];
}

/** A service whose replies are recorded, started (awaited), with test-friendly persistence timing. */
export async function startRecordedService(db: DiscoveryDb, options: Partial<SearchServiceOptions> = {}): Promise<RecordedService> {
  const replies: SearchWorkerReply[] = [];
  const service = createSearchService(db, (reply) => replies.push(structuredClone(reply)), { canPersist: true, persistDelayMs: 0, ...options });
  await service.start();
  await service.idle();
  return { service, replies };
}

export interface InProcessWorker extends SearchWorkerPort {
  readonly service: SearchService;
  readonly isTerminated: () => boolean;
  /** Delivers a worker error, as a crashed worker would. */
  readonly crash: (message: string) => void;
}

/**
 * A SearchWorkerPort over the real service; replies arrive asynchronously, like worker messages.
 * Like the real worker it hears every commit to the database (a BroadcastChannel), whoever wrote.
 */
export function createInProcessWorker(db: DiscoveryDb, options: Partial<SearchServiceOptions> = {}): InProcessWorker {
  let isTerminated = false;
  const service = createSearchService(
    db,
    (reply) => {
      const copy = structuredClone(reply);
      setTimeout(() => {
        if (!isTerminated) port.onmessage?.(new MessageEvent('message', { data: copy }));
      }, 0);
    },
    { canPersist: true, persistDelayMs: 0, ...options },
  );
  const stopFollowing = followCommittedWrites(db.name, (request) => {
    if (!isTerminated) service.handle(request);
  });
  const port: InProcessWorker = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (isTerminated) return;
      const copy = structuredClone(message);
      setTimeout(() => {
        if (copy.type !== 'open') service.handle(copy);
      }, 0);
    },
    terminate() {
      isTerminated = true;
      stopFollowing();
      service.dispose();
    },
    service,
    isTerminated: () => isTerminated,
    crash(message) {
      port.onerror?.(new ErrorEvent('error', { message }));
    },
  };
  void service.start();
  return port;
}
