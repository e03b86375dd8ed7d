import type { SurveyResultsReply, SurveyResultsRequest, SurveyResultsValue } from './survey-results-protocol';

/** What the page needs of a worker (a real one, or an in-process one in tests). */
export interface SurveyResultsPort {
  postMessage(message: SurveyResultsRequest): void;
  onmessage: ((event: MessageEvent<SurveyResultsReply>) => void) | null;
  terminate(): void;
}

type Question = Exclude<SurveyResultsRequest, { type: 'open' | 'invalidate' }>;
type Unnumbered<T> = T extends unknown ? Omit<T, 'requestId'> : never;

export interface SurveyResultsClient {
  ask<K extends SurveyResultsValue['kind']>(question: Unnumbered<Question> & { readonly type: K }): Promise<Extract<SurveyResultsValue, { kind: K }>>;
  invalidate(surveyId: string): void;
  dispose(): void;
}

export function createSurveyResultsWorker(): SurveyResultsPort {
  return new Worker(new URL('./survey-results-worker.ts', import.meta.url), { type: 'module' }) as unknown as SurveyResultsPort;
}

/** Asks the results worker questions about surveys; answers come back by request id. */
export function createSurveyResultsClient(databaseName: string, createPort: () => SurveyResultsPort = createSurveyResultsWorker): SurveyResultsClient {
  let port: SurveyResultsPort | null = null;
  const pending = new Map<number, { resolve: (value: SurveyResultsValue) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  // The worker starts on first use, so creating a client (e.g. in a React state initialiser) costs nothing.
  const connect = (): SurveyResultsPort => {
    if (port !== null) return port;
    const created = createPort();
    created.onmessage = (event) => {
      const reply = event.data;
      const waiting = pending.get(reply.requestId);
      if (waiting === undefined) return;
      pending.delete(reply.requestId);
      if (reply.type === 'reply') waiting.resolve(reply.value);
      else waiting.reject(new Error(reply.message));
    };
    created.postMessage({ type: 'open', databaseName });
    port = created;
    return created;
  };
  return {
    ask(question) {
      const requestId = nextId;
      nextId += 1;
      return new Promise((resolve, reject) => {
        pending.set(requestId, { resolve: resolve as (value: SurveyResultsValue) => void, reject });
        const message = { ...question, requestId };
        connect().postMessage(message as Question);
      });
    },
    invalidate(surveyId) {
      port?.postMessage({ type: 'invalidate', surveyId });
    },
    /** Stops the worker; asking again starts a new one. */
    dispose() {
      port?.terminate();
      port = null;
      for (const waiting of pending.values()) waiting.reject(new Error('The results view was closed.'));
      pending.clear();
    },
  };
}
