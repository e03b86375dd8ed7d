import type { RichTextDoc, RichTextNode } from '../domain/rich-text';

/** The document without the evidence-highlight marks of one highlight; everything else is kept as is. */
export function removeEvidenceHighlight(doc: RichTextDoc, highlightId: string): RichTextDoc {
  const strip = (node: RichTextNode): RichTextNode => {
    const marks = node.marks?.filter((mark) => !(mark.type === 'evidenceHighlight' && mark.attrs?.['highlightId'] === highlightId));
    const { marks: _marks, content, ...rest } = node;
    return {
      ...rest,
      ...(marks && marks.length > 0 ? { marks } : {}),
      ...(content ? { content: content.map(strip) } : {}),
    };
  };
  return { type: 'doc', ...(doc.content ? { content: doc.content.map(strip) } : {}) };
}
