import { act, render, screen, waitFor } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createNotesRepository } from '../../../renderer/db/repositories/notes-repository';
import { createSearchClient, SearchProvider, useNoteSearch, useSearchClient } from '../../../renderer/search';
import type { RichTextDoc } from '../../../shared/domain/rich-text';
import { createTestDependencies } from '../db/create-test-dependencies';
import { openTestDatabase } from '../db/open-test-database';
import { createInProcessWorker, type InProcessWorker } from './in-process-search-worker';

function body(text: string): RichTextDoc {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

let setQuery: (query: string) => void = () => undefined;

function SearchProbe() {
  const [query, updateQuery] = useState('');
  setQuery = updateQuery;
  const { hits, hitsQuery, status, isSearching } = useNoteSearch(query);
  return (
    <div>
      <p data-testid="status">{`${status.phase} ${status.indexed}/${status.total}`}</p>
      <p data-testid="answered">{hitsQuery ?? '(none)'}</p>
      <p data-testid="searching">{String(isSearching)}</p>
      <ul aria-label="hits">
        {hits.map((hit) => (
          <li key={hit.id}>{hit.title}</li>
        ))}
      </ul>
      <p data-testid="snippets">{hits.map((hit) => hit.snippet).join(' | ')}</p>
    </div>
  );
}

function ClientProbe() {
  return <p data-testid="client">{useSearchClient() === null ? 'none' : 'present'}</p>;
}

async function renderWithSearch() {
  const db = await openTestDatabase('use-note-search');
  const notes = createNotesRepository(db, createTestDependencies());
  await notes.createMany([
    { channel: 'coffee-chat', title: 'Kubernetes upgrade pain', body: body('clusters and nodes'), occurredAt: 1 },
    { channel: 'sla', title: 'Café SLA', body: body('availability of the cafe service'), occurredAt: 2 },
  ]);
  const workers: InProcessWorker[] = [];
  const createClient = () =>
    createSearchClient(() => {
      const worker = createInProcessWorker(db);
      workers.push(worker);
      return worker;
    });
  const view = render(
    <StrictMode>
      <SearchProvider createClient={createClient}>
        <SearchProbe />
      </SearchProvider>
    </StrictMode>,
  );
  return { view, notes, workers };
}

const hitTitles = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

describe('useNoteSearch', () => {
  it('shows the status, then the hits of the query typed, typos forgiven', async () => {
    await renderWithSearch();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('ready 2/2'));
    expect(hitTitles()).toEqual([]);
    expect(screen.getByTestId('answered').textContent).toBe('(none)');

    act(() => setQuery('kubernets'));
    expect(screen.getByTestId('searching').textContent).toBe('true');
    await waitFor(() => expect(hitTitles()).toEqual(['Kubernetes upgrade pain']));
    expect(screen.getByTestId('answered').textContent).toBe('kubernets');
    expect(screen.getByTestId('searching').textContent).toBe('false');

    act(() => setQuery('  cafe '));
    await waitFor(() => expect(hitTitles()).toEqual(['Café SLA']));
    expect(screen.getByTestId('answered').textContent).toBe('cafe');

    act(() => setQuery('   '));
    expect(hitTitles()).toEqual([]);
    expect(screen.getByTestId('answered').textContent).toBe('(none)');
  });

  it('refreshes the hits when a note changes', async () => {
    const { notes } = await renderWithSearch();
    act(() => setQuery('grafana'));
    await waitFor(() => expect(screen.getByTestId('answered').textContent).toBe('grafana'));
    expect(hitTitles()).toEqual([]);
    await notes.create({ channel: 'brainstorm', title: 'Grafana dashboards', body: body('panels'), occurredAt: 3 });
    await waitFor(() => expect(hitTitles()).toEqual(['Grafana dashboards']));
  });

  it('shows the snippet around a match past the stored excerpt once the note text is read', async () => {
    const { notes } = await renderWithSearch();
    await notes.create({
      channel: 'research',
      title: 'Long paper',
      body: body(`${'Background on many unrelated topics. '.repeat(12)}The conclusion is that quotas are too low.`),
      occurredAt: 3,
    });
    act(() => setQuery('conclusion'));
    await waitFor(() => expect(screen.getByTestId('snippets').textContent).toContain('The conclusion is that quotas are too low.'));
    expect(hitTitles()).toEqual(['Long paper']);
  });

  it('runs one worker under StrictMode and stops it on unmount', async () => {
    const { view, workers } = await renderWithSearch();
    await waitFor(() => expect(screen.getByTestId('status').textContent).toBe('ready 2/2'));
    expect(workers.filter((worker) => !worker.isTerminated())).toHaveLength(1);
    view.unmount();
    expect(workers.every((worker) => worker.isTerminated())).toBe(true);
  });

  it('reports search as unavailable without a provider', () => {
    render(
      <>
        <SearchProbe />
        <ClientProbe />
      </>,
    );
    expect(screen.getByTestId('client').textContent).toBe('none');
    expect(screen.getByTestId('status').textContent).toBe('error 0/0');
    act(() => setQuery('anything'));
    expect(screen.getByTestId('searching').textContent).toBe('false');
  });
});
