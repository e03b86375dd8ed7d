import { Extension } from '@tiptap/core';
import { Fragment, Slice, type Mark, type Node } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { isSafeLinkHref } from '../../../shared/rich-text/sanitize-rich-text';

/**
 * Cleans pasted and dropped content after the schema has parsed it (the schema already drops
 * scripts, images, frames and every attribute it does not know): links with an unsafe target lose
 * their link, and evidence highlights are removed, because a highlight is one span and a copy must
 * not become a second one. Moving text by dragging keeps its highlights.
 */
export const PasteGuard = Extension.create({
  name: 'pasteGuard',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('pasteGuard'),
        props: {
          transformPasted: (slice, view) => {
            const isMove = view.dragging?.move === true;
            return new Slice(cleanFragment(slice.content, isMove), slice.openStart, slice.openEnd);
          },
        },
      }),
    ];
  },
});

function cleanFragment(fragment: Fragment, keepHighlights: boolean): Fragment {
  const nodes: Node[] = [];
  fragment.forEach((child) => {
    const marks = child.marks.filter((mark) => isKept(mark, keepHighlights));
    nodes.push(child.isText ? child.mark(marks) : child.copy(cleanFragment(child.content, keepHighlights)).mark(marks));
  });
  return Fragment.fromArray(nodes);
}

function isKept(mark: Mark, keepHighlights: boolean): boolean {
  if (mark.type.name === 'link') {
    const href: unknown = mark.attrs['href'];
    return typeof href === 'string' && isSafeLinkHref(href);
  }
  return mark.type.name !== 'evidenceHighlight' || keepHighlights;
}
