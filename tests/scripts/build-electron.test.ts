import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { main } = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { main: string };

describe('the Electron build', () => {
  it('writes the main entry package.json names, and a preload that requires nothing but electron', () => {
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'pipe' });
    expect(main).toBe('dist/electron/main.cjs');
    expect(readFileSync(`${root}/${main}`, 'utf8')).toContain('registerSchemesAsPrivileged');
    // A sandboxed preload can only require('electron'): a chunk or a Node module would break it.
    const preload = readFileSync(`${root}/dist/electron/preload.cjs`, 'utf8');
    expect([...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1])).toEqual(['electron']);
  }, 60_000);
});
