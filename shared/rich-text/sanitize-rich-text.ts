import type { RichTextDoc, RichTextMark, RichTextNode } from '../domain/rich-text';
import { CITATION_NODE_TYPE, readCitationAttrs } from './citation-node';

/** Deeper structures are flattened to their text: no real note nests this far. */
export const MAX_RICH_TEXT_DEPTH = 64;
const MAX_NODES = 200_000;
const MAX_VISITS = 1_000_000;
const MAX_TEXT_CHARS = 5_000_000;
const MAX_MARKS_PER_TEXT = 32;
const MAX_HREF_LENGTH = 4096;
const MAX_HEADING_LEVEL = 3;
const MAX_LIST_START = 1_000_000;

const SIMPLE_MARKS = new Set(['bold', 'italic', 'strike', 'code', 'underline']);
const HIGHLIGHT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
// Whitespace, C0/C1 controls, soft hyphen, zero-width and bidi controls: none belongs in a link.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_HREF_CHARS = /[\s\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TEXT_CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Whether a link target is safe to store and render: only `http://host`, `https://host` and
 * `mailto:` are accepted, spelled literally at the start. Anything else is refused, including
 * `javascript:`/`vbscript:`/`data:`/`file:`/`smb:` in any case, entity- or percent-encoded schemes,
 * schemes with whitespace or control characters inside, and protocol-relative `//host`.
 */
export function isSafeLinkHref(href: string): boolean {
  if (typeof href !== 'string') return false;
  const trimmed = href.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_HREF_LENGTH) return false;
  if (UNSAFE_HREF_CHARS.test(trimmed)) return false;
  return /^https?:\/\/[^/\\]/i.test(trimmed) || /^mailto:./i.test(trimmed);
}

/** Whether a string can be used as an evidence highlight id inside a document (e.g. a UUID). */
export function isSafeHighlightId(id: unknown): id is string {
  return typeof id === 'string' && HIGHLIGHT_ID_PATTERN.test(id);
}

/**
 * Cleans a TipTap JSON document from any source (editor, import, restore, sync) into one the
 * editor schema accepts: only known nodes, marks and attributes; only safe links; text without
 * control characters. Unknown nodes are unwrapped to their text rather than dropped, so the
 * user's words survive. Never throws; anything unreadable becomes an empty document.
 * An empty document is `{ type: 'doc', content: [] }`.
 */
export function sanitizeRichText(input: unknown): RichTextDoc {
  return sanitizeWithinBudget(input, { nodes: 0, visits: 0, chars: 0, isCut: false });
}

/**
 * Why a document is too large to store whole, or null when it fits. The cleaning above cuts what
 * exceeds its limits (so hostile input cannot hang the app); a save must refuse such a document
 * instead, before anything is shown as saved.
 */
export function richTextSizeProblem(input: unknown): string | null {
  const budget: Budget = { nodes: 0, visits: 0, chars: 0, isCut: false };
  sanitizeWithinBudget(input, budget);
  if (!budget.isCut && hasRoom(budget)) return null;
  if (budget.chars >= MAX_TEXT_CHARS) {
    return `This text is too long to save: the most one document can hold is ${MAX_TEXT_CHARS.toLocaleString('en')} characters. Split it into several notes.`;
  }
  return `This text has too many parts to save (paragraphs, list items, links): the most one document can hold is ${MAX_NODES.toLocaleString('en')}. Split it into several notes.`;
}

function sanitizeWithinBudget(input: unknown, budget: Budget): RichTextDoc {
  try {
    if (typeof input === 'string') return { type: 'doc', content: paragraphsFromText(input, budget) };
    if (!isRecord(input)) return { type: 'doc', content: [] };
    const roots = own(input, 'type') === 'doc' ? ownArray(input, 'content') : [input];
    return { type: 'doc', content: sanitizeBlocks(roots, 1, budget) };
  } catch {
    budget.isCut = true;
    return { type: 'doc', content: [] };
  }
}

interface Budget {
  nodes: number;
  visits: number;
  chars: number;
  /** Set when text was cut to stay within the limits. */
  isCut: boolean;
}

type RawRecord = Readonly<Record<string, unknown>>;
type ListItemType = 'listItem' | 'taskItem';

function isRecord(value: unknown): value is RawRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Own properties only: an inherited `type` or `content` (via __proto__) is never read.
function own(record: RawRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function ownArray(record: RawRecord, key: string): readonly unknown[] {
  const value = own(record, key);
  return Array.isArray(value) ? value : [];
}

function ownRecord(record: RawRecord, key: string): RawRecord {
  const value = own(record, key);
  return isRecord(value) ? value : {};
}

function hasRoom(budget: Budget): boolean {
  return budget.nodes < MAX_NODES && budget.visits < MAX_VISITS && budget.chars < MAX_TEXT_CHARS;
}

function cleanText(raw: unknown, budget: Budget): string {
  if (typeof raw !== 'string') return '';
  const text = raw.replace(/\r\n?/g, '\n').replace(TEXT_CONTROL_CHARS, '');
  const room = MAX_TEXT_CHARS - budget.chars;
  if (text.length > room) budget.isCut = true;
  const kept = text.length > room ? text.slice(0, Math.max(room, 0)) : text;
  budget.chars += kept.length;
  return kept;
}

// Not push(...items): spreading a long array overflows the call stack.
function append(target: RichTextNode[], items: readonly RichTextNode[]): void {
  for (const item of items) target.push(item);
}

function node(budget: Budget, built: RichTextNode): RichTextNode {
  budget.nodes += 1;
  return built;
}

function paragraph(budget: Budget, content: readonly RichTextNode[]): RichTextNode {
  return node(budget, content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' });
}

function paragraphsFromText(text: string, budget: Budget): RichTextNode[] {
  return cleanText(text, budget)
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => paragraph(budget, [node(budget, { type: 'text', text: line })]));
}

/** Block context: doc, blockquote and list items. Stray inline content is gathered into paragraphs. */
function sanitizeBlocks(raw: readonly unknown[], depth: number, budget: Budget): RichTextNode[] {
  const blocks: RichTextNode[] = [];
  let inlineRun: RichTextNode[] = [];
  const flushInline = () => {
    if (inlineRun.length > 0) blocks.push(paragraph(budget, inlineRun));
    inlineRun = [];
  };
  // A stray list item joins the list just before it, or starts one of its own.
  const pushStrayItems = (listType: string, items: readonly RichTextNode[]) => {
    const previous = blocks.at(-1);
    if (previous !== undefined && previous.type === listType) {
      blocks[blocks.length - 1] = { ...previous, content: [...(previous.content ?? []), ...items] };
    } else {
      blocks.push(node(budget, { type: listType, content: items }));
    }
  };

  for (let index = 0; index < raw.length && hasRoom(budget); index += 1) {
    budget.visits += 1;
    const item: unknown = raw[index];
    if (typeof item === 'string') {
      const text = cleanText(item, budget);
      if (text.length > 0) inlineRun.push(node(budget, { type: 'text', text }));
      continue;
    }
    if (!isRecord(item)) continue;
    if (depth >= MAX_RICH_TEXT_DEPTH) {
      flushInline();
      append(blocks, paragraphsFromText(flattenText(item, budget), budget));
      continue;
    }
    const type = own(item, 'type');
    switch (type) {
      case 'paragraph':
        flushInline();
        blocks.push(paragraph(budget, sanitizeInline(ownArray(item, 'content'), depth + 1, budget)));
        break;
      case 'heading': {
        flushInline();
        const content = sanitizeInline(ownArray(item, 'content'), depth + 1, budget);
        const level = headingLevel(own(ownRecord(item, 'attrs'), 'level'));
        blocks.push(node(budget, content.length > 0 ? { type: 'heading', attrs: { level }, content } : { type: 'heading', attrs: { level } }));
        break;
      }
      case 'codeBlock':
        flushInline();
        blocks.push(codeBlock(budget, codeText(ownArray(item, 'content'), depth + 1, budget)));
        break;
      case 'blockquote': {
        flushInline();
        const content = sanitizeBlocks(ownArray(item, 'content'), depth + 1, budget);
        blocks.push(node(budget, { type: 'blockquote', content: content.length > 0 ? content : [paragraph(budget, [])] }));
        break;
      }
      case 'bulletList':
      case 'orderedList':
      case 'taskList': {
        flushInline();
        const itemType: ListItemType = type === 'taskList' ? 'taskItem' : 'listItem';
        const items = sanitizeListItems(ownArray(item, 'content'), itemType, depth + 1, budget);
        if (items.length === 0) break;
        if (type === 'orderedList') {
          const start = listStart(own(ownRecord(item, 'attrs'), 'start'));
          blocks.push(node(budget, { type, attrs: { start }, content: items }));
        } else {
          blocks.push(node(budget, { type, content: items }));
        }
        break;
      }
      case 'listItem':
      case 'taskItem': {
        flushInline();
        const items = sanitizeListItems([item], type, depth + 1, budget);
        if (items.length > 0) pushStrayItems(type === 'taskItem' ? 'taskList' : 'bulletList', items);
        break;
      }
      case 'horizontalRule':
        flushInline();
        blocks.push(node(budget, { type: 'horizontalRule' }));
        break;
      case 'text':
      case 'hardBreak':
      case CITATION_NODE_TYPE:
        append(inlineRun, sanitizeInline([item], depth, budget));
        break;
      default: {
        const children = own(item, 'content');
        if (Array.isArray(children)) {
          flushInline();
          append(blocks, sanitizeBlocks(children, depth + 1, budget));
        } else if (typeof own(item, 'text') === 'string') {
          append(inlineRun, sanitizeInline([{ type: 'text', text: own(item, 'text') }], depth, budget));
        }
      }
    }
  }
  flushInline();
  return blocks;
}

/** Inline context: paragraphs and headings. Blocks found here are flattened into their text. */
function sanitizeInline(raw: readonly unknown[], depth: number, budget: Budget): RichTextNode[] {
  const inline: RichTextNode[] = [];
  for (let index = 0; index < raw.length && hasRoom(budget); index += 1) {
    budget.visits += 1;
    const item: unknown = raw[index];
    if (typeof item === 'string') {
      const text = cleanText(item, budget);
      if (text.length > 0) inline.push(node(budget, { type: 'text', text }));
      continue;
    }
    if (!isRecord(item)) continue;
    const type = own(item, 'type');
    if (type === 'text') {
      const text = cleanText(own(item, 'text'), budget);
      if (text.length === 0) continue;
      const marks = sanitizeMarks(ownArray(item, 'marks'));
      inline.push(node(budget, marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }));
    } else if (type === 'hardBreak') {
      inline.push(node(budget, { type: 'hardBreak' }));
    } else if (type === CITATION_NODE_TYPE) {
      // A citation whose kind or ids are malformed is dropped: it could only point nowhere.
      const attrs = readCitationAttrs(own(item, 'attrs'));
      if (attrs !== null) inline.push(node(budget, { type: CITATION_NODE_TYPE, attrs: { ...attrs } }));
    } else if (depth >= MAX_RICH_TEXT_DEPTH) {
      const text = flattenText(item, budget).replace(/\n+/g, ' ').trim();
      if (text.length > 0) inline.push(node(budget, { type: 'text', text }));
    } else if (Array.isArray(own(item, 'content'))) {
      const children = sanitizeInline(ownArray(item, 'content'), depth + 1, budget);
      if (children.length > 0 && inline.length > 0 && isBlockType(type)) {
        inline.push(node(budget, { type: 'hardBreak' }));
      }
      append(inline, children);
    } else if (typeof own(item, 'text') === 'string') {
      const text = cleanText(own(item, 'text'), budget);
      if (text.length > 0) inline.push(node(budget, { type: 'text', text }));
    }
  }
  return inline;
}

function isBlockType(type: unknown): boolean {
  return typeof type === 'string' && ['paragraph', 'heading', 'codeBlock', 'blockquote', 'listItem', 'taskItem'].includes(type);
}

/** List items; anything else inside a list becomes an item of its own. */
function sanitizeListItems(raw: readonly unknown[], itemType: ListItemType, depth: number, budget: Budget): RichTextNode[] {
  const items: RichTextNode[] = [];
  for (let index = 0; index < raw.length && hasRoom(budget); index += 1) {
    budget.visits += 1;
    const item: unknown = raw[index];
    const isItem = isRecord(item) && (own(item, 'type') === 'listItem' || own(item, 'type') === 'taskItem');
    const blocks = isItem ? sanitizeBlocks(ownArray(item, 'content'), depth + 1, budget) : sanitizeBlocks([item], depth, budget);
    if (!isItem && blocks.length === 0) continue;
    const content = withLeadingParagraph(blocks, budget);
    if (itemType === 'taskItem') {
      const checked = isItem && own(ownRecord(item, 'attrs'), 'checked') === true;
      items.push(node(budget, { type: 'taskItem', attrs: { checked }, content }));
    } else {
      items.push(node(budget, { type: 'listItem', content }));
    }
  }
  return items;
}

function withLeadingParagraph(blocks: readonly RichTextNode[], budget: Budget): RichTextNode[] {
  const [first, ...rest] = blocks;
  if (first === undefined) return [paragraph(budget, [])];
  if (first.type === 'paragraph') return [first, ...rest];
  if (first.type === 'heading') return [paragraph(budget, first.content ?? []), ...rest];
  return [paragraph(budget, []), first, ...rest];
}

function codeText(raw: readonly unknown[], depth: number, budget: Budget): string {
  return sanitizeInline(raw, depth, budget)
    .map((child) => child.text ?? (child.type === 'hardBreak' ? '\n' : ''))
    .join('');
}

function codeBlock(budget: Budget, text: string): RichTextNode {
  return node(budget, text.length > 0 ? { type: 'codeBlock', content: [node(budget, { type: 'text', text })] } : { type: 'codeBlock' });
}

function headingLevel(raw: unknown): number {
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 1) return 1;
  return Math.min(raw, MAX_HEADING_LEVEL);
}

function listStart(raw: unknown): number {
  return typeof raw === 'number' && Number.isInteger(raw) && Math.abs(raw) <= MAX_LIST_START ? raw : 1;
}

/** Known marks only, each type once (highlights once per id); `code` stands alone, as in the editor. */
function sanitizeMarks(raw: readonly unknown[]): RichTextMark[] {
  const marks: RichTextMark[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < raw.length && index < MAX_MARKS_PER_TEXT; index += 1) {
    const item: unknown = raw[index];
    if (!isRecord(item)) continue;
    const mark = sanitizeMark(item);
    if (mark === null) continue;
    const identity = mark.type === 'evidenceHighlight' ? `${mark.type}:${String(mark.attrs?.['highlightId'])}` : mark.type;
    if (seen.has(identity)) continue;
    seen.add(identity);
    marks.push(mark);
  }
  const code = marks.find((mark) => mark.type === 'code');
  return code === undefined ? marks : [code];
}

function sanitizeMark(raw: RawRecord): RichTextMark | null {
  const type = own(raw, 'type');
  if (typeof type !== 'string') return null;
  if (SIMPLE_MARKS.has(type)) return { type };
  const attrs = ownRecord(raw, 'attrs');
  if (type === 'link') {
    const href = own(attrs, 'href');
    return typeof href === 'string' && isSafeLinkHref(href) ? { type, attrs: { href: href.trim() } } : null;
  }
  if (type === 'evidenceHighlight') {
    const highlightId = own(attrs, 'highlightId');
    return isSafeHighlightId(highlightId) ? { type, attrs: { highlightId } } : null;
  }
  return null;
}

/** The text of a subtree of any depth, walked without recursion; blocks end with a line break. */
function flattenText(root: RawRecord, budget: Budget): string {
  const parts: string[] = [];
  const stack: unknown[] = [root];
  while (stack.length > 0 && budget.visits < MAX_VISITS) {
    budget.visits += 1;
    const item = stack.pop();
    if (item === '\n') {
      parts.push('\n');
      continue;
    }
    if (!isRecord(item)) continue;
    const text = own(item, 'text');
    if (typeof text === 'string') parts.push(text);
    if (own(item, 'type') === 'hardBreak') parts.push('\n');
    const children = own(item, 'content');
    if (Array.isArray(children)) {
      stack.push('\n');
      for (let index = Math.min(children.length, MAX_VISITS) - 1; index >= 0; index -= 1) stack.push(children[index]);
    }
  }
  return parts.join('');
}

/** The size problem of the first rich-text document found anywhere in a value (a form's fields), or null. */
export function findRichTextSizeProblem(value: unknown, depth = 0): string | null {
  if (typeof value !== 'object' || value === null || depth > MAX_RICH_TEXT_DEPTH) return null;
  if (!Array.isArray(value) && Object.hasOwn(value, 'type') && (value as RawRecord).type === 'doc') return richTextSizeProblem(value);
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const problem = findRichTextSizeProblem(item, depth + 1);
    if (problem !== null) return problem;
  }
  return null;
}
