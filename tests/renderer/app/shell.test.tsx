import { describe, expect, it } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/app/app';
import { createBrowserPlatform } from '../../../renderer/platform/browser-platform';

function renderApp(hash = '#/discovery') {
  window.location.hash = hash;
  return render(<App platform={createBrowserPlatform(document)} />);
}

describe('the app shell', () => {
  it('opens on Discovery and lists every section in the navigation', async () => {
    renderApp('#/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Discovery' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    const names = within(nav)
      .getAllByRole('link')
      .map((link) => link.textContent?.replace(/Alt \d/, '').trim());
    expect(names).toEqual(['Discovery', 'People', 'Surveys', 'Board', 'Artifacts', 'Settings', 'Getting started']);
  });

  it('gives the getting-started guide its own heading, not the first section’s', async () => {
    renderApp('#/guide');
    expect(await screen.findByRole('heading', { level: 1, name: 'Getting started' })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Discovery' })).toBeNull();
  });

  // Sections load as their own chunk when first opened: on a busy machine that takes seconds.
  it('moves between sections by link and by Alt+digit, focusing the new heading', { timeout: 30_000 }, async () => {
    const user = userEvent.setup();
    renderApp();
    await screen.findByRole('heading', { level: 1, name: 'Discovery' });

    await user.click(screen.getByRole('link', { name: /People/ }));
    // Sections other than Discovery load as their own chunk when first opened, so the heading comes a moment later.
    expect(await screen.findByRole('heading', { level: 1, name: 'People' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: /People/ }).getAttribute('aria-current')).toBe('page');

    await user.keyboard('{Alt>}4{/Alt}');
    const board = await screen.findByRole('heading', { level: 1, name: 'Board' }, { timeout: 10_000 });
    await waitFor(() => expect(document.activeElement).toBe(board));
  });

  it('points from Settings to the research-load budgets that work under People, never calling them not built', { timeout: 30_000 }, async () => {
    renderApp('#/settings');
    const link = await screen.findByRole('link', { name: 'People › Research load' }, { timeout: 10_000 });
    expect(link.getAttribute('href')).toBe('#/people/load');
    expect(screen.queryByText(/not built yet|none of it works yet/i)).toBeNull();
  });

  it('sends unknown addresses to Discovery instead of a blank page', async () => {
    renderApp('#/no-such-section');
    expect(await screen.findByRole('heading', { level: 1, name: 'Discovery' })).toBeTruthy();
  });

  it('shows what this app is in Settings', { timeout: 30_000 }, async () => {
    renderApp('#/settings');
    expect(await screen.findByText('Browser mode', undefined, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('0.0.0-test')).toBeTruthy();
  });
});
