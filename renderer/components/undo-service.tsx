import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { userMessage } from '../errors/user-message';
import { useToast, type Toast } from './toast';

/** A change that can be put back: what it did, in words, and how to undo it. */
export interface UndoableAction {
  /** What the change did, as the toast says it ("Deleted “Kickoff”"). */
  readonly label: string;
  /** Puts the change back; a rejection is shown as "Not undone: …" (throw a UserError to say why). */
  readonly undo: () => Promise<void> | void;
}

export interface UndoService {
  /** Shows `label` in a toast whose Undo button runs the action through `run`. */
  readonly offer: (action: UndoableAction) => void;
  /**
   * Undoes the action once: awaits it and shows "Undone: …" or "Not undone: …". Resolves true when
   * it was undone; false when it failed, was already undone, or another undo was still running.
   */
  readonly run: (action: UndoableAction) => Promise<boolean>;
}

/** The one undo service: every Undo button, toast and shortcut goes through it. */
export function createUndoService(showToast: (toast: Toast) => void): UndoService {
  let isRunning = false;
  const undone = new WeakSet<UndoableAction>();
  const run = async (action: UndoableAction): Promise<boolean> => {
    if (isRunning || undone.has(action)) return false;
    isRunning = true;
    showToast({ message: `Undoing: ${action.label}…` });
    try {
      await action.undo();
      undone.add(action);
      showToast({ message: `Undone: ${action.label}` });
      return true;
    } catch (error) {
      showToast({ message: `Not undone: ${userMessage(error, `undoing “${action.label}”`)}`, isProblem: true });
      return false;
    } finally {
      isRunning = false;
    }
  };
  return {
    run,
    offer: (action) => showToast({ message: action.label, actionLabel: 'Undo', onAction: () => void run(action) }),
  };
}

const UndoContext = createContext<UndoService | null>(null);

/** Holds the one undo service of the window; place it inside the ToastProvider. */
export function UndoProvider({ children }: { readonly children: ReactNode }) {
  const showToast = useToast();
  const service = useMemo(() => createUndoService(showToast), [showToast]);
  return <UndoContext.Provider value={service}>{children}</UndoContext.Provider>;
}

/** The window's undo service (outside an UndoProvider, one of this component's own). */
export function useUndo(): UndoService {
  const provided = useContext(UndoContext);
  const showToast = useToast();
  const [own] = useState(() => createUndoService(showToast));
  return provided ?? own;
}
