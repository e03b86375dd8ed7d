import { cleanTagName, MAX_TAG_LENGTH, mergeTagGroups, replaceTags, summarizeTags, unionOfTags, type TagGroups, type TagSummary } from '../../../shared/domain/tag-vocabulary';
import { UserError } from '../../../shared/errors/user-error';
import type { DiscoveryDb } from '../discovery-db';
import { readNoteCounts } from './note-counts';
import { systemClock, type RepositoryDependencies } from './repository-dependencies';
import { createSettingsRepository } from './settings-repository';
import { writeTransaction } from './write-transaction';

/** The tags of every record a tag change touched, and the groups, as they were: enough to undo it. */
export interface TagChangeUndo {
  readonly notes: readonly { readonly id: string; readonly tags: readonly string[] }[];
  readonly highlights: readonly { readonly id: string; readonly tags: readonly string[] }[];
  readonly groups: TagGroups;
}

/**
 * The one tag vocabulary of notes and highlights (see shared/domain/tag-vocabulary). Tags live on
 * the records that carry them; renaming or merging rewrites those records in one transaction.
 */
export interface TagsRepository {
  /** Every tag with its notes and highlights counts and its group, sorted by name. */
  list(): Promise<readonly TagSummary[]>;
  /** Every tag used on notes or highlights, sorted: what a tag input suggests. */
  distinct(): Promise<readonly string[]>;
  /** Renames a tag everywhere; renaming to a tag in use merges the two. */
  rename(from: string, to: string): Promise<TagChangeUndo>;
  /** Replaces each of `sources` by `target` on every note and highlight. */
  merge(sources: readonly string[], target: string): Promise<TagChangeUndo>;
  /** Puts a tag in a group ('' takes it out of its group). */
  setGroup(tag: string, group: string): Promise<TagChangeUndo>;
  /** Puts back the tags and groups a change replaced. */
  undo(change: TagChangeUndo): Promise<void>;
}

function checkedName(name: string, what: string): string {
  const cleaned = cleanTagName(name);
  if (cleaned === '') throw new UserError(`Type a name for the ${what}.`);
  if (cleaned.length > MAX_TAG_LENGTH) throw new UserError(`A ${what} name has at most ${MAX_TAG_LENGTH} characters; this one has ${cleaned.length}.`);
  return cleaned;
}

export function createTagsRepository(db: DiscoveryDb, { clock = systemClock }: RepositoryDependencies = {}): TagsRepository {
  const settings = createSettingsRepository(db);

  async function noteTagCounts(): Promise<ReadonlyMap<string, number>> {
    const kept = (await readNoteCounts(db))?.tags;
    if (kept) return kept;
    // Until the kept counts exist (a bulk-loaded workspace), the index is walked: slow at scale.
    const counts = new Map<string, number>();
    for (const key of await db.notes.orderBy('tags').keys()) if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  }

  async function merge(rawSources: readonly string[], rawTarget: string): Promise<TagChangeUndo> {
    const target = checkedName(rawTarget, 'tag');
    const sources = [...new Set(rawSources)].filter((source) => source !== target);
    return writeTransaction(db, [db.notes, db.highlights, db.settings], async () => {
      const groups = await settings.get('tagGroups');
      const now = clock();
      const notes = await db.notes.where('tags').anyOf(sources).distinct().toArray();
      const highlights = await db.highlights.where('tags').anyOf(sources).distinct().toArray();
      await db.notes.bulkPut(notes.map((note) => ({ ...note, tags: replaceTags(note.tags, sources, target), updatedAt: now })));
      await db.highlights.bulkPut(highlights.map((highlight) => ({ ...highlight, tags: replaceTags(highlight.tags, sources, target), updatedAt: now })));
      await settings.set('tagGroups', mergeTagGroups(groups, sources, target));
      return {
        notes: notes.map(({ id, tags }) => ({ id, tags })),
        highlights: highlights.map(({ id, tags }) => ({ id, tags })),
        groups,
      };
    });
  }

  return {
    async list() {
      const [noteCounts, highlights, groups] = await db.transaction('r', db.notes, db.highlights, db.meta, db.settings, () =>
        Promise.all([noteTagCounts(), db.highlights.toArray(), settings.get('tagGroups')]),
      );
      return summarizeTags(
        noteCounts,
        highlights.map((highlight) => highlight.tags),
        groups,
      );
    },

    async distinct() {
      const [noteCounts, highlightTags] = await db.transaction('r', db.notes, db.highlights, db.meta, () =>
        Promise.all([noteTagCounts(), db.highlights.orderBy('tags').uniqueKeys()]),
      );
      return unionOfTags(
        [...noteCounts.keys()],
        highlightTags.filter((key): key is string => typeof key === 'string'),
      );
    },

    rename: (from, to) => merge([from], to),

    merge,

    async setGroup(tag, rawGroup) {
      const group = cleanTagName(rawGroup) === '' ? '' : checkedName(rawGroup, 'group');
      return writeTransaction(db, [db.settings], async () => {
        const groups = await settings.get('tagGroups');
        const others = Object.entries(groups).filter(([name]) => name !== tag);
        await settings.set('tagGroups', Object.fromEntries(group === '' ? others : [...others, [tag, group]]));
        return { notes: [], highlights: [], groups };
      });
    },

    undo(change) {
      return writeTransaction(db, [db.notes, db.highlights, db.settings], async () => {
        const now = clock();
        const notes = await db.notes.bulkGet(change.notes.map((row) => row.id));
        const highlights = await db.highlights.bulkGet(change.highlights.map((row) => row.id));
        // Records deleted since stay deleted; the others get their tags back.
        await db.notes.bulkPut(notes.flatMap((note, index) => (note === undefined ? [] : [{ ...note, tags: change.notes[index]?.tags ?? note.tags, updatedAt: now }])));
        await db.highlights.bulkPut(
          highlights.flatMap((highlight, index) => (highlight === undefined ? [] : [{ ...highlight, tags: change.highlights[index]?.tags ?? highlight.tags, updatedAt: now }])),
        );
        await settings.set('tagGroups', change.groups);
      });
    },
  };
}
