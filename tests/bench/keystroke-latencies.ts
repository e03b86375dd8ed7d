import type { KeystrokeRecord, ShownQueryRecord } from './page-probe';

export interface KeystrokeLatencies {
  /** Keydown to results shown, one per keystroke that changed the query. */
  readonly latencies: readonly number[];
  /** Keystrokes that left the query as it was (a trailing space). */
  readonly unchanged: number;
  /** Keystrokes whose own results never showed: a later keystroke's results answered them. */
  readonly superseded: number;
  /** The values of keystrokes after which nothing as new was ever shown. */
  readonly unanswered: readonly string[];
}

/** The query as a search would read it: trimmed, inner spaces collapsed, case ignored. */
function queryKey(value: string): string {
  return value.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * For each keystroke, the time from its keydown until the results shown reflect it: the first
 * showing, after the keydown, of its own query or of a query typed after it in the same run.
 * Counting a keystroke whose results were skipped (debounced, superseded) by when newer results
 * arrived keeps slow searches from hiding themselves. A keystroke that empties the box (clearing
 * it between queries) is no search: it ends a run and is not timed.
 */
export function keystrokeLatencies(keystrokes: readonly KeystrokeRecord[], shown: readonly ShownQueryRecord[]): KeystrokeLatencies {
  const keys = keystrokes.map(({ value }) => queryKey(value));
  const latencies: number[] = [];
  let unchanged = 0;
  let superseded = 0;
  const unanswered: string[] = [];
  for (const [index, { keydownAt, value }] of keystrokes.entries()) {
    const key = keys[index];
    if (key === '') continue;
    if (index > 0 && key === keys[index - 1]) {
      unchanged += 1;
      continue;
    }
    const runEnd = keys.indexOf('', index);
    const answers = new Set(keys.slice(index, runEnd === -1 ? undefined : runEnd));
    const match = shown.find((entry) => entry.at >= keydownAt && answers.has(queryKey(entry.query)));
    if (match === undefined) {
      unanswered.push(value);
      continue;
    }
    if (queryKey(match.query) !== key) superseded += 1;
    latencies.push(match.at - keydownAt);
  }
  return { latencies, unchanged, superseded, unanswered };
}
