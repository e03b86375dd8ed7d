import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/** Actions the command palette can ask a screen to start: the screen that owns each one runs it. */
export const ACTION_INTENTS = ['import-survey', 'start-round', 'download-backup', 'export-artifacts', 'plan-chat'] as const;
export type ActionIntent = (typeof ACTION_INTENTS)[number];

const INTENT_PARAM = 'do';
/** An intent's own argument (the person of "plan a chat"), taken out of the address with it. */
const ARGUMENT_PARAM = 'with';

/** The address that opens `path` and asks its screen to start `intent`. */
export function intentPath(path: string, intent: ActionIntent, argument?: string): string {
  const params = new URLSearchParams({ [INTENT_PARAM]: intent, ...(argument === undefined ? {} : { [ARGUMENT_PARAM]: argument }) });
  return `${path}?${params.toString()}`;
}

/**
 * Runs `handler` once when the address asks this screen for `intent` (and `isReady`), then takes
 * the ask out of the address, so a reload or Back does not run it again.
 */
export function useActionIntent(intent: ActionIntent, handler: (argument: string | null) => void, isReady = true): void {
  const [params, setParams] = useSearchParams();
  const isAsked = params.get(INTENT_PARAM) === intent;
  const argument = params.get(ARGUMENT_PARAM);
  const handlerRef = useRef(handler);
  useEffect(() => {
    handlerRef.current = handler;
  });
  // Until the address drops the ask, a second effect run (StrictMode, a re-render) must not repeat it.
  const hasRun = useRef(false);
  useEffect(() => {
    if (!isAsked) {
      hasRun.current = false;
      return;
    }
    if (!isReady || hasRun.current) return;
    hasRun.current = true;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(INTENT_PARAM);
        next.delete(ARGUMENT_PARAM);
        return next;
      },
      { replace: true },
    );
    handlerRef.current(argument);
  }, [isAsked, isReady, argument, setParams]);
}
