import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/app/app';
import { createRepositories, openDatabase } from '../../../renderer/db';
import { createBrowserPlatform } from '../../../renderer/platform/browser-platform';
import { EMPTY_RICH_TEXT_DOC } from '../../../shared/domain/rich-text';

beforeAll(async () => {
  const opened = await openDatabase();
  if (opened.db === null) throw new Error('The test workspace did not open.');
  const { notes, highlights, contacts } = createRepositories(opened.db);
  const ada = await contacts.create({ name: 'Ada Lovelace', team: 'Payments' });
  const note = await notes.create({ channel: 'coffee-chat', title: 'Chat with Ada', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1, personIds: [ada.id], teams: ['Payments'], tags: ['release'] });
  await highlights.create({ noteId: note.id, quote: 'Deploys wait on a flaky pipeline', tags: ['ci-speed'] });
  opened.db.close();
});

async function openPalette(hash: string) {
  window.location.hash = hash;
  render(<App platform={createBrowserPlatform(document)} />);
  await screen.findByRole('heading', { level: 1, name: 'Discovery' }, { timeout: 10_000 });
  // The shell listens for Ctrl+K once it has mounted: press until the palette opens.
  return waitFor(
    () => {
      act(() => void fireEvent.keyDown(window, { code: 'KeyK', key: 'k', ctrlKey: true }));
      return screen.getByRole('combobox', { name: /Run an action/, hidden: true });
    },
    { timeout: 10_000 },
  );
}

const options = () => screen.queryAllByRole('option', { hidden: true }).map((option) => option.textContent ?? '');

describe('command palette', () => {
  it('offers the actions first, and finds highlights, teams and tags as well as notes and people', { timeout: 30_000 }, async () => {
    const input = await openPalette('#/discovery');
    const actions = ['Import a survey…', 'Start a prioritization round…', 'Download a backup', 'Export artifacts', 'Plan a coffee chat…', 'Open the tag board'];
    await waitFor(() => expect(options().slice(0, actions.length).map((text) => actions.some((action) => text.includes(action)))).toEqual(actions.map(() => true)));

    act(() => void fireEvent.change(input, { target: { value: 'flaky' } }));
    await waitFor(() => expect(options()).toContain('Highlights“Deploys wait on a flaky pipeline”ci-speed'));

    act(() => void fireEvent.change(input, { target: { value: 'payments' } }));
    await waitFor(() => expect(options()).toContain('TeamsPayments1 person'));

    act(() => void fireEvent.change(input, { target: { value: 'ci-sp' } }));
    await waitFor(() => expect(options()).toContain('Tagsci-speed0 notes, 1 highlight'));
  });

  it('starts a round from the palette: Enter on the action opens the board’s start dialog', { timeout: 30_000 }, async () => {
    const input = await openPalette('#/discovery');
    act(() => void fireEvent.change(input, { target: { value: 'start round' } }));
    await waitFor(() => expect(options()[0]).toContain('Start a prioritization round'));
    act(() => void fireEvent.keyDown(input, { key: 'Enter' }));
    expect(await screen.findByRole('heading', { name: 'Start a prioritization round', hidden: true }, { timeout: 10_000 })).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe('#/board'));
  });

  it('plans a chat with a person found by name: the form opens with that person chosen', { timeout: 30_000 }, async () => {
    const input = await openPalette('#/discovery');
    act(() => void fireEvent.change(input, { target: { value: 'ada' } }));
    const plan = await screen.findByRole('option', { name: /Plan a coffee chat with Ada Lovelace/, hidden: true });
    act(() => void fireEvent.mouseDown(plan));
    const form = (await screen.findByRole('heading', { name: 'Plan a coffee chat' }, { timeout: 10_000 })).closest('section');
    await waitFor(() => expect(form && within(form).getByText('Ada Lovelace')).toBeTruthy());
    expect(window.location.hash).toBe('#/people/planned');
  });
});
