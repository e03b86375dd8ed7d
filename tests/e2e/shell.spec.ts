import { expect, test, type Request } from '@playwright/test';

const SECTIONS = ['Discovery', 'People', 'Surveys', 'Board', 'Artifacts', 'Settings'];

test('a person visits every section, and the app never leaves its own origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const foreignRequests: string[] = [];
  const isOwn = (request: Request) => {
    const url = new URL(request.url());
    return url.origin === origin || url.protocol === 'data:' || url.protocol === 'blob:';
  };
  page.on('request', (request) => {
    if (!isOwn(request)) foreignRequests.push(request.url());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const section of SECTIONS) {
    await nav.getByRole('link', { name: section }).click();
    await expect(page.getByRole('heading', { level: 1, name: section })).toBeVisible();
    await expect(nav.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
    await page.screenshot({ path: `test-results/screenshots/shell-${section.toLowerCase()}.png` });
  }

  // Settings shows real details of the running app, not a placeholder.
  await expect(page.getByText('Browser mode')).toBeVisible();

  expect(foreignRequests).toEqual([]);
  expect(pageErrors).toEqual([]);
});

test('the built page carries a strict Content-Security-Policy', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  // Only connections may leave the page's own origin, to the team server whose address the person
  // types (Settings › Team workspace); scripts, styles, images, frames and forms stay 'self'.
  const directives = (csp ?? '').split(';').map((directive) => directive.trim());
  expect(directives).toContain("connect-src 'self' http: https: ws: wss:");
  for (const directive of directives.filter((candidate) => !candidate.startsWith('connect-src'))) expect(directive).not.toMatch(/https?:|wss?:|\*/);
});

test('the whole app works from the keyboard', async ({ page }) => {
  await page.goto('/#/discovery');
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();

  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();

  await page.keyboard.press('Alt+3');
  await expect(page.getByRole('heading', { level: 1, name: 'Surveys' })).toBeFocused();

  await page.keyboard.press('Alt+6');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();

  // Sections are reachable by Tab and Enter too, in navigation order (from a fresh load, so focus starts at the top).
  await page.goto('/#/discovery');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Discovery' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Discovery' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'People' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeFocused();

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
