// The survey import worker: a thin shell over createSurveyImportService. One worker reads one file.
import { openWorkerDatabase } from '../db/open-worker-database';
import { parseSurveyImportRequest, type SurveyImportReply } from './survey-import-protocol';
import { createSurveyImportService } from './survey-import-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SurveyImportReply): void;
}

const scope: WorkerScope = self;

const service = createSurveyImportService((reply) => scope.postMessage(reply), {
  openDb: (name) => openWorkerDatabase(name, 'importing the survey'),
});

// Requests are handled as they come: a `cancel` must reach the service while an import is writing.
scope.onmessage = (event) => {
  const request = parseSurveyImportRequest(event.data);
  if (request !== undefined) void service.handle(request);
};
