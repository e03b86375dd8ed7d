import type { Extensions } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TaskItem } from '@tiptap/extension-task-item';
import { TaskList } from '@tiptap/extension-task-list';
import { Placeholder } from '@tiptap/extension-placeholder';
import { isSafeLinkHref } from '../../shared/rich-text/sanitize-rich-text';
import { Citation } from './extensions/citation';
import { EvidenceHighlight } from './extensions/evidence-highlight';
import { PasteGuard } from './extensions/paste-guard';
import { RequestShortcuts } from './extensions/request-shortcuts';
import { TextLock } from './extensions/text-lock';

export interface NoteEditorExtensionOptions {
  /** Shown in an empty paragraph where the cursor is. */
  readonly placeholder?: string;
}

const DEFAULT_PLACEHOLDER = 'Write what you heard…';

// The editor's isAllowedUri is also called with a missing href while rendering.
const isAllowedHref = (href: unknown): boolean => typeof href === 'string' && isSafeLinkHref(href);

/**
 * The note editor's schema and behaviour: headings 1-3, lists, nested task lists, quotes, code,
 * safe links only, evidence highlights, Markdown-style input rules (`# `, `- `, `1. `, `> `, `[ ] `).
 * citations of notes and highlights (artifacts). Mod-Shift-H, Mod-K and Mod-Shift-C call the handlers
 * registered with `setRequestHandlers`.
 */
export function noteEditorExtensions({ placeholder = DEFAULT_PLACEHOLDER }: NoteEditorExtensionOptions = {}): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [1, 2, 3] },
      link: {
        // http, https and mailto are built into linkify; registering them again redefines them.
        protocols: [],
        defaultProtocol: 'https',
        isAllowedUri: isAllowedHref,
        // Only explicit web and email addresses become links: `README.md` and `Node.js` stay text.
        shouldAutoLink: isAllowedHref,
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
      },
    }),
    TaskList,
    TaskItem.configure({
      nested: true,
      a11y: { checkboxLabel: (node) => `Task: ${node.textContent || 'empty task'}` },
    }),
    Placeholder.configure({
      placeholder: ({ node }) => (node.type.name === 'heading' ? 'Heading' : placeholder),
    }),
    EvidenceHighlight,
    Citation,
    PasteGuard,
    RequestShortcuts,
    TextLock,
  ];
}
