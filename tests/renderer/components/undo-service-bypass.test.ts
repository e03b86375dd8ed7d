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

const files = sourceFiles('renderer').map((path) => ({ path, lines: readFileSync(join(ROOT, path), 'utf8').split('\n') }));

/** Toast actions are made by the undo service only: a hand-made Undo button could drop the promise again. */
const MAY_MAKE_TOAST_ACTIONS = new Set(['renderer/components/toast.tsx', 'renderer/components/undo-service.tsx']);

/** Calls that undo or restore something outside an `undo:` of an action handed to the undo service, each with why it may. */
const UNDO_CALLS_ALLOWED = new Map<string, string>([
  // The repositories implement the undo; the service calls them through an action.
  ['renderer/db/', 'the repositories that do the writing'],
  // TipTap's own text undo inside the editor, not an undo of a stored change.
  ['renderer/editor/editor-toolbar.tsx', 'TipTap text undo'],
  // The service itself awaits the action.
  ['renderer/components/undo-service.tsx', 'the service'],
  // The board's Undo button calls useBoardUndo().undo(), which runs the top action through the service.
  ['renderer/features/board/round-view.tsx', 'the board hook, itself on the service'],
  // Restoring a backup file is not an undo.
  ['renderer/features/settings/', 'backup restore'],
]);

const UNDO_CALL = /\.(undo|restore[A-Za-z]*)\(/;

describe('every undo goes through the undo service', () => {
  it('lets no code but the undo service put an action on a toast', () => {
    const offenders = files.filter(({ path, lines }) => !MAY_MAKE_TOAST_ACTIONS.has(path) && lines.some((line) => /\b(actionLabel|onAction)\b/.test(line))).map(({ path }) => path);
    expect(offenders).toEqual([]);
  });

  it('calls an undo or restore only inside the `undo` of an action given to the service', () => {
    const offenders: string[] = [];
    for (const { path, lines } of files) {
      if ([...UNDO_CALLS_ALLOWED.keys()].some((allowed) => path.startsWith(allowed))) continue;
      lines.forEach((line, index) => {
        if (!UNDO_CALL.test(line)) return;
        const context = lines.slice(Math.max(0, index - 4), index + 1).join('\n');
        if (!/\bundo: /.test(context)) offenders.push(`${path}:${index + 1}`);
      });
    }
    expect(offenders).toEqual([]);
  });

  it('would catch a toast with a hand-made Undo button or an undo called from a click', () => {
    const handMade = `showToast({ message: 'Deleted', actionLabel: 'Undo', onAction: () => void notes.restore(deleted) });`;
    expect(/\b(actionLabel|onAction)\b/.test(handMade)).toBe(true);
    expect(UNDO_CALL.test(`<button onClick={() => void people.undo(change)}>Undo</button>`)).toBe(true);
  });
});
