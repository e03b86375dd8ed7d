/** Any value JSON can hold; rich-text attributes are limited to these. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A TipTap (ProseMirror) mark as stored JSON, e.g. bold, link or a highlight. */
export interface RichTextMark {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, JsonValue>>;
}

/** A TipTap (ProseMirror) node as stored JSON. */
export interface RichTextNode {
  readonly type: string;
  readonly attrs?: Readonly<Record<string, JsonValue>>;
  readonly content?: readonly RichTextNode[];
  readonly marks?: readonly RichTextMark[];
  readonly text?: string;
}

/** A TipTap document as stored JSON: the root node is always `doc`. */
export interface RichTextDoc {
  readonly type: 'doc';
  readonly content?: readonly RichTextNode[];
}

/** A document with no content. */
export const EMPTY_RICH_TEXT_DOC: RichTextDoc = { type: 'doc', content: [] };

/**
 * Derives the plain text of a document for search, previews and export:
 * one line per text block, hard breaks kept as line breaks.
 */
export function richTextToPlainText(doc: RichTextDoc): string {
  const blocks: string[] = [];
  collectTextBlocks(doc.content ?? [], blocks);
  return blocks.join('\n');
}

function collectTextBlocks(nodes: readonly RichTextNode[], blocks: string[]): void {
  for (const node of nodes) {
    const children = node.content ?? [];
    const isTextBlock = children.some((child) => child.text !== undefined || child.type === 'hardBreak');
    if (isTextBlock) {
      blocks.push(children.map((child) => child.text ?? (child.type === 'hardBreak' ? '\n' : '')).join(''));
    } else {
      collectTextBlocks(children, blocks);
    }
  }
}
