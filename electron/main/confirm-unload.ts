import type { MessageBoxSyncOptions } from 'electron';

/** The part of Electron's `dialog` used here, over any window type. */
export interface MessageBoxDialog<W> {
  showMessageBoxSync(window: W, options: MessageBoxSyncOptions): number;
  showMessageBoxSync(options: MessageBoxSyncOptions): number;
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The question asked when the page says it still has unsaved edits (its beforeunload handler). */
export const UNSAVED_CHANGES_PROMPT: MessageBoxSyncOptions = {
  type: 'warning',
  buttons: ['Keep editing', 'Close anyway'],
  defaultId: 0,
  cancelId: 0,
  message: 'Some changes are not saved yet',
  detail: 'Discovery Desk is still saving your last edits. Keep editing to let it finish; closing now loses them.',
};

/**
 * A `will-prevent-unload` handler. Electron silently refuses to close a page whose beforeunload
 * handler objects, so without this the window would just stay open; here the user decides.
 */
export function confirmUnload<W>(dialog: MessageBoxDialog<W>, getWindow: () => W | null): (event: PreventableEvent) => void {
  return (event) => {
    const window = getWindow();
    const choice = window === null ? dialog.showMessageBoxSync(UNSAVED_CHANGES_PROMPT) : dialog.showMessageBoxSync(window, UNSAVED_CHANGES_PROMPT);
    // preventDefault here overrides the page's objection and lets the window close.
    if (choice === 1) event.preventDefault();
  };
}
