import { describe, expect, it } from 'vitest';
import { findWordScale, isOptOutAnswer, scalePointOf, splitNumberedLabel } from '../../../shared/surveys/survey-scale';

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
