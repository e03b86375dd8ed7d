import { useCallback } from 'react';
import type { Citation } from '../../../shared/domain/artifact';
import { CHANNELS } from '../../../shared/domain/channel';
import type { Round } from '../../../shared/domain/round';
import type { CitedSource, PainListEntry } from '../../../shared/export/artifact-export-document';
import { buildArtifactsExport, type ExportPart } from '../../../shared/export/build-artifacts-export';
import type { RoundRecord } from '../../../shared/export/build-round-record-export';
import { renderArtifactsExport } from '../../../shared/export/render-artifacts-export';
import { nameReplacementsFor, type NamedPerson } from '../../../shared/export/replace-person-names';
import { isSampleId } from '../../../shared/domain/sample-workspace';
import { citationKey } from '../../../shared/rich-text/citation-node';
import { useRepositories } from '../../db';

export type ExportFormat = 'markdown' | 'html' | 'pdf';

export interface ExportRequest {
  readonly parts: readonly ExportPart[];
  readonly format: ExportFormat;
  /** Hide people: names (by their role or team) and e-mail addresses, everywhere in the export. */
  readonly isAnonymised: boolean;
}

export interface RenderedExport {
  readonly fileName: string;
  readonly text: string;
  /** The standalone HTML, for printing to PDF. */
  readonly html: string;
}

const channelLabel = (channel: string) => CHANNELS.find((entry) => entry.id === channel)?.label ?? channel;

/** Renders the chosen artifacts of a round as Markdown or HTML, with footnotes resolved from the current notes. */
export function useArtifactsExport(round: Round, painList: readonly PainListEntry[]): (request: ExportRequest) => Promise<RenderedExport> {
  const { artifacts, board, contacts, validation } = useRepositories();
  // Everyone quoted: the people of cited notes and of the round's cards, under their current name and the one frozen on the card.
  const peopleToHide = useCallback(
    async (citedPersonIds: readonly string[]): Promise<NamedPerson[]> => {
      const cards = await artifacts.listCards(round.id);
      const ids = [...new Set([...citedPersonIds, ...cards.flatMap((card) => card.snapshot.personIds)])];
      const byId = new Map((await contacts.getMany(ids)).map((contact) => [contact.id, contact]));
      const describe = (name: string, personId: string): NamedPerson => {
        const contact = byId.get(personId);
        return { name, ...(contact?.role === undefined ? {} : { role: contact.role }), ...(contact?.team === undefined ? {} : { team: contact.team }) };
      };
      const current = [...byId.values()].map((contact) => describe(contact.name, contact.id));
      const frozen = cards.flatMap((card) => card.snapshot.people.map((name, index) => describe(name, card.snapshot.personIds[index] ?? '')));
      const seen = new Set<string>();
      return [...current, ...frozen].filter((person) => {
        const key = person.name.trim().toLowerCase();
        if (key === '' || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    },
    [artifacts, contacts, round.id],
  );
  // The plan, the workshop and solution validation, read only when an export includes them.
  const loadRecord = useCallback(async (): Promise<RoundRecord> => {
    const [buckets, initiatives, visionThemes, workshop, votes, scores] = await Promise.all([
      board.listBuckets(round.id),
      board.listInitiatives(round.id),
      board.listVisionThemes(round.id),
      board.getWorkshop(round.id),
      board.listVotes(round.id),
      board.listScores(round.id),
    ]);
    const solutions = await validation.listSolutions(buckets.map((bucket) => bucket.id));
    const experiments = await validation.listExperiments(solutions.map((solution) => solution.id));
    return { buckets, immediatePainTargetPercent: round.immediatePainTargetPercent, initiatives, visionThemes, workshop: workshop ?? null, votes, scores, solutions, experiments };
  }, [board, validation, round.id, round.immediatePainTargetPercent]);
  return useCallback(
    async ({ parts, format, isAnonymised }) => {
      const [charter, vision] = await Promise.all([
        parts.includes('charter') ? artifacts.getCharter(round.id) : undefined,
        parts.includes('vision') ? artifacts.getVision(round.id) : undefined,
      ]);
      const citations: Citation[] = [...(charter?.citations ?? []), ...(vision?.years.flatMap((year) => year.citations) ?? [])];
      const resolved = await artifacts.resolveCitations(citations);
      const resolveCitation = (citation: Citation): CitedSource | null => {
        const source = resolved.get(citationKey(citation));
        if (source === undefined || source === null) return null;
        return { title: source.title, channelLabel: channelLabel(source.channel), occurredAt: source.occurredAt, ...(source.quote === undefined ? {} : { quote: source.quote }) };
      };
      const needsRecord = parts.some((part) => part === 'workshop' || part === 'plan' || part === 'validation');
      const record = needsRecord ? await loadRecord() : undefined;
      const nameReplacements = isAnonymised ? nameReplacementsFor(await peopleToHide([...resolved.values()].flatMap((source) => source?.personIds ?? []))) : [];
      const document = buildArtifactsExport({
        roundTitle: round.title,
        parts,
        charter: charter ?? null,
        vision: vision ?? null,
        painList: parts.includes('pains') ? painList : [],
        ...(record === undefined ? {} : { record }),
        isSample: isSampleId(round.id),
        exportedAt: Date.now(),
      });
      const { markdown, html } = renderArtifactsExport(document, isAnonymised ? { resolveCitation, nameReplacements } : { resolveCitation });
      const base = `${parts.length === 1 ? parts[0] : 'artifacts'}-${round.title}`.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80) || 'artifacts';
      if (format === 'markdown') return { fileName: `${base}.md`, text: markdown, html };
      return { fileName: `${base}.${format === 'pdf' ? 'pdf' : 'html'}`, text: html, html };
    },
    [artifacts, loadRecord, painList, peopleToHide, round.id, round.title],
  );
}
