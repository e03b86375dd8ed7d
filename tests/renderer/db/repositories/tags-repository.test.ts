import { describe, expect, it } from 'vitest';
import { createRepositories } from '../../../../renderer/db';
import { createHighlightsRepository } from '../../../../renderer/db/repositories/highlights-repository';
import { createNotesRepository } from '../../../../renderer/db/repositories/notes-repository';
import { createTagsRepository } from '../../../../renderer/db/repositories/tags-repository';
import { EMPTY_RICH_TEXT_DOC } from '../../../../shared/domain/rich-text';
import { createTestDependencies } from '../create-test-dependencies';
import { openTestDatabase } from '../open-test-database';

async function seed(name: string) {
  const db = await openTestDatabase(name);
  const dependencies = createTestDependencies();
  const notes = createNotesRepository(db, dependencies);
  const highlights = createHighlightsRepository(db, dependencies);
  const tags = createTagsRepository(db, dependencies);
  await notes.ensureCounts();
  const tagged = await notes.create({ channel: 'coffee-chat', title: 'Tagged note', body: EMPTY_RICH_TEXT_DOC, occurredAt: 3, tags: ['ci', 'speed'] });
  const viaHighlight = await notes.create({ channel: 'coffee-chat', title: 'Highlight only', body: EMPTY_RICH_TEXT_DOC, occurredAt: 2, tags: ['onboarding'] });
  const untagged = await notes.create({ channel: 'sla', title: 'Untagged', body: EMPTY_RICH_TEXT_DOC, occurredAt: 1 });
  const highlight = await highlights.create({ noteId: viaHighlight.id, quote: 'CI is slow', tags: ['ci-speed', 'flaky'] });
  return { db, notes, highlights, tags, tagged, viaHighlight, untagged, highlight };
}

describe('tags repository: one vocabulary for notes and highlights', () => {
  it('lists every tag of notes and highlights with both counts, and suggests them all', async () => {
    const { tags } = await seed('tags-list');
    expect(await tags.list()).toEqual([
      { tag: 'ci', noteCount: 1, highlightCount: 0 },
      { tag: 'ci-speed', noteCount: 0, highlightCount: 1 },
      { tag: 'flaky', noteCount: 0, highlightCount: 1 },
      { tag: 'onboarding', noteCount: 1, highlightCount: 0 },
      { tag: 'speed', noteCount: 1, highlightCount: 0 },
    ]);
    expect(await tags.distinct()).toEqual(['ci', 'ci-speed', 'flaky', 'onboarding', 'speed']);
  });

  it('merges a tag into another on notes and highlights in one write, keeps the note counts right, and undoes it', async () => {
    const { db, notes, highlights, tags, tagged, highlight } = await seed('tags-merge');
    await tags.setGroup('ci-speed', 'Build');
    const change = await tags.merge(['ci-speed', 'speed'], 'ci');
    expect((await notes.get(tagged.id))?.tags).toEqual(['ci']);
    expect((await highlights.listAll()).find((row) => row.id === highlight.id)?.tags).toEqual(['ci', 'flaky']);
    expect(await createRepositories(db).notes.distinctValues('tags')).toEqual(['ci', 'onboarding']);
    expect(await tags.list()).toEqual([
      { tag: 'ci', noteCount: 1, highlightCount: 1, group: 'Build' },
      { tag: 'flaky', noteCount: 0, highlightCount: 1 },
      { tag: 'onboarding', noteCount: 1, highlightCount: 0 },
    ]);

    await tags.undo(change);
    expect((await notes.get(tagged.id))?.tags).toEqual(['ci', 'speed']);
    expect((await highlights.listAll()).find((row) => row.id === highlight.id)?.tags).toEqual(['ci-speed', 'flaky']);
    expect((await tags.list()).find((row) => row.tag === 'ci-speed')).toEqual({ tag: 'ci-speed', noteCount: 0, highlightCount: 1, group: 'Build' });
  });

  it('renames a tag, refusing an empty name and writing nothing then', async () => {
    const { notes, tags, tagged } = await seed('tags-rename');
    await expect(tags.rename('ci', '   ')).rejects.toThrow('Type a name for the tag.');
    await tags.rename('ci', '  continuous   integration ');
    expect((await notes.get(tagged.id))?.tags).toEqual(['continuous integration', 'speed']);
  });

  it('finds notes by a tag carried only by one of their highlights', async () => {
    const { notes, tagged, viaHighlight } = await seed('tags-filter');
    expect((await notes.query({ tag: 'flaky' }, 50)).notes.map((note) => note.id)).toEqual([viaHighlight.id]);
    expect((await notes.query({ tag: 'ci' }, 50)).notes.map((note) => note.id)).toEqual([tagged.id]);
    expect((await notes.query({ tag: 'flaky', channel: 'sla' }, 50)).notes).toEqual([]);
  });
});
