import type { VisionTheme } from '../../../shared/domain/artifact';
import { compareBuckets, type Card, type Initiative, type InitiativeKind, type PainBucket, type SolutionKind, type Vote } from '../../../shared/domain/board';
import { groupCardsByTag } from '../../../shared/domain/tag-grouping';
import { effortProblem } from '../../../shared/domain/immediate-pain-split';
import type { Score } from '../../../shared/domain/score';
import { voteBudgetProblem, type Workshop, type WorkshopParticipant, type WorkshopPhase } from '../../../shared/domain/workshop';
import { planOutcomeRows } from '../../../shared/live-workshop/live-outcome';
import type { LiveOutcome } from '../../../shared/live-workshop/live-workshop-input';
import type { DiscoveryDb } from '../discovery-db';
import { randomId, systemClock, type RepositoryDependencies } from './repository-dependencies';
import { writeTransaction } from './write-transaction';
import { UserError } from '../../../shared/errors/user-error';

/** What a board move changed: the rows as they were before and the buckets it created, enough to undo it. */
export interface BoardChange {
  /** Says what was done, e.g. "Moved 1 card to Slow CI", for the undo toast. */
  readonly label: string;
  readonly roundId: string;
  readonly before: { readonly cards: readonly Card[]; readonly buckets: readonly PainBucket[] };
  readonly createdBucketIds: readonly string[];
}

export interface BucketChanges {
  readonly title?: string;
  readonly statement?: string;
  /** A kind, or null to leave it unchosen again. */
  readonly solutionKind?: SolutionKind | null;
  readonly slaGapCardIds?: readonly string[];
}

/** Workshop fields to change; a timer field set to undefined stops or clears it. */
export interface WorkshopChanges {
  readonly phase?: WorkshopPhase;
  readonly votesPerParticipant?: number;
  readonly areVotesRevealed?: boolean;
  readonly timerEndsAt?: number | undefined;
  readonly timerPausedMs?: number | undefined;
  readonly participants?: readonly WorkshopParticipant[];
}

export interface NewInitiative {
  readonly title: string;
  readonly kind: InitiativeKind;
  readonly effortWeeks: number;
  readonly bucketIds: readonly string[];
  readonly visionThemeIds: readonly string[];
}

/** A vision theme with the year it belongs to. */
export interface VisionThemeChoice extends VisionTheme {
  readonly year: number;
}

export interface BoardRepository {
  listCards(roundId: string): Promise<readonly Card[]>;
  /** The round's buckets in board order (ranked first, by rank). */
  listBuckets(roundId: string): Promise<readonly PainBucket[]>;
  getBucket(id: string): Promise<PainBucket | undefined>;
  createBucket(roundId: string, title?: string): Promise<{ readonly bucket: PainBucket; readonly change: BoardChange }>;
  /** Text and attachments of a bucket; not part of board undo (they are edited in place). */
  updateBucket(id: string, changes: BucketChanges): Promise<void>;
  /** Puts cards into a bucket (appended) or back among the ungrouped (`null`). */
  moveCards(roundId: string, cardIds: readonly string[], bucketId: string | null): Promise<BoardChange>;
  /**
   * "One bucket per tag, then adjust": puts every ungrouped card with a tag into a bucket named after
   * one of its tags (see groupCardsByTag), reusing a bucket that already has that title. Undoable.
   */
  groupByTags(roundId: string): Promise<BoardChange>;
  /** Moves every card of `sourceId` into `targetId` and removes `sourceId`. */
  mergeBuckets(targetId: string, sourceId: string): Promise<BoardChange>;
  /** Moves the chosen cards of a bucket into a new bucket. */
  splitBucket(bucketId: string, cardIds: readonly string[], title: string): Promise<{ readonly bucket: PainBucket; readonly change: BoardChange }>;
  /** Removes a bucket; its cards go back to the ungrouped column, never away. */
  deleteBucket(id: string): Promise<BoardChange>;
  /** Ranks the given buckets 1..n in this order; the others become unranked. `label` names the change for undo. */
  rankBuckets(roundId: string, orderedIds: readonly string[], label?: string): Promise<BoardChange>;
  /** Puts back the rows a change replaced and removes the buckets it created, in one transaction. */
  undo(change: BoardChange): Promise<void>;

  listInitiatives(roundId: string): Promise<readonly Initiative[]>;
  createInitiative(roundId: string, input: NewInitiative): Promise<Initiative>;
  /** Replaces an initiative's title, kind, effort and links; returns it as it was before. */
  updateInitiative(id: string, input: NewInitiative): Promise<Initiative>;
  deleteInitiative(id: string): Promise<Initiative | undefined>;
  restoreInitiative(initiative: Initiative): Promise<void>;
  /** The round's vision themes (from the Vision artifact), read only; empty when none are written. */
  listVisionThemes(roundId: string): Promise<readonly VisionThemeChoice[]>;

  getWorkshop(roundId: string): Promise<Workshop | undefined>;
  /** Creates the round's workshop session the first time, or returns the saved one. */
  openWorkshop(roundId: string): Promise<Workshop>;
  updateWorkshop(id: string, changes: WorkshopChanges): Promise<void>;
  addParticipant(workshopId: string, name: string): Promise<WorkshopParticipant>;
  listVotes(roundId: string): Promise<readonly Vote[]>;
  /** Sets one participant's dots on one bucket, refusing to go over their budget. */
  setDots(roundId: string, participant: string, bucketId: string, dots: number, budget: number): Promise<void>;
  /**
   * Adds `delta` dots (negative removes) to what is stored, read in the write's own transaction: two
   * quick clicks count twice even when the screen has not shown the first yet.
   */
  changeDots(roundId: string, participant: string, bucketId: string, delta: number, budget: number): Promise<void>;

  listScores(roundId: string): Promise<readonly Score[]>;
  setScore(roundId: string, scorer: string, bucketId: string, values: Readonly<Record<string, number>>): Promise<void>;
  /** Saves what a live workshop produced (buckets, moves, votes, scores, ranking, participants) in one transaction. */
  saveLiveOutcome(roundId: string, outcome: LiveOutcome): Promise<void>;
}

const byPosition = (a: Card, b: Card) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function createBoardRepository(db: DiscoveryDb, { clock = systemClock, newId = randomId }: RepositoryDependencies = {}): BoardRepository {
  const touchRound = (roundId: string) => db.rounds.update(roundId, { updatedAt: clock() });

  async function nextPosition(roundId: string): Promise<number> {
    const cards = await db.cards.where('roundId').equals(roundId).toArray();
    return cards.reduce((max, card) => Math.max(max, card.position), -1) + 1;
  }

  function newBucket(roundId: string, title: string): PainBucket {
    const now = clock();
    return { id: newId(), roundId, title: title.trim() || 'Untitled bucket', statement: '', slaGapCardIds: [], createdAt: now, updatedAt: now };
  }

  async function bucketOrThrow(id: string): Promise<PainBucket> {
    const bucket = await db.buckets.get(id);
    if (bucket === undefined) throw new UserError('That bucket no longer exists.');
    return bucket;
  }

  async function writeDots(roundId: string, participant: string, bucketId: string, next: (stored: number) => number, budget: number): Promise<void> {
    await writeTransaction(db, [db.votes], async () => {
      const mine = await db.votes.where('[roundId+participant]').equals([roundId, participant]).toArray();
      const existing = mine.find((vote) => vote.bucketId === bucketId);
      const dots = next(existing?.dots ?? 0);
      if (!Number.isInteger(dots) || dots < 0) throw new UserError('Dots are a whole number, 0 or more.');
      const others = mine.filter((vote) => vote.bucketId !== bucketId).reduce((sum, vote) => sum + vote.dots, 0);
      if (others + dots > budget) throw new UserError(`No dots left: each participant has ${budget}.`);
      if (dots === 0) {
        if (existing) await db.votes.delete(existing.id);
        return;
      }
      await db.votes.put({ id: existing?.id ?? newId(), roundId, participant, bucketId, dots });
    });
  }

  return {
    async listCards(roundId) {
      return (await db.cards.where('roundId').equals(roundId).toArray()).sort(byPosition);
    },

    async listBuckets(roundId) {
      return (await db.buckets.where('roundId').equals(roundId).toArray()).sort(compareBuckets);
    },

    getBucket: (id) => db.buckets.get(id),

    async createBucket(roundId, title = '') {
      const bucket = newBucket(roundId, title);
      await writeTransaction(db, [db.buckets, db.rounds], async () => {
        if ((await db.rounds.get(roundId)) === undefined) throw new UserError('That round no longer exists.');
        await db.buckets.add(bucket);
        await touchRound(roundId);
      });
      return { bucket, change: { label: `Created ${bucket.title}`, roundId, before: { cards: [], buckets: [] }, createdBucketIds: [bucket.id] } };
    },

    async updateBucket(id, changes) {
      if (changes.title !== undefined && changes.title.trim() === '') throw new UserError('A bucket needs a title.');
      await writeTransaction(db, [db.buckets], async () => {
        const { solutionKind: kindBefore, ...before } = await bucketOrThrow(id);
        const kind = changes.solutionKind === undefined ? kindBefore : (changes.solutionKind ?? undefined);
        await db.buckets.put({
          ...before,
          ...(changes.title === undefined ? {} : { title: changes.title.trim() }),
          ...(changes.statement === undefined ? {} : { statement: changes.statement }),
          ...(kind === undefined ? {} : { solutionKind: kind }),
          ...(changes.slaGapCardIds === undefined ? {} : { slaGapCardIds: [...new Set(changes.slaGapCardIds)] }),
          updatedAt: clock(),
        });
      });
    },

    moveCards(roundId, cardIds, bucketId) {
      return writeTransaction(db, [db.cards, db.buckets, db.rounds], async () => {
        const bucket = bucketId === null ? null : await bucketOrThrow(bucketId);
        const rows = (await db.cards.bulkGet([...cardIds])).filter((card): card is Card => card !== undefined && card.roundId === roundId);
        let position = await nextPosition(roundId);
        const moved = rows.map((card) => withBucket(card, bucketId ?? undefined, position++));
        await db.cards.bulkPut(moved);
        await touchRound(roundId);
        const where = bucket === null ? 'Ungrouped' : bucket.title;
        return { label: `Moved ${rows.length === 1 ? '1 card' : `${rows.length} cards`} to ${where}`, roundId, before: { cards: rows, buckets: [] }, createdBucketIds: [] };
      });
    },

    groupByTags(roundId) {
      return writeTransaction(db, [db.cards, db.buckets, db.rounds], async () => {
        const cards = (await db.cards.where('roundId').equals(roundId).toArray()).sort(byPosition);
        const ungrouped = cards.filter((card) => card.bucketId === undefined);
        const groups = groupCardsByTag(ungrouped);
        if (groups.length === 0) throw new UserError('No ungrouped card has a tag, so there is nothing to group by. Tag notes or highlights in Discovery, or drag the cards into buckets.');
        const existing = new Map((await db.buckets.where('roundId').equals(roundId).toArray()).map((bucket) => [bucket.title.trim().toLowerCase(), bucket]));
        const created: PainBucket[] = [];
        const byId = new Map(ungrouped.map((card) => [card.id, card]));
        let position = await nextPosition(roundId);
        const moved: Card[] = [];
        const before: Card[] = [];
        for (const group of groups) {
          let bucket = existing.get(group.tag.toLowerCase());
          if (bucket === undefined) {
            bucket = newBucket(roundId, group.tag);
            created.push(bucket);
          }
          for (const cardId of group.cardIds) {
            const card = byId.get(cardId);
            if (card === undefined) continue;
            before.push(card);
            moved.push(withBucket(card, bucket.id, position++));
          }
        }
        await db.buckets.bulkAdd(created);
        await db.cards.bulkPut(moved);
        await touchRound(roundId);
        const buckets = new Set(moved.map((card) => card.bucketId)).size;
        return {
          label: `Grouped ${moved.length === 1 ? '1 card' : `${moved.length} cards`} by tag into ${buckets === 1 ? '1 bucket' : `${buckets} buckets`}`,
          roundId,
          before: { cards: before, buckets: [] },
          createdBucketIds: created.map((bucket) => bucket.id),
        };
      });
    },

    mergeBuckets(targetId, sourceId) {
      if (targetId === sourceId) return Promise.reject(new RangeError('Choose another bucket to merge with.'));
      return writeTransaction(db, [db.cards, db.buckets, db.rounds], async () => {
        const target = await bucketOrThrow(targetId);
        const source = await bucketOrThrow(sourceId);
        const cards = (await db.cards.where('bucketId').equals(sourceId).toArray()).sort(byPosition);
        let position = await nextPosition(target.roundId);
        await db.cards.bulkPut(cards.map((card) => withBucket(card, targetId, position++)));
        await db.buckets.update(targetId, { slaGapCardIds: [...new Set([...(target.slaGapCardIds ?? []), ...(source.slaGapCardIds ?? [])])], updatedAt: clock() });
        await db.buckets.delete(sourceId);
        await touchRound(target.roundId);
        return { label: `Merged ${source.title} into ${target.title}`, roundId: target.roundId, before: { cards, buckets: [target, source] }, createdBucketIds: [] };
      });
    },

    async splitBucket(bucketId, cardIds, title) {
      if (cardIds.length === 0) throw new UserError('Choose the cards that go into the new bucket.');
      return writeTransaction(db, [db.cards, db.buckets, db.rounds], async () => {
        const from = await bucketOrThrow(bucketId);
        const bucket = newBucket(from.roundId, title || `${from.title} (split)`);
        const rows = (await db.cards.bulkGet([...cardIds])).filter((card): card is Card => card?.bucketId === bucketId);
        await db.buckets.add(bucket);
        let position = await nextPosition(from.roundId);
        await db.cards.bulkPut(rows.map((card) => withBucket(card, bucket.id, position++)));
        await touchRound(from.roundId);
        return { bucket, change: { label: `Split ${rows.length === 1 ? '1 card' : `${rows.length} cards`} from ${from.title}`, roundId: from.roundId, before: { cards: rows, buckets: [] }, createdBucketIds: [bucket.id] } };
      });
    },

    deleteBucket(id) {
      return writeTransaction(db, [db.cards, db.buckets, db.rounds, db.votes, db.scores], async () => {
        const bucket = await bucketOrThrow(id);
        const cards = await db.cards.where('bucketId').equals(id).toArray();
        let position = await nextPosition(bucket.roundId);
        await db.cards.bulkPut(cards.map((card) => withBucket(card, undefined, position++)));
        await db.buckets.delete(id);
        await touchRound(bucket.roundId);
        return { label: `Deleted ${bucket.title}; its cards are ungrouped`, roundId: bucket.roundId, before: { cards, buckets: [bucket] }, createdBucketIds: [] };
      });
    },

    rankBuckets(roundId, orderedIds, label = 'Changed the ranking') {
      return writeTransaction(db, [db.buckets, db.rounds], async () => {
        const buckets = await db.buckets.where('roundId').equals(roundId).toArray();
        const ranks = new Map(orderedIds.map((id, index) => [id, index + 1]));
        const now = clock();
        await db.buckets.bulkPut(
          buckets.map((bucket) => {
            const { rank: _rank, ...rest } = bucket;
            const rank = ranks.get(bucket.id);
            return rank === undefined ? { ...rest, updatedAt: now } : { ...rest, rank, updatedAt: now };
          }),
        );
        await touchRound(roundId);
        return { label, roundId, before: { cards: [], buckets }, createdBucketIds: [] };
      });
    },

    undo(change) {
      return writeTransaction(db, [db.cards, db.buckets, db.rounds], async () => {
        await db.buckets.bulkDelete([...change.createdBucketIds]);
        await db.buckets.bulkPut([...change.before.buckets]);
        await db.cards.bulkPut([...change.before.cards]);
        await touchRound(change.roundId);
      });
    },

    async listInitiatives(roundId) {
      return (await db.initiatives.where('roundId').equals(roundId).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    },

    async createInitiative(roundId, input) {
      const now = clock();
      const initiative: Initiative = { id: newId(), roundId, ...initiativeFields(input), createdAt: now, updatedAt: now };
      await writeTransaction(db, [db.initiatives, db.rounds], async () => {
        await db.initiatives.add(initiative);
        await touchRound(roundId);
      });
      return initiative;
    },

    async updateInitiative(id, input) {
      const fields = initiativeFields(input);
      return writeTransaction(db, [db.initiatives, db.rounds], async () => {
        const before = await db.initiatives.get(id);
        if (before === undefined) throw new UserError('That initiative no longer exists.');
        const { visionThemeIds: _old, ...rest } = before;
        await db.initiatives.put({ ...rest, ...fields, updatedAt: clock() });
        await touchRound(before.roundId);
        return before;
      });
    },

    deleteInitiative(id) {
      return writeTransaction(db, [db.initiatives], async () => {
        const initiative = await db.initiatives.get(id);
        await db.initiatives.delete(id);
        return initiative;
      });
    },

    async restoreInitiative(initiative) {
      await writeTransaction(db, [db.initiatives], async () => {
        await db.initiatives.put(initiative);
      });
    },

    async listVisionThemes(roundId) {
      const rows = await db.artifacts.where('roundId').equals(roundId).toArray();
      return rows.flatMap((artifact) => (artifact.kind === 'vision' ? artifact.years.flatMap((year) => year.themes.map((theme) => ({ ...theme, year: year.year }))) : []));
    },

    getWorkshop: (roundId) => db.workshops.where('roundId').equals(roundId).first(),

    openWorkshop(roundId) {
      return writeTransaction(db, [db.workshops], async () => {
        const existing = await db.workshops.where('roundId').equals(roundId).first();
        if (existing) return existing;
        const now = clock();
        const workshop: Workshop = { id: newId(), roundId, participants: [], phase: 'silent-review', votesPerParticipant: 5, areVotesRevealed: false, createdAt: now, updatedAt: now };
        await db.workshops.add(workshop);
        return workshop;
      });
    },

    async updateWorkshop(id, changes) {
      if (changes.votesPerParticipant !== undefined) {
        const problem = voteBudgetProblem(changes.votesPerParticipant);
        if (problem) throw new UserError(problem);
      }
      await writeTransaction(db, [db.workshops], async () => {
        const existing = await db.workshops.get(id);
        if (existing === undefined) throw new UserError('That workshop no longer exists.');
        const { timerEndsAt, timerPausedMs, ...rest } = { ...existing, ...changes };
        // A timer that is stopped loses its key rather than storing undefined.
        await db.workshops.put({
          ...rest,
          ...(timerEndsAt === undefined ? {} : { timerEndsAt }),
          ...(timerPausedMs === undefined ? {} : { timerPausedMs }),
          updatedAt: clock(),
        });
      });
    },

    async addParticipant(workshopId, name) {
      const participant: WorkshopParticipant = { id: newId(), name: name.trim() };
      await writeTransaction(db, [db.workshops], async () => {
        const workshop = await db.workshops.get(workshopId);
        if (workshop === undefined) throw new UserError('That workshop no longer exists.');
        await db.workshops.update(workshopId, { participants: [...workshop.participants, participant], updatedAt: clock() });
      });
      return participant;
    },

    listVotes: (roundId) => db.votes.where('roundId').equals(roundId).toArray(),

    setDots: (roundId, participant, bucketId, dots, budget) => writeDots(roundId, participant, bucketId, () => dots, budget),

    changeDots: (roundId, participant, bucketId, delta, budget) => writeDots(roundId, participant, bucketId, (stored) => stored + delta, budget),

    async listScores(roundId) {
      return (await db.scores.where('[roundId+scorer]').between([roundId, ''], [roundId, '\uffff']).toArray()).sort((a, b) => a.createdAt - b.createdAt);
    },

    async setScore(roundId, scorer, bucketId, values) {
      const name = scorer.trim();
      if (name === '') throw new UserError('Type your name before scoring.');
      await writeTransaction(db, [db.scores], async () => {
        const existing = (await db.scores.where('[roundId+scorer]').equals([roundId, name]).toArray()).find((score) => score.bucketId === bucketId);
        const now = clock();
        await db.scores.put({ id: existing?.id ?? newId(), roundId, bucketId, scorer: name, values: { ...existing?.values, ...values }, createdAt: existing?.createdAt ?? now, updatedAt: now });
      });
    },

    async saveLiveOutcome(roundId, outcome) {
      await writeTransaction(db, [db.rounds, db.buckets, db.cards, db.votes, db.scores, db.workshops], async () => {
        const now = clock();
        const workshop = (await db.workshops.where('roundId').equals(roundId).first()) ?? { id: newId(), roundId, participants: [], phase: 'silent-review', votesPerParticipant: outcome.budget, areVotesRevealed: false, createdAt: now, updatedAt: now };
        const [cards, buckets, scores] = await Promise.all([
          db.cards.where('roundId').equals(roundId).toArray(),
          db.buckets.where('roundId').equals(roundId).toArray(),
          db.scores.where('[roundId+scorer]').between([roundId, ''], [roundId, '\uffff']).toArray(),
        ]);
        const rows = planOutcomeRows({ roundId, cards, buckets, scores, workshop }, outcome, { now, newId });
        await db.buckets.bulkPut([...rows.newBuckets, ...rows.rankedBuckets]);
        await db.cards.bulkPut([...rows.movedCards]);
        await db.votes.where('roundId').equals(roundId).delete();
        await db.votes.bulkAdd([...rows.votes]);
        await db.scores.bulkPut([...rows.scores]);
        await db.workshops.put(rows.workshop);
        await touchRound(roundId);
      });
    },
  };
}

/** The stored fields of an initiative from what was typed: RangeError (worded for people) on a missing title or a bad effort. */
function initiativeFields(input: NewInitiative): Pick<Initiative, 'title' | 'kind' | 'effortWeeks' | 'bucketIds' | 'visionThemeIds'> {
  const title = input.title.trim();
  if (title === '') throw new UserError('Give the initiative a title.');
  const problem = effortProblem(input.effortWeeks);
  if (problem) throw new UserError(problem);
  return {
    title,
    kind: input.kind,
    effortWeeks: input.effortWeeks,
    bucketIds: input.kind === 'immediate-pain' ? [...new Set(input.bucketIds)] : [],
    ...(input.kind === 'vision' ? { visionThemeIds: [...new Set(input.visionThemeIds)] } : {}),
  };
}

function withBucket(card: Card, bucketId: string | undefined, position: number): Card {
  const { bucketId: _old, ...rest } = card;
  return bucketId === undefined ? { ...rest, position } : { ...rest, bucketId, position };
}
