import type { Charter, Citation, Vision } from '../../../shared/domain/artifact';
import { applyCharterChanges, applyVisionChanges, createCharter, createVision, type CharterChanges, type VisionYearChanges } from '../../../shared/domain/apply-artifact-changes';
import type { Card, PainBucket } from '../../../shared/domain/board';
import type { Channel } from '../../../shared/domain/channel';
import type { Round } from '../../../shared/domain/round';
import { citationKey } from '../../../shared/rich-text/citation-node';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

/** A cited note or highlight as it is now. */
export interface ResolvedSource {
  readonly noteId: string;
  readonly title: string;
  readonly channel: Channel;
  readonly occurredAt: number;
  readonly personIds: readonly string[];
  /** For a highlight: its words. */
  readonly quote?: string;
}

export interface ArtifactsRepository {
  /** Every prioritization round, newest first (rounds number in the tens). */
  listRounds(): Promise<readonly Round[]>;
  getCharter(roundId: string): Promise<Charter | undefined>;
  getVision(roundId: string): Promise<Vision | undefined>;
  /** Creates the round's charter on first save; RangeError when the round does not exist. */
  saveCharter(roundId: string, changes: CharterChanges): Promise<Charter>;
  /** Creates the round's vision on first save; RangeError (naming year and theme) on a bad theme. */
  saveVision(roundId: string, changes: readonly VisionYearChanges[]): Promise<Vision>;
  /** The sources of the citations by citationKey: null for a note or highlight that no longer exists. */
  resolveCitations(citations: readonly Citation[]): Promise<ReadonlyMap<string, ResolvedSource | null>>;
  /** A round's buckets, read-only (the board owns them). */
  listBuckets(roundId: string): Promise<readonly PainBucket[]>;
  /** A round's cards, read-only (the board owns them). */
  listCards(roundId: string): Promise<readonly Card[]>;
}

export function createArtifactsRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): ArtifactsRepository {
  const findArtifact = (roundId: string, kind: 'charter' | 'vision') => db.artifacts.where('[roundId+kind]').equals([roundId, kind]).first();

  const requireRound = async (roundId: string) => {
    if ((await db.rounds.get(roundId)) === undefined) throw new UserError('This prioritization round no longer exists.');
  };

  return {
    async listRounds() {
      const rounds = await db.rounds.toArray();
      return rounds.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
    },

    async getCharter(roundId) {
      const found = await findArtifact(roundId, 'charter');
      return found?.kind === 'charter' ? found : undefined;
    },

    async getVision(roundId) {
      const found = await findArtifact(roundId, 'vision');
      return found?.kind === 'vision' ? found : undefined;
    },

    saveCharter(roundId, changes) {
      return writeTransaction(db, [db.artifacts, db.rounds], async () => {
        await requireRound(roundId);
        const now = clock();
        const found = await findArtifact(roundId, 'charter');
        const existing = found?.kind === 'charter' ? found : createCharter(newId(), roundId, now);
        const charter = applyCharterChanges(existing, changes, now);
        await db.artifacts.put(charter);
        return charter;
      });
    },

    saveVision(roundId, changes) {
      return writeTransaction(db, [db.artifacts, db.rounds], async () => {
        await requireRound(roundId);
        const now = clock();
        const found = await findArtifact(roundId, 'vision');
        const existing = found?.kind === 'vision' ? found : createVision(newId(), roundId, now);
        const vision = applyVisionChanges(existing, changes, now);
        await db.artifacts.put(vision);
        return vision;
      });
    },

    async resolveCitations(citations) {
      const noteIds = [...new Set(citations.map((citation) => citation.noteId))];
      const highlightIds = [...new Set(citations.flatMap((citation) => (citation.kind === 'highlight' ? [citation.highlightId] : [])))];
      const [notes, highlights] = await db.transaction('r', [db.notes, db.highlights], () => Promise.all([db.notes.bulkGet(noteIds), db.highlights.bulkGet(highlightIds)]));
      const notesById = new Map(notes.flatMap((note) => (note === undefined ? [] : [[note.id, note] as const])));
      const highlightsById = new Map(highlights.flatMap((highlight) => (highlight === undefined ? [] : [[highlight.id, highlight] as const])));
      const resolved = new Map<string, ResolvedSource | null>();
      for (const citation of citations) {
        const note = notesById.get(citation.noteId);
        const highlight = citation.kind === 'highlight' ? highlightsById.get(citation.highlightId) : undefined;
        const isMissing = note === undefined || (citation.kind === 'highlight' && (highlight === undefined || highlight.noteId !== note.id));
        resolved.set(
          citationKey(citation),
          isMissing
            ? null
            : {
                noteId: note.id,
                title: note.title,
                channel: note.channel,
                occurredAt: note.occurredAt,
                personIds: note.personIds,
                ...(highlight === undefined ? {} : { quote: highlight.quote }),
              },
        );
      }
      return resolved;
    },

    listBuckets: (roundId) => db.buckets.where('roundId').equals(roundId).toArray(),

    listCards: (roundId) => db.cards.where('roundId').equals(roundId).toArray(),
  };
}
