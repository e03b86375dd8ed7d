import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { AddMarkStep, RemoveMarkStep, type Step } from '@tiptap/pm/transform';

interface TextLockStorage {
  isLocked: boolean;
}

declare module '@tiptap/core' {
  interface Storage {
    textLock: TextLockStorage;
  }
}

/** The only change a locked text takes: marking or unmarking evidence highlights. */
function isHighlightStep(step: Step): boolean {
  return (step instanceof AddMarkStep || step instanceof RemoveMarkStep) && step.mark.type.name === 'evidenceHighlight';
}

/**
 * While locked, every transaction that would change the document other than by an evidence
 * highlight is dropped (typing, pasting, deleting, formatting, drag and drop), so text stays
 * selectable and highlightable but cannot be edited.
 */
export const TextLock = Extension.create<Record<string, never>, TextLockStorage>({
  name: 'textLock',

  addStorage() {
    return { isLocked: false };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin({
        key: new PluginKey('textLock'),
        filterTransaction: (transaction) => !storage.isLocked || !transaction.docChanged || transaction.steps.every(isHighlightStep),
      }),
    ];
  },
});

/** Locks or unlocks the text of `editor` (see TextLock). */
export function setTextLocked(editor: Editor, isLocked: boolean): void {
  editor.storage.textLock.isLocked = isLocked;
}
