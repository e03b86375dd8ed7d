import { describe, expect, it } from 'vitest';
import { findWordScale, isOptOutAnswer, mergeWordScales, scalePointOf, splitNumberedLabel } from '../../../shared/surveys/survey-scale';

describe('findWordScale', () => {
  it('finds the shortest list of scale words holding every answer: only the points answered, in its order and the file’s spelling', () => {
    expect(findWordScale(['agree', 'Strongly Disagree', 'N/A'])).toEqual({ min: 1, max: 2, labels: ['Strongly Disagree', 'agree'] });
    // A 4-point agree scale gets no "Neither … nor" midpoint; "Never … Often" no "Always".
    expect(findWordScale(['Agree', 'Strongly disagree', 'Disagree', 'Strongly agree'])?.labels).toEqual(['Strongly disagree', 'Disagree', 'Agree', 'Strongly agree']);
    expect(findWordScale(['Often', 'Never', 'Sometimes'])?.labels).toEqual(['Never', 'Sometimes', 'Often']);
    expect(findWordScale(['Agree', 'Somewhat agree'])?.labels).toEqual(['Somewhat agree', 'Agree']);
    expect(findWordScale(['Very easy', 'Somewhat Easy', 'Difficult'])?.labels).toEqual(['Difficult', 'Somewhat Easy', 'Very easy']);
    expect(findWordScale(['Never’', 'Sometimes'])).toBeNull();
    expect(findWordScale(['Agree'])).toBeNull();
    expect(findWordScale(['Poor', 'Fair', 'Good', 'Excellent'])).toBeNull();
  });
});

describe('opt-outs and numbered labels', () => {
  it('knows the usual opt-outs, whatever the apostrophe', () => {
    expect(['N/A', 'n/a', 'I don’t know', "Don't know", 'Prefer not to say', ' not applicable '].every(isOptOutAnswer)).toBe(true);
    expect(['No', 'None', 'Never', 'I know'].some(isOptOutAnswer)).toBe(false);
  });

  it('splits `5 - Very satisfied` style answers', () => {
    expect(splitNumberedLabel('5 - Very satisfied')).toEqual({ point: 5, label: 'Very satisfied' });
    expect(splitNumberedLabel('0 (Not at all likely)')).toEqual({ point: 0, label: 'Not at all likely' });
    expect(splitNumberedLabel('1 = Poor')).toEqual({ point: 1, label: 'Poor' });
    expect(splitNumberedLabel('Satisfied')).toBeNull();
  });
});

describe('scalePointOf', () => {
  const scale = { min: 1, max: 5, labels: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'] };

  it('maps numbers, numbered labels and words to points', () => {
    expect(['4', '4.0', '2 - Dissatisfied', 'very SATISFIED', ' Neutral '].map((text) => scalePointOf(text, scale))).toEqual([4, 4, 2, 5, 3]);
  });

  it('reads opt-outs and empty cells as no answer, and refuses what is off the scale', () => {
    expect(scalePointOf('N/A', scale)).toBeNull();
    expect(scalePointOf('  ', scale)).toBeNull();
    expect(scalePointOf('6', scale)).toBeUndefined();
    expect(scalePointOf('Meh', scale)).toBeUndefined();
    expect(scalePointOf('7 - Great', { min: 0, max: 10 })).toBe(7);
  });
});

describe('mergeWordScales', () => {
  const stored = { min: 1, max: 3, labels: ['Dissatisfied', 'Satisfied', 'Very satisfied'] };

  it('puts a newer file’s extra points into the scale’s order and maps both sides’ points by their words', () => {
    const file = { min: 1, max: 3, labels: ['very dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied'] };
    const merged = mergeWordScales(stored, file);
    expect(merged?.scale).toEqual({ min: 1, max: 5, labels: ['very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'] });
    expect([...(merged?.fromStored ?? [])]).toEqual([[1, 2], [2, 4], [3, 5]]);
    expect([...(merged?.fromFile ?? [])]).toEqual([[1, 1], [2, 3], [3, 4]]);
  });

  it('maps a file holding fewer points onto the stored numbering, keeping the stored scale', () => {
    const merged = mergeWordScales(stored, { min: 1, max: 2, labels: ['Satisfied', 'Very satisfied'] });
    expect(merged?.scale.labels).toEqual(stored.labels);
    expect([...(merged?.fromStored ?? [])]).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect([...(merged?.fromFile ?? [])]).toEqual([[1, 2], [2, 3]]);
  });

  it('leaves numbers, numbered labels and identical scales alone', () => {
    expect(mergeWordScales({ min: 1, max: 5 }, { min: 1, max: 4 })).toBeNull();
    expect(mergeWordScales({ min: 1, max: 3, labels: ['1 - Keine', '', '3 - Viele'] }, { min: 1, max: 3, labels: ['1 - Keine', '2 - Wenige', ''] })).toBeNull();
    expect(mergeWordScales(stored, { min: 1, max: 3, labels: ['dissatisfied', 'SATISFIED', 'Very satisfied'] })).toBeNull();
  });
});
