import type { Citation } from '../domain/artifact';
import type { SolutionKind } from '../domain/board';
import type { RichTextDoc } from '../domain/rich-text';

/** What a footnote says about a cited note or highlight that still exists. */
export interface CitedSource {
  readonly title: string;
  readonly channelLabel: string;
  /** When the note's conversation (or reading) happened, epoch milliseconds. */
  readonly occurredAt: number;
  /** For a highlight: the highlighted words. */
  readonly quote?: string;
}

/** The source of a citation, or null when it was deleted. */
export type CitationResolver = (citation: Citation) => CitedSource | null;

/** A representative quote on the user-pain list. */
export interface PainQuote {
  readonly text: string;
  /** Who said it and where, e.g. "Dana Lee, coffee chat, 2026-03-02". */
  readonly attribution: string;
}

/** One ranked bucket of the user-pain list. */
export interface PainListEntry {
  readonly rank: number | null;
  readonly title: string;
  readonly statement: string;
  /** Absent while the group has not chosen one. */
  readonly solutionKind?: SolutionKind;
  /** Evidence counts, already worded, e.g. ["5 people", "3 teams", "2 channels", "6 notes"]. */
  readonly evidence: readonly string[];
  /** "Strong", "Moderate", ... when known. */
  readonly strength?: string;
  /** SLA gaps behind the bucket, already worded, e.g. "Build cache availability: users expect 99.95%, offered best effort". */
  readonly slaGaps: readonly string[];
  /** What users said: quotes from user channels only (see evidenceOrigin). */
  readonly quotes: readonly PainQuote[];
  /** What the market and research say (vendors, open source, papers, peer companies), never presented as users. */
  readonly marketQuotes: readonly PainQuote[];
}

export type ExportBlock =
  | { readonly kind: 'rich-text'; readonly doc: RichTextDoc }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'note'; readonly text: string }
  | { readonly kind: 'pain-list'; readonly entries: readonly PainListEntry[] }
  | { readonly kind: 'table'; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface ExportSection {
  readonly heading: string;
  /** 2 for an artifact, 3 for a part of one. */
  readonly level: 2 | 3;
  readonly blocks: readonly ExportBlock[];
}

/** A renderer-neutral document: one artifact or several, before it becomes Markdown or HTML. */
export interface ExportDocument {
  readonly title: string;
  readonly subtitle?: string;
  readonly sections: readonly ExportSection[];
}

/** A person's name and what replaces it when names are hidden (their role or team). */
export interface NameReplacement {
  readonly name: string;
  readonly replacement: string;
}

export interface ExportOptions {
  readonly resolveCitation: CitationResolver;
}

/** A day as YYYY-MM-DD (UTC), the same on every machine. */
export function formatExportDate(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString().slice(0, 10) : 'date unknown';
}

/** The wording of a solution kind in exports and lists. */
export function solutionKindLabel(kind: SolutionKind | undefined): string {
  if (kind === undefined) return 'Not chosen yet';
  return kind === 'address' ? 'Address' : kind === 'eliminate' ? 'Eliminate' : 'Empower';
}
