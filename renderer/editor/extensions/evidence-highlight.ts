import { Mark, mergeAttributes } from '@tiptap/core';
import type { Mark as ProseMirrorMark } from '@tiptap/pm/model';
import { isSafeHighlightId } from '../../../shared/rich-text/sanitize-rich-text';

export interface EvidenceHighlightRange {
  readonly from: number;
  readonly to: number;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    evidenceHighlight: {
      /** Marks the selection (or `range`) as the evidence highlight `highlightId`. */
      setEvidenceHighlight: (attributes: { highlightId: string; range?: EvidenceHighlightRange }) => ReturnType;
      /** Removes every span of the evidence highlight `highlightId`, keeping the text. */
      unsetEvidenceHighlight: (highlightId: string) => ReturnType;
    };
  }
}

/**
 * A span of a note marked as evidence: `<mark data-highlight-id>`. Highlights may overlap (one
 * sentence can support two findings), and typing at a highlight's edge does not extend it.
 */
export const EvidenceHighlight = Mark.create({
  name: 'evidenceHighlight',
  inclusive: false,
  excludes: '',

  addAttributes() {
    return {
      highlightId: {
        default: null,
        parseHTML: (element) => {
          const id = element.getAttribute('data-highlight-id');
          return isSafeHighlightId(id) ? id : null;
        },
        renderHTML: (attributes) => ({ 'data-highlight-id': attributes['highlightId'] }),
      },
    };
  },

  parseHTML() {
    return [{ tag: 'mark[data-highlight-id]', getAttrs: (element) => (isSafeHighlightId(element.getAttribute('data-highlight-id')) ? null : false) }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['mark', mergeAttributes({ class: 'evidence-highlight' }, HTMLAttributes), 0];
  },

  addCommands() {
    return {
      setEvidenceHighlight:
        ({ highlightId, range }) =>
        ({ state, tr, dispatch }) => {
          if (!isSafeHighlightId(highlightId)) return false;
          const from = range?.from ?? state.selection.from;
          const to = range?.to ?? state.selection.to;
          if (from < 0 || to > state.doc.content.size || from >= to) return false;
          if (dispatch) tr.addMark(from, to, this.type.create({ highlightId }));
          return true;
        },
      unsetEvidenceHighlight:
        (highlightId) =>
        ({ state, tr, dispatch }) => {
          const spans: { from: number; to: number; mark: ProseMirrorMark }[] = [];
          state.doc.descendants((node, pos) => {
            const mark = node.marks.find((candidate) => candidate.type === this.type && candidate.attrs['highlightId'] === highlightId);
            if (mark !== undefined) spans.push({ from: pos, to: pos + node.nodeSize, mark });
          });
          if (spans.length === 0) return false;
          if (dispatch) for (const span of spans) tr.removeMark(span.from, span.to, span.mark);
          return true;
        },
    };
  },
});
