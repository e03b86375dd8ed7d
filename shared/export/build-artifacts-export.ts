import { CHARTER_SECTIONS, VISION_YEAR_NUMBERS, type Charter, type Vision } from '../domain/artifact';
import { formatExportDate, type ExportDocument, type ExportSection, type PainListEntry } from './artifact-export-document';

export type ExportPart = 'charter' | 'vision' | 'pains';

/** Every part, in the order a combined export lists them. */
export const EXPORT_PARTS: readonly { readonly id: ExportPart; readonly label: string }[] = [
  { id: 'charter', label: 'Charter' },
  { id: 'vision', label: 'Three-year vision' },
  { id: 'pains', label: 'Prioritized user-pain list' },
];

export interface ArtifactsExportInput {
  readonly roundTitle: string;
  readonly parts: readonly ExportPart[];
  /** Null when nothing was written yet. */
  readonly charter: Charter | null;
  readonly vision: Vision | null;
  readonly painList: readonly PainListEntry[];
  /** When the export was made, epoch milliseconds. */
  readonly exportedAt: number;
}

// A list read from storage, which a damaged or hand-made row may hold as anything else.
function storedList<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** The export document of one artifact or several: headings, sections and blocks, ready for a renderer. */
export function buildArtifactsExport({ roundTitle, parts, charter, vision, painList, exportedAt }: ArtifactsExportInput): ExportDocument {
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
    } else {
      sections.push({
        heading: 'Prioritized user-pain list',
        level: 2,
        blocks: painList.length === 0 ? [{ kind: 'note', text: 'No pain buckets in this round yet.' }] : [{ kind: 'pain-list', entries: painList }],
      });
    }
  }
  return { title, subtitle: `Round “${round}”, exported ${formatExportDate(exportedAt)}`, sections };
}
