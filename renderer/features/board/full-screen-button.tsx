import { useState } from 'react';

/** What the person sees when the browser or the desktop app refuses full screen. */
export const FULL_SCREEN_REFUSED =
  'Full screen was refused. Use your window’s own full-screen control instead (F11, or Ctrl+Cmd+F on a Mac).';

/** The part of `document` the button uses, so a test can stand in for a refusing browser. */
export interface FullScreenDocument {
  readonly fullscreenElement: Element | null;
  readonly documentElement: { readonly requestFullscreen?: HTMLElement['requestFullscreen'] };
  exitFullscreen(): Promise<void>;
}

/**
 * Enters or leaves full screen for the whole app. A refusal (the browser's or the desktop app's
 * permission handler) is said in words through `onProblem`, never swallowed.
 */
export function FullScreenButton({
  onProblem,
  fullScreenDocument = document,
}: {
  readonly onProblem: (message: string | null) => void;
  readonly fullScreenDocument?: FullScreenDocument;
}) {
  // Only this button's own message is cleared on a later success, never someone else's problem.
  const [refused, setRefused] = useState(false);
  const refuse = () => {
    setRefused(true);
    onProblem(FULL_SCREEN_REFUSED);
  };
  const toggle = async () => {
    if (fullScreenDocument.fullscreenElement) {
      await fullScreenDocument.exitFullscreen().catch(() => undefined);
      return;
    }
    const root = fullScreenDocument.documentElement;
    if (root.requestFullscreen === undefined) {
      refuse();
      return;
    }
    try {
      await root.requestFullscreen();
    } catch {
      refuse();
      return;
    }
    if (refused) {
      setRefused(false);
      onProblem(null);
    }
  };
  return (
    <button type="button" className="button" onClick={() => void toggle()}>
      Projector full screen
    </button>
  );
}
