// The survey import worker: a thin shell over createSurveyImportService. One worker reads one file.
import { openDatabase } from '../db/open-database';
import { parseSurveyImportRequest, type SurveyImportReply } from './survey-import-protocol';
import { createSurveyImportService } from './survey-import-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SurveyImportReply): void;
}

const scope: WorkerScope = self;

const service = createSurveyImportService((reply) => scope.postMessage(reply), {
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
  const request = parseSurveyImportRequest(event.data);
  if (request !== undefined) void service.handle(request);
};
