/**
 * One tag vocabulary for notes and highlights: a tag is the same word whether it sits on a note or
 * on a highlight inside one. Tags are derived from the records that carry them (no table of their
 * own); a tag's group is a name kept in the workspace settings.
 */

/** One tag as the tag board shows it. */
export interface TagSummary {
  readonly tag: string;
  /** Notes carrying the tag themselves. */
  readonly noteCount: number;
  /** Highlights carrying the tag. */
  readonly highlightCount: number;
  /** The group the tag was put in; absent when ungrouped. */
  readonly group?: string;
}

/** Tag name to group name. */
export type TagGroups = Readonly<Record<string, string>>;

/** The longest tag or group name kept. */
export const MAX_TAG_LENGTH = 100;

/** A tag or group name as stored: trimmed, inner runs of white space made one space. */
export function cleanTagName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

/**
 * Every tag used on notes or highlights, with both counts and its group, sorted by name.
 * `noteTagCounts` are the kept note counts per tag; `highlightTags` the tags of each highlight.
 */
export function summarizeTags(noteTagCounts: ReadonlyMap<string, number>, highlightTags: readonly (readonly string[])[], groups: TagGroups): TagSummary[] {
  const highlightCounts = new Map<string, number>();
  for (const tags of highlightTags) for (const tag of new Set(tags)) highlightCounts.set(tag, (highlightCounts.get(tag) ?? 0) + 1);
  const names = new Set([...noteTagCounts.keys(), ...highlightCounts.keys()].filter((tag) => tag !== ''));
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((tag) => {
      const group = groups[tag];
      return { tag, noteCount: noteTagCounts.get(tag) ?? 0, highlightCount: highlightCounts.get(tag) ?? 0, ...(group ? { group } : {}) };
    });
}

/** The union of two tag lists, sorted by name, without duplicates or empty names. */
export function unionOfTags(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].filter((tag) => tag !== '').sort((x, y) => x.localeCompare(y));
}

/**
 * A record's tags with every tag in `sources` replaced by `target`, in place of the first one
 * replaced, without duplicates. Returns the same array when nothing changes.
 */
export function replaceTags(tags: readonly string[], sources: readonly string[], target: string): readonly string[] {
  if (!tags.some((tag) => sources.includes(tag))) return tags;
  const next: string[] = [];
  for (const tag of tags) {
    const kept = sources.includes(tag) ? target : tag;
    if (!next.includes(kept)) next.push(kept);
  }
  return next;
}

/**
 * The groups after merging `sources` into `target`: the target keeps its own group, else takes the
 * first source's; the sources' entries are dropped.
 */
export function mergeTagGroups(groups: TagGroups, sources: readonly string[], target: string): TagGroups {
  const inherited = groups[target] ?? sources.map((source) => groups[source]).find((group) => group !== undefined);
  const next: Record<string, string> = {};
  for (const [tag, group] of Object.entries(groups)) if (!sources.includes(tag)) next[tag] = group;
  if (inherited !== undefined) next[target] = inherited;
  return next;
}

/** Tag summaries in their groups: named groups by name, then the ungrouped tags (group ''). */
export function groupTagSummaries(summaries: readonly TagSummary[]): { readonly group: string; readonly tags: readonly TagSummary[] }[] {
  const byGroup = new Map<string, TagSummary[]>();
  for (const summary of summaries) {
    const group = summary.group ?? '';
    byGroup.set(group, [...(byGroup.get(group) ?? []), summary]);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)))
    .map(([group, tags]) => ({ group, tags }));
}
