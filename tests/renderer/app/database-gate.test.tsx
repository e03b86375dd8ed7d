import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { DatabaseGate } from '../../../renderer/app/database-gate';
import { DiscoveryDb, useDatabase, type OpenDatabaseResult } from '../../../renderer/db';

function Workspace() {
  const { isReadOnly } = useDatabase();
  return <p>Workspace open{isReadOnly ? ', read-only' : ''}</p>;
}

const uniqueName = () => `gate-${Math.random().toString(36).slice(2)}`;

describe('DatabaseGate', () => {
  it('renders the app once the workspace is open', async () => {
    const db = new DiscoveryDb(uniqueName());
    render(
      <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db, status: 'ready' })}>
        <Workspace />
      </DatabaseGate>,
    );
    expect(screen.getByRole('status').textContent).toContain('Opening your workspace');
    expect(await screen.findByText('Workspace open')).toBeTruthy();
  });

  it('keeps a workspace saved by a newer build readable but read-only, and says why', async () => {
    const db = new DiscoveryDb(uniqueName());
    const result: OpenDatabaseResult = { db, status: { kind: 'newer-schema', storedVersion: 3, appVersion: 1 } };
    render(
      <DatabaseGate isBrowserMode={false} open={() => Promise.resolve(result)}>
        <Workspace />
      </DatabaseGate>,
    );
    expect(await screen.findByText('Workspace open, read-only')).toBeTruthy();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('saved by a newer version of Discovery Desk (schema 3)');
    expect(alert.textContent).toContain('will not change it');
  });

  it('shows a recovery screen instead of the app when the workspace cannot be opened', async () => {
    const error = new Error('UpgradeError: migration to version 2 failed');
    render(
      <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db: null, status: { kind: 'failed', error } })}>
        <Workspace />
      </DatabaseGate>,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your workspace could not be opened');
    expect(alert.textContent).toContain('Nothing was changed');
    expect(alert.textContent).toContain('migration to version 2 failed');
    expect(screen.queryByText(/Workspace open/)).toBeNull();
  });

  it('asks the browser to keep the data in browser mode only', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    Object.defineProperty(navigator, 'storage', { value: { persist, persisted: () => Promise.resolve(false) }, configurable: true });
    try {
      const { unmount } = render(
        <DatabaseGate isBrowserMode={false} open={() => Promise.resolve({ db: new DiscoveryDb(uniqueName()), status: 'ready' })}>
          <Workspace />
        </DatabaseGate>,
      );
      await screen.findByText('Workspace open');
      await Promise.resolve();
      expect(persist).not.toHaveBeenCalled();
      unmount();

      render(
        <DatabaseGate isBrowserMode open={() => Promise.resolve({ db: new DiscoveryDb(uniqueName()), status: 'ready' })}>
          <Workspace />
        </DatabaseGate>,
      );
      await screen.findByText('Workspace open');
      await vi.waitFor(() => expect(persist).toHaveBeenCalledTimes(1));
    } finally {
      Reflect.deleteProperty(navigator, 'storage');
    }
  });
});
