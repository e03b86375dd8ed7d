import type { Channel } from './channel';
import { DAY_MS } from './clock';

/**
 * The note channels that take someone's time: a chat, a check-in, a group or an SLA conversation.
 * Survey-response notes are left out: they are made from a survey response, which counts once per
 * survey on its own (a survey with five free-text answers is one ask, not five).
 */
export const ASK_CHANNELS: readonly Channel[] = ['coffee-chat', 'email-check-in', 'discussion-group', 'sla'];

/** Whether a note of this channel asks for someone's time. */
export function isAskChannel(channel: Channel): boolean {
  return ASK_CHANNELS.includes(channel);
}


/** The windows research load is counted over, in days. */
export const LOAD_WINDOWS = [30, 90] as const;

/** One ask of someone's time: a note of an ask channel, or one survey they answered. */
export interface Ask {
  readonly kind: 'note' | 'survey';
  /** The note id, or the survey id (one ask per survey, however many answers). */
  readonly sourceId: string;
  readonly at: number;
}

/** Asks in the last 30 and 90 days, counting the current day. */
export interface ResearchLoad {
  readonly last30: number;
  readonly last90: number;
}

/** How many asks a person or a team may get per window before the app warns. */
export interface ResearchBudget {
  readonly personPer30Days: number;
  readonly personPer90Days: number;
  readonly teamPer30Days: number;
  readonly teamPer90Days: number;
}

/** At most 2 asks per person per 30 days (5 per 90), 10 per team per 30 days (25 per 90). */
export const DEFAULT_RESEARCH_BUDGET: ResearchBudget = { personPer30Days: 2, personPer90Days: 5, teamPer30Days: 10, teamPer90Days: 25 };

/**
 * Counts asks in the last 30 and 90 days before `now`: each note once, each survey once (however
 * many of its responses or answers are listed). Asks dated after `now` (planned) are not counted.
 */
export function countResearchLoad(asks: readonly Ask[], now: number): ResearchLoad {
  const seen = new Set<string>();
  let last30 = 0;
  let last90 = 0;
  for (const ask of asks) {
    const key = `${ask.kind}:${ask.sourceId}`;
    if (seen.has(key) || ask.at > now) continue;
    const age = now - ask.at;
    if (age >= 90 * DAY_MS) continue;
    seen.add(key);
    last90 += 1;
    if (age < 30 * DAY_MS) last30 += 1;
  }
  return { last30, last90 };
}

/** Where a load stands against its limits. */
export interface BudgetCheck {
  readonly isOver: boolean;
  /** Whether one more ask would go over a limit. */
  readonly isFull: boolean;
  readonly limit30: number;
  readonly limit90: number;
}

/** Compares a person's or a team's load with the budget's limits for that kind. */
export function checkBudget(load: ResearchLoad, budget: ResearchBudget, kind: 'person' | 'team'): BudgetCheck {
  const limit30 = kind === 'person' ? budget.personPer30Days : budget.teamPer30Days;
  const limit90 = kind === 'person' ? budget.personPer90Days : budget.teamPer90Days;
  return {
    isOver: load.last30 > limit30 || load.last90 > limit90,
    isFull: load.last30 + 1 > limit30 || load.last90 + 1 > limit90,
    limit30,
    limit90,
  };
}

/**
 * The warning shown before another ask of someone whose budget is used up, with the numbers;
 * null when one more ask still fits. `load` must not already count the ask being made.
 */
export function anotherAskWarning(name: string, load: ResearchLoad, budget: ResearchBudget, kind: 'person' | 'team' = 'person'): string | null {
  const check = checkBudget(load, budget, kind);
  if (!check.isFull) return null;
  if (check.isOver) {
    // Already past a limit: say so, rather than that one more ask would go over it.
    const isOver30 = load.last30 > check.limit30;
    const numbers = isOver30 ? `${askCount(load.last30)} in the last 30 days (budget ${check.limit30})` : `${askCount(load.last90)} in the last 90 days (budget ${check.limit90})`;
    return `${name} has had ${numbers}: already over the budget, and this ask adds one more.`;
  }
  const isFull30 = load.last30 + 1 > check.limit30;
  const numbers = isFull30 ? `${askCount(load.last30)} in the last 30 days (budget ${check.limit30})` : `${askCount(load.last90)} in the last 90 days (budget ${check.limit90})`;
  return `${name} has had ${numbers}; one more ask goes over the budget.`;
}

function askCount(count: number): string {
  return count === 1 ? '1 ask' : `${count} asks`;
}

/** The number of days since a moment, rounded down; null when it never happened. */
export function daysSince(at: number | undefined, now: number): number | null {
  return at === undefined ? null : Math.max(0, Math.floor((now - at) / DAY_MS));
}

/** Whether a contact met every `cadenceDays` days is due: never met, or not met for longer. */
export function isCadenceDue(cadenceDays: number | undefined, lastMetAt: number | undefined, now: number): boolean {
  if (cadenceDays === undefined || cadenceDays <= 0) return false;
  const days = daysSince(lastMetAt, now);
  return days === null || days >= cadenceDays;
}
