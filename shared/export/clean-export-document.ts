import type { SolutionKind } from '../domain/board';
import { sanitizeRichText } from '../rich-text/sanitize-rich-text';
import type { CitedSource, ExportBlock, ExportDocument, ExportOptions, ExportSection, NameReplacement, PainListEntry, PainQuote } from './artifact-export-document';

const SOLUTION_KINDS: readonly SolutionKind[] = ['address', 'eliminate', 'empower'];

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : fallback;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null;
}

// Own properties only: nothing inherited (a `__proto__` key in stored JSON) is read.
function field(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

function cleanQuote(value: unknown): PainQuote {
  return { text: text(field(value, 'text')), attribution: text(field(value, 'attribution')) };
}

function cleanPainEntry(value: unknown): PainListEntry {
  const rank = field(value, 'rank');
  const kind = SOLUTION_KINDS.find((candidate) => candidate === field(value, 'solutionKind'));
  const strength = field(value, 'strength');
  return {
    rank: typeof rank === 'number' && Number.isFinite(rank) ? rank : null,
    title: text(field(value, 'title')),
    statement: text(field(value, 'statement')),
    ...(kind === undefined ? {} : { solutionKind: kind }),
    evidence: list(field(value, 'evidence')).map((item) => text(item)),
    ...(typeof strength === 'string' ? { strength } : {}),
    slaGaps: list(field(value, 'slaGaps')).map((item) => text(item)),
    quotes: list(field(value, 'quotes')).map(cleanQuote),
    marketQuotes: list(field(value, 'marketQuotes')).map(cleanQuote),
  };
}

function cleanBlock(value: unknown): ExportBlock | null {
  switch (field(value, 'kind')) {
    case 'rich-text':
      return { kind: 'rich-text', doc: sanitizeRichText(field(value, 'doc')) };
    case 'list':
      return { kind: 'list', items: list(field(value, 'items')).map((item) => text(item)) };
    case 'note':
      return { kind: 'note', text: text(field(value, 'text')) };
    case 'pain-list':
      return { kind: 'pain-list', entries: list(field(value, 'entries')).map(cleanPainEntry) };
    case 'table':
      return {
        kind: 'table',
        columns: list(field(value, 'columns')).map((item) => text(item)),
        rows: list(field(value, 'rows')).map((row) => list(row).map((item) => text(item))),
      };
    default:
      return null;
  }
}

function cleanSection(value: unknown): ExportSection {
  return {
    heading: text(field(value, 'heading'), 'Untitled section'),
    level: field(value, 'level') === 2 ? 2 : 3,
    blocks: list(field(value, 'blocks'))
      .map(cleanBlock)
      .filter((block) => block !== null),
  };
}

/**
 * The document as the renderers may trust it, whatever was stored: every rich-text block cleaned
 * by sanitizeRichText (unknown nodes unwrapped to their text, heading levels and list starts in
 * range, text always text), every other field of the expected type (missing or malformed text
 * becomes empty), unknown blocks left out. Both renderers start here, so no stored document can
 * make an export throw.
 */
export function cleanExportDocument(document: ExportDocument): ExportDocument {
  const subtitle: unknown = field(document, 'subtitle');
  return {
    title: text(field(document, 'title'), 'Untitled export'),
    ...(typeof subtitle === 'string' ? { subtitle } : {}),
    sections: list(field(document, 'sections')).map(cleanSection),
  };
}

function cleanCitedSource(value: unknown): CitedSource | null {
  if (!isRecord(value)) return null;
  const occurredAt = field(value, 'occurredAt');
  const quote = field(value, 'quote');
  return {
    title: text(field(value, 'title')),
    channelLabel: text(field(value, 'channelLabel')),
    occurredAt: typeof occurredAt === 'number' ? occurredAt : Number.NaN,
    ...(typeof quote === 'string' ? { quote } : {}),
  };
}

/** The export options with what they return held to their types too (a resolved source read from storage may be malformed). */
export function cleanExportOptions(options: ExportOptions): ExportOptions {
  return { resolveCitation: (citation) => cleanCitedSource(options.resolveCitation(citation)) };
}

/** Name replacements held to their types: entries without a name are left out. */
export function cleanNameReplacements(replacements: readonly NameReplacement[]): NameReplacement[] {
  return list(replacements)
    .map((entry) => ({ name: text(field(entry, 'name')), replacement: text(field(entry, 'replacement')) }))
    .filter((entry) => entry.name.trim() !== '');
}

/** The level of a heading written inside an artifact: under the section's own (h4 to h6), whatever the stored level. */
export function nestedHeadingLevel(level: unknown): number {
  const stored = typeof level === 'number' && Number.isInteger(level) ? level : 1;
  return Math.min(Math.max(stored, 1) + 3, 6);
}

/** The number an ordered list starts at: an integer, 1 when the stored one is not. */
export function listStart(start: unknown): number {
  return typeof start === 'number' && Number.isSafeInteger(start) ? start : 1;
}
