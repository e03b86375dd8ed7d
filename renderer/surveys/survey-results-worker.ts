// The survey results worker: a thin shell over createSurveyResultsService.
import { openDatabase } from '../db/open-database';
import type { SurveyResultsReply, SurveyResultsRequest } from './survey-results-protocol';
import { createSurveyResultsService } from './survey-results-service';

interface WorkerScope {
  onmessage: ((event: MessageEvent<SurveyResultsRequest>) => void) | null;
  postMessage(message: SurveyResultsReply): void;
}

const scope: WorkerScope = self;

const service = createSurveyResultsService(
  (reply) => scope.postMessage(reply),
  async (name) => {
    const result = await openDatabase(name);
    if (result.db === null) throw new Error('The workspace could not be opened to read survey results.');
    return result.db;
  },
);

// Only our own page can post to this worker; messages are handled in arrival order.
scope.onmessage = (event) => void service.handle(event.data);
