export interface LongTaskRecord {
  readonly startTime: number;
  readonly duration: number;
}

/** A key press in a text field and the field's value right after it. */
export interface KeystrokeRecord {
  readonly keydownAt: number;
  readonly value: string;
}

/** The moment the results of `query` were in the DOM (the contract's data-search-query changed). */
export interface ShownQueryRecord {
  readonly at: number;
  readonly query: string;
}

export interface PageProbe {
  readonly longTasks: LongTaskRecord[];
  readonly keystrokes: KeystrokeRecord[];
  readonly shownQueries: ShownQueryRecord[];
}

/** The selector of the search contract: the results container. */
export const SEARCH_RESULTS_SELECTOR = '[aria-label="Search results"]';

/**
 * Installed with addInitScript, so it runs in every document before the app's own scripts.
 * Playwright sends its source text: it may use nothing from outside its own body.
 */
export function installPageProbe(): void {
  const probe: PageProbe = { longTasks: [], keystrokes: [], shownQueries: [] };
  window.discoveryBenchProbe = probe;

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push({ startTime: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // Browsers without the Long Tasks API report no tasks; the scenarios then say so.
  }

  let pendingKeydownAt: number | null = null;
  window.addEventListener(
    'keydown',
    (event) => {
      if (!(event.target instanceof HTMLInputElement)) return;
      const now = performance.now();
      // event.timeStamp is when the key was pressed, so time spent queued behind a busy main thread counts.
      pendingKeydownAt = event.timeStamp > 0 && event.timeStamp <= now && now - event.timeStamp < 10_000 ? event.timeStamp : now;
    },
    true,
  );
  // A key that changed nothing (no input event) must not lend its time to a later, keyless input.
  window.addEventListener(
    'keyup',
    () => {
      pendingKeydownAt = null;
    },
    true,
  );
  window.addEventListener(
    'input',
    (event) => {
      if (pendingKeydownAt === null || !(event.target instanceof HTMLInputElement)) return;
      probe.keystrokes.push({ keydownAt: pendingKeydownAt, value: event.target.value });
      pendingKeydownAt = null;
    },
    true,
  );

  let lastElement: Element | null = null;
  let lastQuery: string | null = null;
  new MutationObserver(() => {
    const element = document.querySelector('[aria-label="Search results"]');
    const query = element?.getAttribute('data-search-query') ?? null;
    if (element !== null && query !== null && (query !== lastQuery || element !== lastElement)) {
      probe.shownQueries.push({ at: performance.now(), query });
    }
    lastElement = element;
    lastQuery = query;
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-search-query', 'aria-label'] });
}
