import type { Citation } from '../domain/artifact';
import type { RichTextDoc, RichTextNode } from '../domain/rich-text';

/** The node type of an inline citation in a rich-text document. */
export const CITATION_NODE_TYPE = 'citation';

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const MAX_LABEL_LENGTH = 300;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LABEL_CONTROL_CHARS = /[\u0000-\u001F\u007F]/g;

/** The attributes a stored citation node carries; `label` is the source's title when it was cited. */
export interface CitationAttrs {
  readonly kind: 'note' | 'highlight';
  readonly noteId: string;
  readonly highlightId: string | null;
  readonly label: string;
}

/** Whether a string can be a note or highlight id inside a document (e.g. a UUID). */
export function isSafeEntityId(id: unknown): id is string {
  return typeof id === 'string' && ID_PATTERN.test(id);
}

/** The cleaned label of a citation: one line, no control characters, at most 300 characters. */
export function cleanCitationLabel(label: unknown): string {
  if (typeof label !== 'string') return '';
  return label.replace(LABEL_CONTROL_CHARS, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL_LENGTH);
}

/**
 * Reads citation attributes from untrusted JSON: null when the kind is unknown or an id is missing
 * or malformed (a highlight citation needs both ids; a note citation carries no highlight id).
 */
export function readCitationAttrs(raw: unknown): CitationAttrs | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const get = (key: string): unknown => (Object.hasOwn(raw, key) ? Reflect.get(raw, key) : undefined);
  const kind = get('kind');
  const noteId = get('noteId');
  if (!isSafeEntityId(noteId)) return null;
  const label = cleanCitationLabel(get('label'));
  if (kind === 'note') return { kind, noteId, highlightId: null, label };
  const highlightId = get('highlightId');
  if (kind === 'highlight' && isSafeEntityId(highlightId)) return { kind, noteId, highlightId, label };
  return null;
}

/** The citation a node's attributes stand for. */
export function citationOfAttrs(attrs: CitationAttrs): Citation {
  return attrs.kind === 'highlight' && attrs.highlightId !== null
    ? { kind: 'highlight', noteId: attrs.noteId, highlightId: attrs.highlightId }
    : { kind: 'note', noteId: attrs.noteId };
}

/** A stable key for a citation: the same note or highlight cited twice has one key. */
export function citationKey(citation: Citation): string {
  return citation.kind === 'highlight' ? `highlight:${citation.highlightId}` : `note:${citation.noteId}`;
}

/** Every citation in the documents, in reading order, each once. Malformed citation nodes are skipped. */
export function collectCitations(docs: readonly RichTextDoc[]): Citation[] {
  const found = new Map<string, Citation>();
  const stack: RichTextNode[] = [];
  for (const doc of [...docs].reverse()) for (const child of [...(doc.content ?? [])].reverse()) stack.push(child);
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === undefined) break;
    if (current.type === CITATION_NODE_TYPE) {
      const attrs = readCitationAttrs(current.attrs);
      if (attrs !== null) {
        const citation = citationOfAttrs(attrs);
        if (!found.has(citationKey(citation))) found.set(citationKey(citation), citation);
      }
    }
    const children = current.content ?? [];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child !== undefined) stack.push(child);
    }
  }
  return [...found.values()];
}

/** Longest label a citation shows inline; the whole label stays its accessible name and tooltip. */
export const CITATION_LABEL_CHARS = 48;

/** The words a citation shows in running text: the label, cut at a word with "…" when it is long. */
export function citationDisplayLabel(label: string): string {
  const text = label.replace(/\s+/g, ' ').trim();
  if (text.length <= CITATION_LABEL_CHARS) return text;
  const cut = text.slice(0, CITATION_LABEL_CHARS - 1);
  const atWord = cut.lastIndexOf(' ');
  return `${(atWord > CITATION_LABEL_CHARS / 2 ? cut.slice(0, atWord) : cut).trimEnd()}…`;
}
