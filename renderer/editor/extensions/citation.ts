import { mergeAttributes, Node, type Editor } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { CITATION_NODE_TYPE, citationDisplayLabel, citationKey, citationOfAttrs, readCitationAttrs, type CitationAttrs } from '../../../shared/rich-text/citation-node';

export interface CitationStorage {
  /** Keys (see citationKey) of cited notes and highlights that no longer exist. */
  missingKeys: ReadonlySet<string>;
  /** Opens a citation's source; absent where citations cannot be followed. */
  onOpen: ((attrs: CitationAttrs) => void) | null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Inserts a citation of a note or highlight at the cursor, followed by a space. */
      insertCitation: (attrs: CitationAttrs) => ReturnType;
      /** Marks the citations of these sources as deleted sources (the decorations update). */
      setMissingCitations: (missingKeys: ReadonlySet<string>) => ReturnType;
    };
  }
  interface Storage {
    citation: CitationStorage;
  }
}

const citationPluginKey = new PluginKey<DecorationSet>('citationState');

/** The key of the source a citation node points at, or null for a malformed node. */
function keyOfNode(node: ProseMirrorNode): string | null {
  const attrs = readCitationAttrs(node.attrs);
  return attrs === null ? null : citationKey(citationOfAttrs(attrs));
}

function decorate(doc: ProseMirrorNode, missingKeys: ReadonlySet<string>): DecorationSet {
  if (missingKeys.size === 0) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== CITATION_NODE_TYPE) return true;
    const key = keyOfNode(node);
    if (key !== null && missingKeys.has(key)) {
      const label = String(node.attrs['label'] ?? '');
      decorations.push(
        Decoration.node(pos, pos + node.nodeSize, {
          class: 'citation citation--deleted',
          title: `Deleted source${label === '' ? '' : `: ${label}`}`,
          'aria-label': `Deleted source${label === '' ? '' : `: ${label}`}`,
          'data-deleted': 'true',
        }),
      );
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/**
 * An inline citation of a discovery note or one highlight in it: an atom shown as a chip with the
 * source's title (as it was when cited). A click opens the source; a source that was deleted is
 * shown struck through as a "deleted source" instead of breaking.
 */
export const Citation = Node.create<Record<string, never>, CitationStorage>({
  name: CITATION_NODE_TYPE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addStorage() {
    return { missingKeys: new Set<string>(), onOpen: null };
  },

  addAttributes() {
    return {
      kind: { default: 'note', rendered: false },
      noteId: { default: null, rendered: false },
      highlightId: { default: null, rendered: false },
      label: { default: '', rendered: false },
    };
  },

  parseHTML() {
    return [
      {
        tag: 'a[data-citation-kind]',
        getAttrs: (element) => {
          const attrs = readCitationAttrs({
            kind: element.getAttribute('data-citation-kind'),
            noteId: element.getAttribute('data-note-id'),
            highlightId: element.getAttribute('data-highlight-id'),
            label: element.textContent ?? '',
          });
          return attrs === null ? false : { ...attrs };
        },
      },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const attrs = readCitationAttrs(node.attrs);
    if (attrs === null) return ['span', { class: 'citation citation--deleted' }, 'invalid citation'];
    const label = attrs.label === '' ? (attrs.kind === 'highlight' ? 'Highlight' : 'Note') : attrs.label;
    return [
      'a',
      mergeAttributes(HTMLAttributes, {
        class: 'citation',
        href: `#/discovery/notes/${encodeURIComponent(attrs.noteId)}`,
        'data-citation-kind': attrs.kind,
        'data-note-id': attrs.noteId,
        ...(attrs.highlightId === null ? {} : { 'data-highlight-id': attrs.highlightId }),
        title: `${attrs.kind === 'highlight' ? 'Highlight' : 'Note'}: ${label} (click to open)`,
        'aria-label': label,
        contenteditable: 'false',
      }),
      citationDisplayLabel(label),
    ];
  },

  renderText({ node }) {
    return `[${String(node.attrs['label'] ?? 'source')}]`;
  },

  addCommands() {
    return {
      insertCitation:
        (attrs) =>
        ({ chain }) => {
          const checked = readCitationAttrs(attrs);
          if (checked === null) return false;
          return chain()
            .insertContent([
              { type: this.name, attrs: { ...checked } },
              { type: 'text', text: ' ' },
            ])
            .run();
        },
      setMissingCitations:
        (missingKeys) =>
        ({ tr, dispatch }) => {
          this.storage.missingKeys = missingKeys;
          if (dispatch) tr.setMeta(citationPluginKey, missingKeys).setMeta('addToHistory', false).setMeta('preventUpdate', true);
          return true;
        },
    };
  },

  addProseMirrorPlugins() {
    const storage = this.storage;
    return [
      new Plugin<DecorationSet>({
        key: citationPluginKey,
        state: {
          init: (_config, state) => decorate(state.doc, storage.missingKeys),
          apply: (tr, previous, _old, state) => {
            if (tr.getMeta(citationPluginKey) !== undefined) return decorate(state.doc, storage.missingKeys);
            return tr.docChanged ? previous.map(tr.mapping, tr.doc) : previous;
          },
        },
        props: {
          decorations: (state) => citationPluginKey.getState(state),
          handleClickOn: (_view, _pos, node, _nodePos, event) => {
            if (node.type.name !== CITATION_NODE_TYPE) return false;
            event.preventDefault();
            const attrs = readCitationAttrs(node.attrs);
            const key = keyOfNode(node);
            if (attrs === null || key === null || storage.missingKeys.has(key) || storage.onOpen === null) return true;
            storage.onOpen(attrs);
            return true;
          },
        },
      }),
    ];
  },
});

/** Sets what a click on a citation of `editor` does (open its source). */
export function setCitationOpener(editor: Editor, onOpen: CitationStorage['onOpen']): void {
  Object.assign(editor.storage.citation, { onOpen });
}
