import type { JsonValue, RichTextMark, RichTextNode } from '../domain/rich-text';
import type { CitationResolver, CitedSource, ExportBlock, ExportDocument, ExportOptions, ExportSection, NameReplacement, PainListEntry } from './artifact-export-document';
import { replacePersonNames } from './replace-person-names';

/** What a rendered export is built from once names are hidden. */
export interface RedactedExport {
  readonly document: ExportDocument;
  readonly options: ExportOptions;
}

// Attributes that say what a node is or which record it points at, never words a person wrote.
const STRUCTURAL_ATTRS = new Set(['kind', 'noteId', 'highlightId']);
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;

/**
 * Hides people in everything an export prints: the names given (full names and unique first
 * names, see nameReplacementsFor) and every e-mail address, in titles, headings, statements,
 * lists, rich text, citation labels, pain-list quotes, attributions, SLA wording and every source
 * a footnote names (title, channel and quote). This is the one place names are taken out: the
 * renderers print what they are given.
 */
export function redactExport(document: ExportDocument, options: ExportOptions, replacements: readonly NameReplacement[]): RedactedExport {
  const hide = (text: string) => replacePersonNames(text.replace(EMAIL, '[email]'), replacements);
  const resolveCitation: CitationResolver = (citation) => {
    const source = options.resolveCitation(citation);
    return source === null ? null : redactSource(source, hide);
  };
  return {
    document: {
      title: hide(document.title),
      ...(document.subtitle === undefined ? {} : { subtitle: hide(document.subtitle) }),
      sections: document.sections.map((section) => redactSection(section, hide)),
    },
    options: { ...options, resolveCitation },
  };
}

type Hide = (text: string) => string;

function redactSource(source: CitedSource, hide: Hide): CitedSource {
  return {
    title: hide(source.title),
    channelLabel: hide(source.channelLabel),
    occurredAt: source.occurredAt,
    ...(source.quote === undefined ? {} : { quote: hide(source.quote) }),
  };
}

function redactSection(section: ExportSection, hide: Hide): ExportSection {
  return { heading: hide(section.heading), level: section.level, blocks: section.blocks.map((block) => redactBlock(block, hide)) };
}

function redactBlock(block: ExportBlock, hide: Hide): ExportBlock {
  switch (block.kind) {
    case 'rich-text':
      return { kind: 'rich-text', doc: { type: 'doc', ...(block.doc.content === undefined ? {} : { content: block.doc.content.map((node) => redactNode(node, hide)) }) } };
    case 'list':
      return { kind: 'list', items: block.items.map(hide) };
    case 'note':
      return { kind: 'note', text: hide(block.text) };
    case 'pain-list':
      return { kind: 'pain-list', entries: block.entries.map((entry) => redactPainEntry(entry, hide)) };
    case 'table':
      return { kind: 'table', columns: block.columns.map(hide), rows: block.rows.map((row) => row.map(hide)) };
  }
}

function redactPainEntry(entry: PainListEntry, hide: Hide): PainListEntry {
  return {
    ...entry,
    title: hide(entry.title),
    statement: hide(entry.statement),
    evidence: entry.evidence.map(hide),
    ...(entry.strength === undefined ? {} : { strength: hide(entry.strength) }),
    slaGaps: entry.slaGaps.map(hide),
    quotes: entry.quotes.map((quote) => ({ text: hide(quote.text), attribution: hide(quote.attribution) })),
    marketQuotes: entry.marketQuotes.map((quote) => ({ text: hide(quote.text), attribution: hide(quote.attribution) })),
  };
}

function redactNode(node: RichTextNode, hide: Hide): RichTextNode {
  return {
    ...node,
    ...(node.text === undefined ? {} : { text: hide(node.text) }),
    ...(node.attrs === undefined ? {} : { attrs: redactAttrs(node.attrs, hide) }),
    ...(node.marks === undefined ? {} : { marks: node.marks.map((mark): RichTextMark => (mark.attrs === undefined ? mark : { ...mark, attrs: redactAttrs(mark.attrs, hide) })) }),
    ...(node.content === undefined ? {} : { content: node.content.map((child) => redactNode(child, hide)) }),
  };
}

function redactAttrs(attrs: Readonly<Record<string, JsonValue>>, hide: Hide): Readonly<Record<string, JsonValue>> {
  return Object.fromEntries(Object.entries(attrs).map(([key, value]) => [key, STRUCTURAL_ATTRS.has(key) ? value : redactJson(value, hide)]));
}

function redactJson(value: JsonValue, hide: Hide): JsonValue {
  if (typeof value === 'string') return hide(value);
  if (isJsonArray(value)) return value.map((item) => redactJson(item, hide));
  if (value !== null && typeof value === 'object') return redactAttrs(value, hide);
  return value;
}

function isJsonArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}
