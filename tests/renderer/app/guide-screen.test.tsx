import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { GuideScreen } from '../../../renderer/app/guide-screen';
import { DatabaseContext } from '../../../renderer/db';
import { openTestDatabase } from '../db/open-test-database';

const WAIT = { timeout: 8000 };

describe('the getting-started guide', () => {
  it('gives the method’s four steps in order and loads and removes the sample workspace in one click each', async () => {
    const user = userEvent.setup();
    const db = await openTestDatabase('guide');
    render(
      <DatabaseContext.Provider value={{ db, isReadOnly: false, appSchemaVersion: db.appSchemaVersion }}>
        <MemoryRouter>
          <GuideScreen />
        </MemoryRouter>
      </DatabaseContext.Provider>,
    );
    const steps = screen.getByRole('list', { name: 'The method' });
    expect([...steps.querySelectorAll('h2')].map((heading) => heading.textContent)).toEqual(['1Collect', '2Prioritise', '3Artifacts', '4Validate']);

    await user.click(await screen.findByRole('button', { name: 'Load the sample workspace' }, WAIT));
    expect(await screen.findByRole('status', {}, WAIT)).toHaveProperty('textContent', 'Loaded the sample workspace.');
    expect(await db.notes.count()).toBeGreaterThan(0);
    await user.click(await screen.findByRole('button', { name: 'Remove the sample workspace' }, WAIT));
    expect((await screen.findByRole('status', {}, WAIT)).textContent).toMatch(/^Removed the sample workspace \(\d+ records\)\.$/);
    expect(await db.notes.count()).toBe(0);
    expect(await screen.findByRole('button', { name: 'Load the sample workspace' }, WAIT)).toBeTruthy();
  });
});
