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

/**
 * Compares what users expect with what is offered (or measured). Availability and throughput
 * must reach the target; latency and freshness must stay under it. Text that cannot be read as
 * the same kind of quantity is 'unknown', never a guess.
 */
export function compareSla(metric: SlaMetric, expected: string, offered: string | undefined): SlaComparison {
  if (offered === undefined || offered.trim() === '' || /^(none|n\/a|no|nothing|-)$/i.test(offered.trim())) {
    return expected.trim() === '' ? 'unknown' : 'not-offered';
  }
  const want = parseSlaQuantity(expected);
  const have = parseSlaQuantity(offered);
  if (!want || !have || want.kind !== have.kind) return 'unknown';
  const isLowerBetter = metric === 'latency' || metric === 'freshness' || (metric === 'other' && LOWER_IS_BETTER[want.kind]);
  const isMet = isLowerBetter ? have.value <= want.value : have.value >= want.value;
  return isMet ? 'met' : 'gap';
}
