import { describe, expect, it } from 'vitest';
import { createArtifactsRepository } from '../../../../renderer/db/repositories/artifacts-repository';
import { createHighlightsRepository } from '../../../../renderer/db/repositories/highlights-repository';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import type { Round } from '../../../../shared/domain/round';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

const round = (id: string, createdAt: number): Round => ({
  id,
  title: id,
  state: 'draft',
  snapshotNoteIds: [],
  snapshotHighlightIds: [],
  snapshotTakenAt: createdAt,
  immediatePainTargetPercent: 70,
  createdAt,
  updatedAt: createdAt,
});

const citing = (noteId: string, highlightId?: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Claim' }, { type: 'citation', attrs: { kind: highlightId === undefined ? 'note' : 'highlight', noteId, highlightId, label: 'x' } }] }],
});

async function setUp(label: string) {
  const db = await openTestDatabase(label);
  const dependencies = createTestDependencies();
  await db.rounds.bulkAdd([round('r-old', 1), round('r-new', 2)]);
  return { db, artifacts: createArtifactsRepository(db, dependencies), notes: createNotesRepository(db, dependencies), highlights: createHighlightsRepository(db, dependencies) };
}

describe('artifacts repository', () => {
  it('lists rounds newest first', async () => {
    const { artifacts } = await setUp('artifacts-rounds');
    expect((await artifacts.listRounds()).map((r) => r.id)).toEqual(['r-new', 'r-old']);
  });

  it('creates a round’s charter on first save and updates that same record afterwards', async () => {
    const { db, artifacts } = await setUp('artifacts-charter');
    expect(await artifacts.getCharter('r-new')).toBeUndefined();
    const first = await artifacts.saveCharter('r-new', { uniqueValue: citing('n-1') });
    const second = await artifacts.saveCharter('r-new', { strategy: citing('n-2') });
    expect(second.id).toBe(first.id);
    expect(second.citations).toEqual([
      { kind: 'note', noteId: 'n-1' },
      { kind: 'note', noteId: 'n-2' },
    ]);
    expect(await db.artifacts.count()).toBe(1);
    expect(await artifacts.getVision('r-new')).toBeUndefined();
  });

  it('refuses to save for a round that does not exist, writing nothing', async () => {
    const { db, artifacts } = await setUp('artifacts-no-round');
    await expect(artifacts.saveCharter('gone', { uniqueValue: citing('n-1') })).rejects.toThrow('This prioritization round no longer exists.');
    expect(await db.artifacts.count()).toBe(0);
  });

  it('saves vision themes per year and refuses a bad theme without writing', async () => {
    const { artifacts } = await setUp('artifacts-vision');
    await artifacts.saveVision('r-new', [{ year: 1, themes: [{ id: 't1', title: 'Golden paths' }] }]);
    await expect(artifacts.saveVision('r-new', [{ year: 1, themes: [{ id: 't1', title: '' }] }])).rejects.toThrow('Year 1, theme 1 needs a title.');
    expect((await artifacts.getVision('r-new'))?.years[0]?.themes).toEqual([{ id: 't1', title: 'Golden paths' }]);
  });

  it('resolves citations to their sources and reports deleted notes and highlights as null', async () => {
    const { artifacts, notes, highlights } = await setUp('artifacts-resolve');
    const kept = await notes.create({ channel: 'open-source', title: 'Backstage scan', body: EMPTY_RICH_TEXT_DOC, occurredAt: Date.UTC(2026, 2, 2) });
    const gone = await notes.create({ channel: 'coffee-chat', title: 'Chat', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
    const highlight = await highlights.create({ noteId: kept.id, quote: 'plugins everywhere' });
    const removedHighlight = await highlights.create({ noteId: kept.id, quote: 'gone' });
    await notes.delete(gone.id);
    await highlights.delete(removedHighlight.id);
    const resolved = await artifacts.resolveCitations([
      { kind: 'note', noteId: kept.id },
      { kind: 'highlight', noteId: kept.id, highlightId: highlight.id },
      { kind: 'note', noteId: gone.id },
      { kind: 'highlight', noteId: kept.id, highlightId: removedHighlight.id },
    ]);
    expect(resolved.get(`note:${kept.id}`)).toMatchObject({ title: 'Backstage scan', channel: 'open-source', occurredAt: Date.UTC(2026, 2, 2) });
    expect(resolved.get(`highlight:${highlight.id}`)).toMatchObject({ title: 'Backstage scan', quote: 'plugins everywhere' });
    expect(resolved.get(`note:${gone.id}`)).toBeNull();
    expect(resolved.get(`highlight:${removedHighlight.id}`)).toBeNull();
  });
});
