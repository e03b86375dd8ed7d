import { describe, expect, it, vi } from 'vitest';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { setErrorLogSink } from '../../../renderer/errors/error-log';
import { createSearchClient, type SearchWorkerPort } from '../../../renderer/search/search-client';
import type { ErrorLogEntry } from '../../../shared/errors/error-log-entry';
import type { SearchStatus, SearchWorkerRequest } from '../../../renderer/search/search-protocol';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';
import { createInProcessWorker, type InProcessWorker } from './in-process-search-worker';

function body(text: string): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const notes = createNotesRepository(db, createTestDependencies());
  await notes.createMany([
    { channel: 'sla', title: 'Latency SLA', body: body('p99 latency under 200 ms'), occurredAt: 1 },
    { channel: 'research', title: 'Observability survey', body: body('tracing and sampling'), occurredAt: 2 },
  ]);
  const workers: InProcessWorker[] = [];
  const client = createSearchClient(() => {
    const worker = createInProcessWorker(db);
    workers.push(worker);
    return worker;
  });
  return { db, notes, client, workers };
}

/** A port that records what it was sent and never answers. */
function silentPort(): SearchWorkerPort & { sent: SearchWorkerRequest[]; terminated: boolean } {
  return {
    sent: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message) {
      this.sent.push(message);
    },
    terminate() {
      this.terminated = true;
    },
  };
}

describe('search client', () => {
  it('starts the worker on first use and answers a search with hits', async () => {
    const { client, workers } = await setUp('client-search');
    expect(workers).toHaveLength(0);
    const response = await client.search('latncy');
    expect(workers).toHaveLength(1);
    expect(response).toMatchObject({ kind: 'results', query: 'latncy', hits: [{ title: 'Latency SLA', channel: 'sla' }] });
    client.dispose();
  });

  it('resolves older searches as superseded and only the newest with results', async () => {
    const { client } = await setUp('client-supersede');
    const first = client.search('obs');
    const second = client.search('observ');
    const third = client.search('observability');
    expect(await first).toEqual({ kind: 'superseded', query: 'obs' });
    expect(await second).toEqual({ kind: 'superseded', query: 'observ' });
    expect(await third).toMatchObject({ kind: 'results', hits: [{ title: 'Observability survey' }] });
    client.dispose();
  });

  it('answers a blank query at once with nothing, without asking the worker', async () => {
    const port = silentPort();
    const client = createSearchClient(() => port);
    expect(await client.search('   ')).toMatchObject({ kind: 'results', query: '   ', hits: [], tookMs: 0 });
    expect(port.sent).toEqual([]);
    const pending = client.search('something');
    expect(await client.search('')).toMatchObject({ kind: 'results', hits: [] });
    expect(await pending).toEqual({ kind: 'superseded', query: 'something' });
  });

  it('follows every commit without being told, and reports status to subscribers', async () => {
    const { client, notes } = await setUp('client-changes');
    const statuses: SearchStatus[] = [];
    const unsubscribe = client.subscribeStatus((status) => statuses.push(status));
    await vi.waitFor(() => expect(client.getStatus()).toEqual({ phase: 'ready', indexed: 2, total: 2 }));
    expect(statuses[0]).toEqual({ phase: 'loading', indexed: 0, total: 0 });

    const created = await notes.create({ channel: 'brainstorm', title: 'Tracing budget', body: body('sampling costs'), occurredAt: 3 });
    await vi.waitFor(() => expect(client.getStatus().indexed).toBe(3));
    const found = await client.search('sampling');
    expect(found.kind === 'results' ? found.hits.map((hit) => hit.title).sort() : []).toEqual(['Observability survey', 'Tracing budget']);

    await notes.delete(created.id);
    await vi.waitFor(() => expect(client.getStatus().indexed).toBe(2));
    expect(await client.search('budget')).toMatchObject({ kind: 'results', hits: [] });

    unsubscribe();
    const count = statuses.length;
    await notes.create({ channel: 'brainstorm', title: 'Unheard', body: body('after unsubscribing'), occurredAt: 4 });
    await client.search('anything');
    expect(statuses).toHaveLength(count);
    client.dispose();
  });

  it('terminates the worker on dispose, settling a pending search, and starts a new one when used again', async () => {
    const { client, workers } = await setUp('client-dispose');
    const pending = client.search('latency');
    client.dispose();
    expect(await pending).toEqual({ kind: 'superseded', query: 'latency' });
    expect(workers[0]?.isTerminated()).toBe(true);
    expect(await client.search('latency')).toMatchObject({ kind: 'results', hits: [{ title: 'Latency SLA' }] });
    expect(workers).toHaveLength(2);
    client.dispose();
  });

  it('delivers full-text snippets after the results, unless a newer search came first', async () => {
    const port = silentPort();
    const client = createSearchClient(() => port);
    const deliver = (data: unknown) => port.onmessage?.(new MessageEvent('message', { data }));
    const requestIdOf = (index: number) => {
      const sent = port.sent[index];
      return sent?.type === 'search' ? sent.requestId : -1;
    };
    const hit = (snippet: string) => ({ id: 'n', title: 'T', channel: 'sla', occurredAt: 1, snippet, matches: [] });

    const first = client.search('deadline');
    deliver({ type: 'results', requestId: requestIdOf(0), query: 'deadline', hits: [hit('start')], tookMs: 1, pendingSnippets: true });
    const response = await first;
    if (response.kind !== 'results') throw new Error('no results');
    deliver({ type: 'snippets', requestId: requestIdOf(0), hits: [hit('…the deadline slipped')] });
    expect((await response.withSnippets).map((refined) => refined.snippet)).toEqual(['…the deadline slipped']);

    const second = client.search('deadlines');
    deliver({ type: 'results', requestId: requestIdOf(1), query: 'deadlines', hits: [hit('start')], tookMs: 1, pendingSnippets: true });
    const secondResponse = await second;
    if (secondResponse.kind !== 'results') throw new Error('no results');
    void client.search('newer');
    deliver({ type: 'snippets', requestId: requestIdOf(1), hits: [hit('too late')] });
    expect((await secondResponse.withSnippets).map((refined) => refined.snippet)).toEqual(['start']);
  });

  it('reports a crashed worker as an error and fails the pending search', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logged: ErrorLogEntry[] = [];
    setErrorLogSink({ append: async (entry) => void logged.push(entry) });
    const port = silentPort();
    const client = createSearchClient(() => port);
    const pending = client.search('anything');
    port.onerror?.(new ErrorEvent('error', { message: 'Worker exploded' }));
    // The worker's own text goes to the local log; people read what happened and what to do.
    const plain = 'Something unexpected went wrong while searching. Try again; if it happens again, Settings › Local log has the details to report.';
    await expect(pending).rejects.toThrow(plain);
    expect(client.getStatus()).toMatchObject({ phase: 'error', message: plain });
    expect(logged.map((entry) => entry.message)).toEqual(['Worker exploded']);
    setErrorLogSink(null);
  });

  it('ignores malformed and stale replies', async () => {
    const port = silentPort();
    const client = createSearchClient(() => port);
    const pending = client.search('query');
    const [sent] = port.sent;
    const requestId = sent?.type === 'search' ? sent.requestId : -1;
    const deliver = (data: unknown) => port.onmessage?.(new MessageEvent('message', { data }));
    deliver(null);
    deliver({ type: 'results', requestId, query: 'query' });
    deliver({ type: 'results', requestId: requestId - 1, query: 'older', hits: [], tookMs: 1 });
    deliver({ type: 'status', phase: 'exploded', indexed: 1, total: 1 });
    expect(client.getStatus().phase).toBe('loading');
    deliver({ type: 'results', requestId, query: 'query', hits: [], tookMs: 2 });
    expect(await pending).toMatchObject({ kind: 'results', query: 'query', hits: [], tookMs: 2 });
  });
});
