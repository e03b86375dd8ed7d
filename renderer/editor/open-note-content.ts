import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import type { RichTextDoc, RichTextNode } from '../../shared/domain/rich-text';
import { sanitizeRichText } from '../../shared/rich-text/sanitize-rich-text';

export interface OpenedNoteContent {
  /** What the editor shows. */
  readonly json: JSONContent;
  /** False when the cleaned document still does not fit the schema; the editor must not save then. */
  readonly isValid: boolean;
}

/** Cleans stored content and checks it against the editor schema before the editor sees it. */
export function openNoteContent(content: unknown, schema: Schema): OpenedNoteContent {
  const json = toEditorJson(sanitizeRichText(content));
  try {
    schema.nodeFromJSON(json).check();
    return { json, isValid: true };
  } catch {
    return { json: toEditorJson({ type: 'doc', content: [] }), isValid: false };
  }
}

/** A mutable copy for TipTap; an empty document gets the one empty paragraph the schema requires. */
export function toEditorJson(doc: RichTextDoc): JSONContent {
  const content = (doc.content ?? []).map(toJsonNode);
  return { type: 'doc', content: content.length > 0 ? content : [{ type: 'paragraph' }] };
}

function toJsonNode(node: RichTextNode): JSONContent {
  const json: JSONContent = { type: node.type };
  if (node.attrs !== undefined) json.attrs = { ...node.attrs };
  if (node.text !== undefined) json.text = node.text;
  if (node.marks !== undefined) json.marks = node.marks.map((mark) => (mark.attrs === undefined ? { type: mark.type } : { type: mark.type, attrs: { ...mark.attrs } }));
  if (node.content !== undefined) json.content = node.content.map(toJsonNode);
  return json;
}
