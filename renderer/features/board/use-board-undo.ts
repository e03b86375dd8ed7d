import { useCallback, useEffect, useRef, useState } from 'react';
import { useUndo, type UndoableAction } from '../../components/undo-service';
import { useRepositories, type BoardChange } from '../../db';
import { userMessage } from '../../errors/user-message';

const UNDO_DEPTH = 50;

export interface BoardUndo {
  /**
   * Runs a board move; on success it can be undone (button, shortcut and a toast), on failure the
   * problem is shown. With `toast: 'later'` the toast waits for `offer` (a new bucket's title is
   * typed after it is created, and the toast names it).
   */
  readonly perform: (move: () => Promise<BoardChange>, options?: { readonly toast?: 'now' | 'later' }) => Promise<BoardChange | null>;
  /** Offers the Undo toast of a change made with `toast: 'later'`, under a new label; nothing when it is gone. */
  readonly offer: (change: BoardChange, label: string) => void;
  readonly undo: () => Promise<void>;
  /** What Undo would undo, or null when there is nothing. */
  readonly nextLabel: string | null;
  readonly problem: string | null;
  readonly setProblem: (problem: string | null) => void;
}

function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/** Undo for board moves, merges, splits, deletes and rank changes: a button, Ctrl/Cmd+Z and a toast, all through the undo service. */
export function useBoardUndo(): BoardUndo {
  const { board } = useRepositories();
  const undoService = useUndo();
  const [stack, setStack] = useState<readonly UndoableAction[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const stackRef = useRef(stack);
  useEffect(() => {
    stackRef.current = stack;
  }, [stack]);

  // The undo action of each change still on the stack, to relabel a change offered later.
  const actions = useRef(new WeakMap<BoardChange, UndoableAction>());

  const undoAction = useCallback(
    (change: BoardChange, label: string): UndoableAction => {
      const action: UndoableAction = {
        label,
        undo: async () => {
          await board.undo(change);
          setStack((current) => current.filter((item) => item !== action));
        },
      };
      actions.current.set(change, action);
      return action;
    },
    [board],
  );

  const perform = useCallback(
    async (move: () => Promise<BoardChange>, options?: { readonly toast?: 'now' | 'later' }) => {
      setProblem(null);
      try {
        const change = await move();
        const action = undoAction(change, change.label);
        setStack((current) => [...current.slice(-(UNDO_DEPTH - 1)), action]);
        if (options?.toast !== 'later') undoService.offer(action);
        return change;
      } catch (caught) {
        setProblem(userMessage(caught, 'changing the board'));
        return null;
      }
    },
    [undoAction, undoService],
  );

  const offer = useCallback(
    (change: BoardChange, label: string) => {
      const previous = actions.current.get(change);
      if (previous === undefined || !stackRef.current.includes(previous)) return;
      const action = undoAction(change, label);
      setStack((current) => current.map((item) => (item === previous ? action : item)));
      undoService.offer(action);
    },
    [undoAction, undoService],
  );

  const undo = useCallback(async () => {
    const last = stackRef.current.at(-1);
    if (last) await undoService.run(last);
  }, [undoService]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z' && !isTextTarget(event.target)) {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  return { perform, offer, undo, nextLabel: stack.at(-1)?.label ?? null, problem, setProblem };
}
