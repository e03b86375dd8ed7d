import { describe, expect, it } from 'vitest';
import { applyCharterChanges, applyVisionChanges, createCharter, createVision } from '../../../shared/domain/apply-artifact-changes';

const cited = (noteId: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x' }, { type: 'citation', attrs: { kind: 'note', noteId } }] }] });

describe('charter changes', () => {
  it('cleans each section and derives the citations of all three', () => {
    const charter = applyCharterChanges(
      createCharter('c', 'r', 1),
      { uniqueValue: cited('n1'), strategy: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'y', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] } },
      2,
    );
    expect(charter.citations).toEqual([{ kind: 'note', noteId: 'n1' }]);
    expect(charter.sections.strategy.content?.[0]?.content).toEqual([{ type: 'text', text: 'y' }]);
    expect(charter.sections.competitiveAdvantages).toEqual({ type: 'doc', content: [] });
    expect(charter.updatedAt).toBe(2);
  });
});

describe('vision changes', () => {
  it('keeps three years, trims theme titles and derives each year’s citations', () => {
    const vision = applyVisionChanges(createVision('v', 'r', 1), [{ year: 2, themes: [{ id: 't1', title: '  Self-service   deploys ' }], body: cited('n2') }], 2);
    expect(vision.years.map((year) => year.year)).toEqual([1, 2, 3]);
    expect(vision.years[1]?.themes).toEqual([{ id: 't1', title: 'Self-service deploys' }]);
    expect(vision.years[1]?.citations).toEqual([{ kind: 'note', noteId: 'n2' }]);
    expect(vision.years[0]?.citations).toEqual([]);
  });

  it('refuses a theme without a title, a malformed id and an id used twice, naming the year', () => {
    const vision = createVision('v', 'r', 1);
    expect(() => applyVisionChanges(vision, [{ year: 1, themes: [{ id: 't1', title: ' ' }] }], 2)).toThrow('Year 1, theme 1 needs a title.');
    expect(() => applyVisionChanges(vision, [{ year: 3, themes: [{ id: '<x>', title: 'A' }] }], 2)).toThrow('Year 3, theme 1: its id is not valid.');
    expect(() =>
      applyVisionChanges(vision, [{ year: 1, themes: [{ id: 't1', title: 'A' }] }, { year: 2, themes: [{ id: 't1', title: 'B' }] }], 2),
    ).toThrow('Year 2: theme “B” has an id used by another theme.');
  });
});
