import { Extension, type Editor } from '@tiptap/core';

/** Handles a shortcut whose work happens outside the editor; returns whether it handled the key. */
export type RequestHandler = (editor: Editor) => boolean;

export interface RequestShortcutsStorage {
  /** Mod-Shift-H: mark the selection as evidence. */
  onHighlight: RequestHandler | null;
  /** Mod-K: open the link form. */
  onLink: RequestHandler | null;
  /** Mod-Shift-C: cite a note or highlight (artifact editors). */
  onCitation?: RequestHandler | null;
}

declare module '@tiptap/core' {
  interface Storage {
    requestShortcuts: RequestShortcutsStorage;
  }
}

/** Keyboard shortcuts answered by the UI around the editor, which registers its handlers in storage. */
export const RequestShortcuts = Extension.create<Record<string, never>, RequestShortcutsStorage>({
  name: 'requestShortcuts',

  addStorage() {
    return { onHighlight: null, onLink: null, onCitation: null };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Shift-h': () => this.storage.onHighlight?.(this.editor) ?? false,
      'Mod-k': () => this.storage.onLink?.(this.editor) ?? false,
      'Mod-Shift-c': () => this.storage.onCitation?.(this.editor) ?? false,
    };
  },
});

/** Registers the UI's handlers for the request shortcuts of `editor`. */
export function setRequestHandlers(editor: Editor, handlers: RequestShortcutsStorage): void {
  Object.assign(editor.storage.requestShortcuts, handlers);
}
