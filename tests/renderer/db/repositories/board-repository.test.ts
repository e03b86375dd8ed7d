import { describe, expect, it } from 'vitest';
import { createBoardRepository } from '../../../../renderer/db/repositories/board-repository';
import { createContactsRepository } from '../../../../renderer/db/repositories/contacts-repository';
import { createHighlightsRepository } from '../../../../renderer/db/repositories/highlights-repository';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createRoundsRepository } from '../../../../renderer/db/repositories/rounds-repository';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

async function seededRound(label: string) {
  const db = await openTestDatabase(label);
  const dependencies = createTestDependencies();
  const notes = createNotesRepository(db, dependencies);
  const contacts = createContactsRepository(db, dependencies);
  const highlights = createHighlightsRepository(db, dependencies);
  const rounds = createRoundsRepository(db, dependencies);
  const board = createBoardRepository(db, dependencies);
  const ada = await contacts.create({ name: 'Ada', team: 'Payments' });
  const chat = await notes.create({ channel: 'coffee-chat', title: 'CI chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 100, personIds: [ada.id], tags: ['ci'] });
  const sla = await notes.create({ channel: 'sla', title: 'Deploy SLA', body: EMPTY_RICH_TEXT_DOC, occurredAt: 200, tags: ['ci'], channelFields: { kind: 'sla', service: 'CI', metric: 'latency', expected: '10 min', offered: '40 min' } });
  const old = await notes.create({ channel: 'brainstorm', title: 'Old idea', body: EMPTY_RICH_TEXT_DOC, occurredAt: 5 });
  await highlights.create({ noteId: chat.id, quote: 'CI takes 40 minutes' });
  return { db, notes, rounds, board, chat, sla, old, ada };
}

describe('rounds repository', () => {
  it('previews and freezes the notes and highlights the filters match; discovery edits leave the round unchanged', async () => {
    const { notes, rounds, board, chat, sla } = await seededRound('rounds-snapshot');
    expect(await rounds.preview({ tag: 'ci' })).toEqual({ notes: 2, highlights: 1 });
    expect(await rounds.preview({ from: 150 })).toEqual({ notes: 1, highlights: 0 });

    const round = await rounds.start({ title: ' Q3 pains ', filter: { tag: 'ci' }, includeHighlights: true });
    expect(round).toMatchObject({ title: 'Q3 pains', filter: { tag: 'ci' }, snapshotNoteIds: [sla.id, chat.id], immediatePainTargetPercent: 70 });
    expect(round.snapshotHighlightIds).toHaveLength(1);
    const cards = await board.listCards(round.id);
    expect(cards.map((card) => [card.source.kind, card.snapshot.title])).toEqual([
      ['note', 'Deploy SLA'],
      ['note', 'CI chat'],
      ['highlight', 'CI chat'],
    ]);
    expect(cards[1]?.snapshot.people).toEqual(['Ada']);

    await notes.update(chat.id, { title: 'Renamed later' });
    await notes.create({ channel: 'coffee-chat', title: 'New after the round', body: EMPTY_RICH_TEXT_DOC, occurredAt: 300, tags: ['ci'] });
    expect((await board.listCards(round.id)).map((card) => card.snapshot.title)).toEqual(['Deploy SLA', 'CI chat', 'CI chat']);
    expect((await rounds.list()).map((summary) => [summary.round.title, summary.cardCount])).toEqual([['Q3 pains', 3]]);
  });

  it('refuses an empty snapshot, a blank title and a bad target, writing nothing', async () => {
    const { rounds, db } = await seededRound('rounds-bad');
    await expect(rounds.start({ title: 'Empty', filter: { tag: 'nothing' }, includeHighlights: true })).rejects.toThrow('No notes match');
    await expect(rounds.start({ title: '  ', filter: {}, includeHighlights: true })).rejects.toThrow('title');
    await expect(rounds.start({ title: 'x', filter: {}, includeHighlights: true, immediatePainTargetPercent: 120 })).rejects.toThrow('0 to 100');
    expect(await db.rounds.count()).toBe(0);
    expect(await db.cards.count()).toBe(0);
  });
});

describe('board repository', () => {
  it('groups, merges, splits, deletes and ranks buckets, and undoes each move exactly', async () => {
    const { rounds, board } = await seededRound('board-moves');
    const round = await rounds.start({ title: 'Round', filter: {}, includeHighlights: false });
    const [c1, c2, c3] = await board.listCards(round.id);
    if (!c1 || !c2 || !c3) throw new Error('expected three cards');
    const { bucket: slow } = await board.createBucket(round.id, 'Slow CI');
    const { bucket: flaky } = await board.createBucket(round.id, 'Flaky tests');

    const move = await board.moveCards(round.id, [c1.id, c2.id], slow.id);
    expect(move.label).toBe('Moved 2 cards to Slow CI');
    expect((await board.listCards(round.id)).filter((card) => card.bucketId === slow.id).map((card) => card.id)).toEqual([c1.id, c2.id]);
    await board.undo(move);
    expect((await board.listCards(round.id)).map((card) => [card.id, card.bucketId])).toEqual([c1.id, c2.id, c3.id].map((id) => [id, undefined]));

    await board.moveCards(round.id, [c1.id], slow.id);
    await board.moveCards(round.id, [c2.id], flaky.id);
    const merge = await board.mergeBuckets(slow.id, flaky.id);
    expect((await board.listBuckets(round.id)).map((bucket) => bucket.title)).toEqual(['Slow CI']);
    await board.undo(merge);
    expect((await board.listBuckets(round.id)).map((bucket) => bucket.title)).toEqual(['Slow CI', 'Flaky tests']);
    expect((await board.listCards(round.id)).find((card) => card.id === c2.id)?.bucketId).toBe(flaky.id);

    const rank = await board.rankBuckets(round.id, [flaky.id, slow.id]);
    expect((await board.listBuckets(round.id)).map((bucket) => [bucket.title, bucket.rank])).toEqual([
      ['Flaky tests', 1],
      ['Slow CI', 2],
    ]);
    await board.undo(rank);
    expect((await board.listBuckets(round.id)).map((bucket) => bucket.rank)).toEqual([undefined, undefined]);

    const { bucket: split, change: splitChange } = await board.splitBucket(flaky.id, [c2.id], 'Flaky UI tests');
    expect((await board.listCards(round.id)).find((card) => card.id === c2.id)?.bucketId).toBe(split.id);
    await board.undo(splitChange);
    expect((await board.listBuckets(round.id)).map((bucket) => bucket.id)).not.toContain(split.id);

    const removal = await board.deleteBucket(slow.id);
    expect((await board.listCards(round.id)).find((card) => card.id === c1.id)?.bucketId).toBeUndefined();
    await board.undo(removal);
    expect((await board.listCards(round.id)).find((card) => card.id === c1.id)?.bucketId).toBe(slow.id);
  });

  it('keeps each participant within their dot budget and plans initiatives with a checked effort', async () => {
    const { rounds, board } = await seededRound('board-votes');
    const round = await rounds.start({ title: 'Round', filter: {}, includeHighlights: false });
    const { bucket } = await board.createBucket(round.id, 'Slow CI');
    // Two quick clicks, each adding a dot before the screen shows the other: both count.
    await Promise.all([board.changeDots(round.id, 'ada', bucket.id, 1, 3), board.changeDots(round.id, 'ada', bucket.id, 1, 3)]);
    expect((await board.listVotes(round.id)).find((vote) => vote.participant === 'ada')?.dots).toBe(2);
    await expect(board.changeDots(round.id, 'ada', bucket.id, -3, 3)).rejects.toThrow('whole number, 0 or more');
    await board.setDots(round.id, 'ada', bucket.id, 3, 3);
    await expect(board.setDots(round.id, 'ada', bucket.id, 4, 3)).rejects.toThrow('No dots left');
    await board.setDots(round.id, 'ada', bucket.id, 0, 3);
    expect(await board.listVotes(round.id)).toEqual([]);

    await expect(board.createInitiative(round.id, { title: 'Cache', kind: 'immediate-pain', effortWeeks: 0, bucketIds: [], visionThemeIds: [] })).rejects.toThrow('more than 0');
    const initiative = await board.createInitiative(round.id, { title: 'Cache', kind: 'immediate-pain', effortWeeks: 3, bucketIds: [bucket.id], visionThemeIds: [] });
    expect(await board.listInitiatives(round.id)).toEqual([initiative]);
    expect(await board.listVisionThemes(round.id)).toEqual([]);
  });

  it('edits an initiative with the same checks, returns it as it was (for undo) and ranks with a named change', async () => {
    const { rounds, board } = await seededRound('board-initiative-edit');
    const round = await rounds.start({ title: 'Round', filter: {}, includeHighlights: false });
    const { bucket } = await board.createBucket(round.id, 'Slow CI');
    const created = await board.createInitiative(round.id, { title: 'Cache', kind: 'immediate-pain', effortWeeks: 3, bucketIds: [bucket.id], visionThemeIds: [] });
    await expect(board.updateInitiative(created.id, { title: ' ', kind: 'immediate-pain', effortWeeks: 3, bucketIds: [], visionThemeIds: [] })).rejects.toThrow('title');
    await expect(board.updateInitiative('missing', { title: 'X', kind: 'vision', effortWeeks: 1, bucketIds: [], visionThemeIds: [] })).rejects.toThrow('no longer exists');
    const before = await board.updateInitiative(created.id, { title: ' Remote cache ', kind: 'vision', effortWeeks: 5, bucketIds: [bucket.id], visionThemeIds: ['t1'] });
    expect(before).toEqual(created);
    expect(await board.listInitiatives(round.id)).toEqual([expect.objectContaining({ id: created.id, title: 'Remote cache', kind: 'vision', effortWeeks: 5, bucketIds: [], visionThemeIds: ['t1'] })]);
    await board.restoreInitiative(before);
    expect(await board.listInitiatives(round.id)).toEqual([created]);

    const change = await board.rankBuckets(round.id, [bucket.id], 'Ranked by votes');
    expect(change.label).toBe('Ranked by votes');
  });
});

describe('grouping from tags, rounds of highlights only and the unchosen kind of solution (issue 16 item 11)', () => {
  it('makes one bucket per tag of the ungrouped cards, reusing a bucket of that title, and undoes it exactly', async () => {
    const { rounds, board, notes } = await seededRound('board-group-tags');
    await notes.create({ channel: 'coffee-chat', title: 'Docs chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 300, tags: ['Docs', 'ci'] });
    await notes.create({ channel: 'coffee-chat', title: 'Docs again', body: EMPTY_RICH_TEXT_DOC, occurredAt: 400, tags: ['docs'] });
    const round = await rounds.start({ title: 'Round', filter: {}, includeHighlights: false });
    const { bucket: existing } = await board.createBucket(round.id, 'CI');
    const change = await board.groupByTags(round.id);
    const buckets = await board.listBuckets(round.id);
    expect(buckets.map((bucket) => bucket.title)).toEqual(['CI', 'docs']);
    const cards = await board.listCards(round.id);
    const where = (title: string) => buckets.find((bucket) => bucket.id === cards.find((card) => card.snapshot.title === title)?.bucketId)?.title;
    // "ci" is on 3 cards, "docs" on 2 (spelt as on the first card, the newest): the card with both goes to the more shared tag.
    expect([where('CI chat'), where('Deploy SLA'), where('Docs chat'), where('Docs again'), where('Old idea')]).toEqual(['CI', 'CI', 'CI', 'docs', undefined]);
    expect(buckets.find((bucket) => bucket.title === 'CI')?.id).toBe(existing.id);
    expect(change.label).toBe('Grouped 4 cards by tag into 2 buckets');

    await board.undo(change);
    expect((await board.listBuckets(round.id)).map((bucket) => bucket.title)).toEqual(['CI']);
    expect((await board.listCards(round.id)).every((card) => card.bucketId === undefined)).toBe(true);
  });

  it('refuses to group when no ungrouped card has a tag', async () => {
    const { rounds, board } = await seededRound('board-group-none');
    const round = await rounds.start({ title: 'Round', filter: { channel: 'brainstorm' }, includeHighlights: false });
    await expect(board.groupByTags(round.id)).rejects.toThrow('No ungrouped card has a tag');
  });

  it('starts a round from highlights only, keeping the notes they come from', async () => {
    const { rounds, board, chat } = await seededRound('rounds-highlights-only');
    const round = await rounds.start({ title: 'Evidence', filter: {}, includeHighlights: false, highlightsOnly: true });
    expect(round.snapshotNoteIds).toEqual([chat.id]);
    expect((await board.listCards(round.id)).map((card) => [card.source.kind, card.snapshot.excerpt])).toEqual([['highlight', 'CI takes 40 minutes']]);
    await expect(rounds.start({ title: 'None', filter: { channel: 'brainstorm' }, includeHighlights: true, highlightsOnly: true })).rejects.toThrow('has a highlight');
  });

  it('leaves a new bucket’s kind of solution unchosen until the group picks one, and can clear it again', async () => {
    const { rounds, board } = await seededRound('board-kind-unset');
    const round = await rounds.start({ title: 'Round', filter: {}, includeHighlights: false });
    const { bucket } = await board.createBucket(round.id, 'Slow CI');
    expect((await board.getBucket(bucket.id))?.solutionKind).toBeUndefined();
    await board.updateBucket(bucket.id, { solutionKind: 'eliminate' });
    expect((await board.getBucket(bucket.id))?.solutionKind).toBe('eliminate');
    await board.updateBucket(bucket.id, { title: 'Slower CI' });
    expect((await board.getBucket(bucket.id))?.solutionKind).toBe('eliminate');
    await board.updateBucket(bucket.id, { solutionKind: null });
    expect(await board.getBucket(bucket.id)).not.toHaveProperty('solutionKind');
  });
});
