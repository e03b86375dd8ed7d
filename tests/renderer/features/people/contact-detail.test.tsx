import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../../renderer/components/toast';
import { createRepositories, DatabaseContext, type DiscoveryDb } from '../../../../renderer/db';
import { ContactDetail } from '../../../../renderer/features/people/contact-detail';
import { GroupList } from '../../../../renderer/features/people/group-views';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { openTestDatabase } from '../../db/open-test-database';

afterEach(() => localStorage.clear());

function renderAt(db: DiscoveryDb, path: string) {
  return render(
    <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
      <ToastProvider>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/people/teams" element={<GroupList field="team" />} />
            <Route path="/people/:contactId" element={<ContactDetail />} />
          </Routes>
        </MemoryRouter>
      </ToastProvider>
    </DatabaseContext.Provider>,
  );
}

describe('a person’s page', () => {
  it('edits the person in a full form saved as you type, and confirms the team their notes suggest in one click', { timeout: 30_000 }, async () => {
    const db = await openTestDatabase('contact-detail-form');
    const { contacts, notes, people } = createRepositories(db);
    const ada = await contacts.create({ name: 'Ada Lovelace' });
    await notes.create({ channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1, personIds: [ada.id], teams: ['Payments'] });
    renderAt(db, `/people/${ada.id}`);

    const details = await screen.findByRole('region', { name: 'Details' });
    act(() => void fireEvent.change(within(details).getByRole('textbox', { name: 'Email' }), { target: { value: 'ada@example.org' } }));
    await waitFor(async () => expect((await contacts.get(ada.id))?.email).toBe('ada@example.org'), { timeout: 5_000 });
    expect(within(details).getByRole('status').textContent).toBe('Saved');

    const use = await screen.findByRole('button', { name: 'Use team Payments' });
    act(() => use.click());
    await waitFor(async () => expect((await contacts.get(ada.id))?.team).toBe('Payments'));
    await waitFor(() => expect(within(details).getByRole<HTMLInputElement>('combobox', { name: 'Team' }).value).toBe('Payments'));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Use team Payments' })).toBeNull());
    expect(await people.linkSuggestions(ada.id)).toEqual([]);
  });

  it('lists teams with contacts, and collapses the ones only notes name under a count', { timeout: 30_000 }, async () => {
    const db = await openTestDatabase('contact-detail-teams');
    const { contacts, notes } = createRepositories(db);
    await notes.ensureCounts();
    await contacts.create({ name: 'Ada Lovelace', team: 'Payments' });
    await notes.create({ channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1, teams: ['Checkout'] });
    renderAt(db, '/people/teams');

    const withContacts = await screen.findByRole('table', { name: 'Teams with contacts' });
    expect(within(withContacts).getByRole('link', { name: 'Payments' })).toBeTruthy();
    expect(within(withContacts).queryByRole('link', { name: 'Checkout' })).toBeNull();
    expect(screen.getByText('1 team named only in notes, with no contacts')).toBeTruthy();
  });
});
