import { describe, expect, it } from 'vitest';
import { cleanTagName, groupTagSummaries, mergeTagGroups, replaceTags, summarizeTags, unionOfTags } from '../../../shared/domain/tag-vocabulary';

describe('tag vocabulary', () => {
  it('summarises note and highlight tags as one set, each with both counts and its group', () => {
    const summaries = summarizeTags(new Map([['ci', 3], ['onboarding', 1]]), [['ci', 'flaky'], ['flaky', 'flaky'], []], { flaky: 'Quality' });
    expect(summaries).toEqual([
      { tag: 'ci', noteCount: 3, highlightCount: 1 },
      { tag: 'flaky', noteCount: 0, highlightCount: 2, group: 'Quality' },
      { tag: 'onboarding', noteCount: 1, highlightCount: 0 },
    ]);
  });

  it('replaces merged tags in place, without duplicates, and leaves other lists untouched', () => {
    expect(replaceTags(['a', 'ci-speed', 'b', 'ci'], ['ci-speed'], 'ci')).toEqual(['a', 'ci', 'b']);
    expect(replaceTags(['x', 'old', 'older'], ['old', 'older'], 'new')).toEqual(['x', 'new']);
    const untouched = ['a'];
    expect(replaceTags(untouched, ['b'], 'c')).toBe(untouched);
  });

  it('keeps the target’s group on a merge, else inherits the first source’s, and drops the sources’', () => {
    expect(mergeTagGroups({ a: 'One', b: 'Two' }, ['a'], 'b')).toEqual({ b: 'Two' });
    expect(mergeTagGroups({ a: 'One', c: 'Three' }, ['a'], 'b')).toEqual({ b: 'One', c: 'Three' });
    expect(mergeTagGroups({}, ['a'], 'b')).toEqual({});
  });

  it('groups summaries by name with the ungrouped last, and cleans names', () => {
    const grouped = groupTagSummaries([
      { tag: 'a', noteCount: 1, highlightCount: 0 },
      { tag: 'b', noteCount: 1, highlightCount: 0, group: 'Zeta' },
      { tag: 'c', noteCount: 1, highlightCount: 0, group: 'Alpha' },
    ]);
    expect(grouped.map((entry) => entry.group)).toEqual(['Alpha', 'Zeta', '']);
    expect(cleanTagName('  build   speed ')).toBe('build speed');
    expect(unionOfTags(['b', 'a'], ['a', 'c', ''])).toEqual(['a', 'b', 'c']);
  });
});
