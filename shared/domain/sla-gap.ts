import type { SlaMetric } from './note';

/** How what is offered compares with what users expect. */
export type SlaComparison = 'gap' | 'met' | 'not-offered' | 'unknown';

interface Quantity {
  readonly kind: 'percent' | 'duration' | 'rate';
  readonly value: number;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ms: 1, millisecond: 1, milliseconds: 1,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
};

/** Reads "99.95%", "200 ms", "5 min", "1,000 rps" or "2k req/s" from free text; null if none. */
export function parseSlaQuantity(text: string): Quantity | null {
  const normalised = text.toLowerCase().replace(/(\d),(\d)/g, '$1$2');
  const percent = /(\d+(?:\.\d+)?)\s*%/.exec(normalised);
  if (percent?.[1]) return { kind: 'percent', value: Number(percent[1]) };
  const duration = /(\d+(?:\.\d+)?)\s*(milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d)\b/.exec(normalised);
  if (duration?.[1] && duration[2]) return { kind: 'duration', value: Number(duration[1]) * (DURATION_UNITS[duration[2]] ?? 1) };
  const rate = /(\d+(?:\.\d+)?)\s*(k)?\s*(?:rps|req(?:uests)?\s*\/\s*s|qps|ops\s*\/\s*s|\/\s*s)/.exec(normalised);
  if (rate?.[1]) return { kind: 'rate', value: Number(rate[1]) * (rate[2] ? 1000 : 1) };
  return null;
}

const LOWER_IS_BETTER: Readonly<Record<Quantity['kind'], boolean>> = { percent: false, duration: true, rate: false };

const NOTHING_OFFERED = /^(none|n\/a|no|nothing|-)$/i;
// Words that promise no number at all: against a numeric expectation that is a gap, not "cannot compare".
const NO_COMMITMENT = /\b(best[\s-]*effort|no\s+sla|no\s+(?:guarantee|commitment)s?|not\s+guaranteed|unguaranteed)\b/i;

/**
 * Compares what users expect with what is offered (or measured). Availability and throughput
 * must reach the target; latency and freshness must stay under it. "Best effort" (or "no SLA",
 * "not guaranteed") against a numeric expectation is a gap. Other text that cannot be read as
 * the same kind of quantity is 'unknown', never a guess.
 */
export function compareSla(metric: SlaMetric, expected: string, offered: string | undefined): SlaComparison {
  if (offered === undefined || offered.trim() === '' || NOTHING_OFFERED.test(offered.trim())) {
    return expected.trim() === '' ? 'unknown' : 'not-offered';
  }
  const want = parseSlaQuantity(expected);
  const have = parseSlaQuantity(offered);
  if (want !== null && have === null && NO_COMMITMENT.test(offered)) return 'gap';
  if (!want || !have || want.kind !== have.kind) return 'unknown';
  const isLowerBetter = metric === 'latency' || metric === 'freshness' || (metric === 'other' && LOWER_IS_BETTER[want.kind]);
  const isMet = isLowerBetter ? have.value <= want.value : have.value >= want.value;
  return isMet ? 'met' : 'gap';
}

/** The SLA fields a rule needs: the expectation and what is offered and measured today. */
export interface SlaFacts {
  readonly service: string;
  readonly metric: SlaMetric;
  readonly expected: string;
  readonly offered?: string;
  readonly measured?: string;
}

/** An SLA conversation judged once, for every screen and export that shows it. */
export interface SlaAssessment {
  /** What is offered against what users expect. */
  readonly offered: SlaComparison;
  /** What is measured against what users expect; null when nothing is measured. */
  readonly measured: SlaComparison | null;
  /** The one answer to "is this a gap?": offered below target or not offered at all, or measured below target. */
  readonly hasGap: boolean;
}

/**
 * The one rule for SLA gaps (board buckets, Discovery's SLA table, the user-pain list): a gap
 * when what is offered falls short of what users expect, when nothing is offered, or when what
 * is measured falls short, even if the offer on paper meets it.
 */
export function assessSla(sla: SlaFacts): SlaAssessment {
  const offered = compareSla(sla.metric, sla.expected, sla.offered);
  const measured = sla.measured === undefined || sla.measured.trim() === '' ? null : compareSla(sla.metric, sla.expected, sla.measured);
  return { offered, measured, hasGap: offered === 'gap' || offered === 'not-offered' || measured === 'gap' };
}

/** One line naming an SLA expectation and what stands against it, e.g. "Build cache (availability): users expect 99.95%, offered best effort". */
export function describeSla(sla: SlaFacts): string {
  const service = sla.service.trim() || 'A service';
  const offered = sla.offered === undefined || sla.offered.trim() === '' ? 'nothing offered' : `offered ${sla.offered.trim()}`;
  const measured = sla.measured === undefined || sla.measured.trim() === '' ? '' : `, measured ${sla.measured.trim()}`;
  return `${service} (${sla.metric}): users expect ${sla.expected.trim() || 'an unstated target'}, ${offered}${measured}`;
}
