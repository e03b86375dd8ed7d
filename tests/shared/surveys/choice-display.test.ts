import { describe, expect, it } from 'vitest';
import { choiceDisplay } from '../../../shared/surveys/choice-display';
import type { OptionCount } from '../../../shared/surveys/survey-results';

const counts = (entries: readonly [string, number][]): OptionCount[] => entries.map(([option, count]) => ({ option, count, percent: count }));
const names = (list: readonly OptionCount[]) => list.map((option) => option.option);

describe('how choice results are shown', () => {
  it('orders nominal choices by count, most first, ties in the question order', () => {
    const shown = choiceDisplay({ type: 'single-choice' }, counts([['Go', 2], ['Rust', 5], ['Java', 2], ['Python', 9]]));
    expect(names(shown.shown)).toEqual(['Python', 'Rust', 'Go', 'Java']);
    expect(shown.oneOffs).toEqual([]);
  });

  it('keeps scales and numeric ranges in their natural order', () => {
    const scale = counts([['Disagree', 1], ['Neutral', 4], ['Agree', 9]]).map((option, index) => ({ ...option, value: index + 1 }));
    expect(names(choiceDisplay({ type: 'scale' }, scale).shown)).toEqual(['Disagree', 'Neutral', 'Agree']);
    const sizes = counts([['1-10', 2], ['11-50', 7], ['51-200', 3], ['201+', 1]]);
    expect(names(choiceDisplay({ type: 'single-choice' }, sizes).shown)).toEqual(['1-10', '11-50', '51-200', '201+']);
  });

  it('folds one-off write-ins of a long list into Other, never a short list or a single one-off', () => {
    const long = counts([['CI', 8], ['Grafana', 6], ['Terraform', 4], ['Vault', 2], ['my own scripts', 1], ['Jenkins X', 1], ['a spreadsheet', 1]]);
    const shown = choiceDisplay({ type: 'multi-choice' }, long);
    expect(names(shown.shown)).toEqual(['CI', 'Grafana', 'Terraform', 'Vault']);
    expect(names(shown.oneOffs)).toEqual(['my own scripts', 'Jenkins X', 'a spreadsheet']);
    expect(choiceDisplay({ type: 'multi-choice' }, long.slice(0, 6)).oneOffs).toEqual([]);
    expect(choiceDisplay({ type: 'multi-choice' }, [...long.slice(0, 5), ...counts([['x', 3], ['y', 3]])]).oneOffs).toEqual([]);
  });
});
