import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * An exception's own text on its way to the screen: `e instanceof Error ? e.message : String(e)`,
 * `String(error)`, `error.stack`. Errors reach people through renderer/errors/user-message.ts.
 */
const RAW_ERROR_TEXT = [/instanceof Error \? \w+\.message/, /\bString\((e|err|error|caught|reason|classified)\)/, /\b(e|err|error|caught|reason)\.stack\b/];

/** Where raw text is allowed, each with why. */
const ALLOWED = new Map<string, string>([
  // The formatter and the log: they read the original to log it, never to show it.
  ['renderer/errors/', 'the one formatter and the local log'],
  // The workspace did not open, so the local log (in that database) cannot be written: the details on that screen are the only record to report.
  ['renderer/app/database-gate.tsx', 'no log without a database'],
  // Keeps the original as the cause; use-form-save shows it only when it is a UserError or FormSaveError.
  ['renderer/forms/autosave-queue.ts', 'kept, not shown'],
  // The search worker reports the original to its client, which logs it and shows a plain sentence (search-client.ts).
  ['renderer/search/search-service.ts', 'reported to the client, formatted there'],
  ['renderer/search/search-worker.ts', 'reported to the client, formatted there'],
  // The survey results worker rejects with the original; the results screen formats it with userMessage.
  ['renderer/surveys/survey-results-service.ts', 'rejected to the client, formatted by the screen'],
]);

const files = sourceFiles('renderer').map((path) => ({ path, lines: readFileSync(join(ROOT, path), 'utf8').split('\n') }));

describe('no raw exception text on screen', () => {
  it('routes every caught error through the one formatter, outside the justified allow-list', () => {
    const offenders: string[] = [];
    for (const { path, lines } of files) {
      if ([...ALLOWED.keys()].some((allowed) => path.startsWith(allowed))) continue;
      lines.forEach((line, index) => {
        if (RAW_ERROR_TEXT.some((pattern) => pattern.test(line))) offenders.push(`${path}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('catches the shapes it looks for', () => {
    expect(RAW_ERROR_TEXT.some((pattern) => pattern.test('setError(caught instanceof Error ? caught.message : String(caught));'))).toBe(true);
    expect(RAW_ERROR_TEXT.some((pattern) => pattern.test('<pre>{error.stack}</pre>'))).toBe(true);
    expect(RAW_ERROR_TEXT.some((pattern) => pattern.test('setProblem(String(caught))'))).toBe(true);
  });

  it('allows only files that exist', () => {
    for (const allowed of ALLOWED.keys()) expect(files.some(({ path }) => path.startsWith(allowed)), allowed).toBe(true);
  });
});
