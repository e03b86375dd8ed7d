// The contact import worker: a thin shell over createContactImportService. One worker reads one file.
import { openDatabase } from '../db/open-database';
import { parseContactImportRequest, type ContactImportReply } from './contact-import-protocol';
import { createContactImportService } from './contact-import-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: ContactImportReply): void;
}

const scope: WorkerScope = self;

const service = createContactImportService((reply) => scope.postMessage(reply), {
  openDb: async (name) => {
    const result = await openDatabase(name);
    if (result.db === null) {
      const { error } = result.status;
      throw new Error(`the workspace could not be opened (${error instanceof Error ? error.message : String(error)})`);
    }
    return result.db;
  },
});

// Requests are handled as they come: a `cancel` must reach the service while an import is writing.
scope.onmessage = (event) => {
  const request = parseContactImportRequest(event.data);
  if (request !== undefined) void service.handle(request);
};
