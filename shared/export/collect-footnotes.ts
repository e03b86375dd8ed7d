import type { Citation } from '../domain/artifact';
import type { RichTextNode } from '../domain/rich-text';
import { CITATION_NODE_TYPE, citationKey, citationOfAttrs, readCitationAttrs } from '../rich-text/citation-node';
import { formatExportDate, type ExportDocument, type ExportOptions } from './artifact-export-document';

/** One numbered footnote of an export; `text` is plain (renderers escape it). */
export interface Footnote {
  readonly number: number;
  readonly citation: Citation;
  readonly text: string;
  readonly isDeleted: boolean;
}

/** Footnotes numbered in reading order; citing the same source again reuses its number. */
export interface Footnotes {
  readonly list: readonly Footnote[];
  numberOf(node: RichTextNode): number | null;
}

/** Numbers every valid citation of the document and words its footnote: source title, channel, date (and quote). */
export function collectFootnotes(document: ExportDocument, { resolveCitation }: ExportOptions): Footnotes {
  const byKey = new Map<string, Footnote>();
  const visit = (nodes: readonly RichTextNode[]) => {
    for (const node of nodes) {
      if (node.type === CITATION_NODE_TYPE) {
        const attrs = readCitationAttrs(node.attrs);
        if (attrs === null) continue;
        const citation = citationOfAttrs(attrs);
        const key = citationKey(citation);
        if (byKey.has(key)) continue;
        const source = resolveCitation(citation);
        const text =
          source === null
            ? `Deleted source${attrs.label === '' ? '' : ` (cited as “${attrs.label}”)`}: the ${citation.kind} no longer exists.`
            : `${source.title.trim() || 'Untitled note'}, ${source.channelLabel}, ${formatExportDate(source.occurredAt)}${
                source.quote === undefined || source.quote.trim() === '' ? '' : `: “${source.quote.trim()}”`
              }`;
        byKey.set(key, { number: byKey.size + 1, citation, text, isDeleted: source === null });
      }
      if (node.content !== undefined) visit(node.content);
    }
  };
  for (const section of document.sections) {
    for (const block of section.blocks) if (block.kind === 'rich-text') visit(block.doc.content ?? []);
  }
  return {
    list: [...byKey.values()],
    numberOf(node) {
      const attrs = readCitationAttrs(node.attrs);
      return attrs === null ? null : (byKey.get(citationKey(citationOfAttrs(attrs)))?.number ?? null);
    },
  };
}
