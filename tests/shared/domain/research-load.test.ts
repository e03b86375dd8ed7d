import { describe, expect, it } from 'vitest';
import { anotherAskWarning, checkBudget, countResearchLoad, DEFAULT_RESEARCH_BUDGET, isAskChannel, isCadenceDue, type Ask } from '../../../shared/domain/research-load';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 5, 12);
const note = (id: string, daysAgo: number): Ask => ({ kind: 'note', sourceId: id, at: NOW - daysAgo * DAY });
const survey = (id: string, daysAgo: number): Ask => ({ kind: 'survey', sourceId: id, at: NOW - daysAgo * DAY });

describe('research load', () => {
  it('counts chats, groups and SLA conversations, not research or survey-response notes', () => {
    expect(['coffee-chat', 'email-check-in', 'discussion-group', 'sla'].every((channel) => isAskChannel(channel as never))).toBe(true);
    expect(isAskChannel('survey-response')).toBe(false);
    expect(isAskChannel('research')).toBe(false);
    expect(isAskChannel('brainstorm')).toBe(false);
  });

  it('counts asks in the last 30 and 90 days, at the window edges', () => {
    const asks = [note('a', 0), note('b', 29.9), note('c', 30), note('d', 89.9), note('e', 90), note('f', 400)];
    expect(countResearchLoad(asks, NOW)).toEqual({ last30: 2, last90: 4 });
  });

  it('counts a survey once however many responses or answers list it, and each note once', () => {
    const asks = [survey('s1', 3), survey('s1', 3), survey('s1', 5), note('s1', 4), note('n', 1), note('n', 1)];
    expect(countResearchLoad(asks, NOW)).toEqual({ last30: 3, last90: 3 });
  });

  it('leaves planned (future) asks out', () => {
    expect(countResearchLoad([note('later', -2)], NOW)).toEqual({ last30: 0, last90: 0 });
  });

  it('is empty for nobody', () => {
    expect(countResearchLoad([], NOW)).toEqual({ last30: 0, last90: 0 });
  });
});

describe('budgets', () => {
  const budget = { ...DEFAULT_RESEARCH_BUDGET, personPer30Days: 2, personPer90Days: 5 };

  it('is full when one more ask goes over a limit, over when the load already does', () => {
    expect(checkBudget({ last30: 1, last90: 1 }, budget, 'person')).toMatchObject({ isFull: false, isOver: false });
    expect(checkBudget({ last30: 2, last90: 2 }, budget, 'person')).toMatchObject({ isFull: true, isOver: false });
    expect(checkBudget({ last30: 3, last90: 3 }, budget, 'person')).toMatchObject({ isFull: true, isOver: true });
    expect(checkBudget({ last30: 0, last90: 5 }, budget, 'person')).toMatchObject({ isFull: true, isOver: false });
  });

  it('uses the team limits for teams', () => {
    expect(checkBudget({ last30: 9, last90: 9 }, DEFAULT_RESEARCH_BUDGET, 'team').isFull).toBe(false);
    expect(checkBudget({ last30: 10, last90: 10 }, DEFAULT_RESEARCH_BUDGET, 'team').isFull).toBe(true);
  });

  it('warns before a third ask in 30 days with the numbers, and not before the second', () => {
    expect(anotherAskWarning('Ada', { last30: 1, last90: 1 }, budget)).toBeNull();
    expect(anotherAskWarning('Ada', { last30: 2, last90: 2 }, budget)).toBe('Ada has had 2 asks in the last 30 days (budget 2); one more ask goes over the budget.');
    expect(anotherAskWarning('Ada', { last30: 1, last90: 5 }, budget)).toBe('Ada has had 5 asks in the last 90 days (budget 5); one more ask goes over the budget.');
  });

  it('says a person already over the budget is over it, not that one more ask would go over', () => {
    expect(anotherAskWarning('Ada', { last30: 3, last90: 3 }, budget)).toBe('Ada has had 3 asks in the last 30 days (budget 2): already over the budget, and this ask adds one more.');
    expect(anotherAskWarning('Ada', { last30: 1, last90: 6 }, budget)).toBe('Ada has had 6 asks in the last 90 days (budget 5): already over the budget, and this ask adds one more.');
  });
});

describe('cadence', () => {
  it('is due when never met or not met for the cadence, never without one', () => {
    expect(isCadenceDue(30, undefined, NOW)).toBe(true);
    expect(isCadenceDue(30, NOW - 31 * DAY, NOW)).toBe(true);
    expect(isCadenceDue(30, NOW - 29 * DAY, NOW)).toBe(false);
    expect(isCadenceDue(undefined, undefined, NOW)).toBe(false);
  });
});
