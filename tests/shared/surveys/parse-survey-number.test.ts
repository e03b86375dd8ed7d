import { describe, expect, it } from 'vitest';
import { hasLeadingZero, parseSurveyNumber } from '../../../shared/surveys/parse-survey-number';

describe('parseSurveyNumber', () => {
  it('reads plain, decimal, signed and exponent numbers', () => {
    expect(['42', ' -3.5 ', '4.0', '.5', '+7', '1e3', '0'].map(parseSurveyNumber)).toEqual([42, -3.5, 4, 0.5, 7, 1000, 0]);
  });

  it('reads US thousands, a decimal comma and spaced thousands', () => {
    expect(['1,234.5', '1,500', '3,5', '10 000', '1\u00a0000'].map(parseSurveyNumber)).toEqual([1234.5, 1500, 3.5, 10000, 1000]);
  });

  it('refuses words, units, currencies and empty cells', () => {
    expect(['', 'lots', '$5', '50%', '5 years', '1-5', '1,2,3', 'Infinity', 'NaN', '0x10'].map(parseSurveyNumber)).toEqual(Array(10).fill(null));
  });

  it('spots leading zeros', () => {
    expect(['007', '02139', '-01', '0', '0.5', '10'].map(hasLeadingZero)).toEqual([true, true, true, false, false, false]);
  });
});
