// The contact import worker: a thin shell over createContactImportService. One worker reads one file.
import { openWorkerDatabase } from '../db/open-worker-database';
import { parseContactImportRequest, type ContactImportReply } from './contact-import-protocol';
import { createContactImportService } from './contact-import-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: ContactImportReply): void;
}

const scope: WorkerScope = self;

const service = createContactImportService((reply) => scope.postMessage(reply), {
  openDb: (name) => openWorkerDatabase(name, 'importing the contacts'),
});

// Requests are handled as they come: a `cancel` must reach the service while an import is writing.
scope.onmessage = (event) => {
  const request = parseContactImportRequest(event.data);
  if (request !== undefined) void service.handle(request);
};
