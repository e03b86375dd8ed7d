import { describe, expect, it } from 'vitest';
import { naturalOptionOrder } from '../../../shared/surveys/natural-option-order';

describe('naturalOptionOrder', () => {
  it('orders numeric ranges by their first number, open ends at the ends', () => {
    expect(naturalOptionOrder(['51-200', '201+', '1-10', '11-50'])).toEqual(['1-10', '11-50', '51-200', '201+']);
    expect(naturalOptionOrder(['10 or more', '1', 'Less than 1', '2-5', '6 – 9'])).toEqual(['Less than 1', '1', '2-5', '6 – 9', '10 or more']);
    expect(naturalOptionOrder(['1,001-5,000', '101-1,000', 'Over 5,000', '0-100'])).toEqual(['0-100', '101-1,000', '1,001-5,000', 'Over 5,000']);
  });

  it('keeps words without a number (None, Other) and opt-outs after the numbers', () => {
    expect(naturalOptionOrder(['N/A', '3-5', 'None', '1-2'])).toEqual(['1-2', '3-5', 'N/A', 'None']);
  });

  it('orders the words of a known scale by the scale, opt-outs last', () => {
    expect(naturalOptionOrder(['Often', 'N/A', 'Never', 'Sometimes'])).toEqual(['Never', 'Sometimes', 'Often', 'N/A']);
  });

  it('leaves other lists as they came', () => {
    expect(naturalOptionOrder(['Germany', 'Austria', 'France'])).toEqual(['Germany', 'Austria', 'France']);
    expect(naturalOptionOrder(['Team 2 people', 'Payments', 'Search'])).toEqual(['Team 2 people', 'Payments', 'Search']);
  });
});
