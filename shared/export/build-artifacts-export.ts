import { CHARTER_SECTIONS, VISION_YEAR_NUMBERS, type Charter, type Vision } from '../domain/artifact';
import { SOLUTION_KINDS } from '../domain/board';
import { formatExportDate, solutionKindLabel, type ExportDocument, type ExportSection, type PainListEntry } from './artifact-export-document';
import { planSections, validationSections, workshopSections, type RoundRecord } from './build-round-record-export';

export type ExportPart = 'charter' | 'vision' | 'pains' | 'workshop' | 'plan' | 'validation';

/** Every part, in the order a combined export lists them. */
export const EXPORT_PARTS: readonly { readonly id: ExportPart; readonly label: string }[] = [
  { id: 'charter', label: 'Charter' },
  { id: 'vision', label: 'Three-year vision' },
  { id: 'pains', label: 'Prioritized user-pain list' },
  { id: 'workshop', label: 'Workshop record (votes, scores, ranking)' },
  { id: 'plan', label: 'Plan and its immediate-pain/vision split' },
  { id: 'validation', label: 'Solution validation' },
];

const KIND_MEANING = {
  address: 'make an existing pain smaller',
  eliminate: 'remove the pain altogether',
  empower: 'let users solve it themselves',
} as const;

/**
 * The pain list grouped by kind of solution (address, eliminate, empower), each group in rank
 * order; buckets whose kind is not chosen yet come last, in a group of their own.
 */
export function painListSections(painList: readonly PainListEntry[]): ExportSection[] {
  if (painList.length === 0) return [{ heading: 'Prioritized user-pain list', level: 2, blocks: [{ kind: 'note', text: 'No pain buckets in this round yet.' }] }];
  const known: readonly string[] = SOLUTION_KINDS;
  const groups = [
    ...SOLUTION_KINDS.map((kind) => ({ heading: `${solutionKindLabel(kind)}: ${KIND_MEANING[kind]}`, entries: painList.filter((entry) => entry.solutionKind === kind) })),
    { heading: 'Kind of solution not chosen yet', entries: painList.filter((entry) => entry.solutionKind === undefined || !known.includes(entry.solutionKind)) },
  ];
  return [
    { heading: 'Prioritized user-pain list', level: 2, blocks: [{ kind: 'note', text: 'Grouped by the kind of solution; ranked within each group.' }] },
    ...groups
      .filter((group) => group.entries.length > 0)
      .map((group): ExportSection => ({ heading: group.heading, level: 3, blocks: [{ kind: 'pain-list', entries: group.entries }] })),
  ];
}

export interface ArtifactsExportInput {
  readonly roundTitle: string;
  readonly parts: readonly ExportPart[];
  /** Null when nothing was written yet. */
  readonly charter: Charter | null;
  readonly vision: Vision | null;
  readonly painList: readonly PainListEntry[];
  /** The plan, the workshop and solution validation; needed for those parts. */
  readonly record?: RoundRecord;
  /** The round is the sample workspace's: the export says so on its first lines. */
  readonly isSample?: boolean;
  /** When the export was made, epoch milliseconds. */
  readonly exportedAt: number;
}

// A list read from storage, which a damaged or hand-made row may hold as anything else.
function storedList<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** The export document of one artifact or several: headings, sections and blocks, ready for a renderer. */
export function buildArtifactsExport({ roundTitle, parts, charter, vision, painList, record, isSample = false, exportedAt }: ArtifactsExportInput): ExportDocument {
  const round = roundTitle.trim() || 'Untitled round';
  const chosen = EXPORT_PARTS.filter((part) => parts.includes(part.id));
  const only = chosen.length === 1 ? chosen[0] : undefined;
  const title = only === undefined ? `Prioritization artifacts: ${round}` : `${only.label}: ${round}`;
  const sections: ExportSection[] = [];
  for (const part of chosen) {
    if (part.id === 'charter') {
      sections.push({ heading: 'Charter', level: 2, blocks: [] });
      for (const { key, title: heading } of CHARTER_SECTIONS) {
        sections.push({ heading, level: 3, blocks: [{ kind: 'rich-text', doc: charter?.sections?.[key] ?? { type: 'doc', content: [] } }] });
      }
    } else if (part.id === 'vision') {
      sections.push({ heading: 'Three-year vision', level: 2, blocks: [] });
      for (const yearNumber of VISION_YEAR_NUMBERS) {
        const year = storedList(vision?.years).find((candidate) => candidate.year === yearNumber);
        sections.push({
          heading: `Year ${yearNumber}`,
          level: 3,
          blocks: [
            ...(year === undefined || storedList(year.themes).length === 0 ? [] : [{ kind: 'list' as const, items: storedList(year.themes).map((theme) => `Theme: ${String(theme?.title ?? '')}`) }]),
            { kind: 'rich-text', doc: year?.body ?? { type: 'doc', content: [] } },
          ],
        });
      }
    } else if (part.id === 'pains') {
      sections.push(...painListSections(painList));
    } else if (record === undefined) {
      sections.push({ heading: part.label, level: 2, blocks: [{ kind: 'note', text: 'Not recorded.' }] });
    } else if (part.id === 'workshop') {
      sections.push(...workshopSections(record));
    } else if (part.id === 'plan') {
      sections.push(...planSections(record));
    } else {
      sections.push(...validationSections(record));
    }
  }
  const subtitle = `Round “${round}”, exported ${formatExportDate(exportedAt)}${isSample ? '. Sample data from Discovery Desk’s sample workspace, not real research' : ''}`;
  return { title, subtitle, sections };
}
