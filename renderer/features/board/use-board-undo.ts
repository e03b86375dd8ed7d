import { useCallback, useEffect, useRef, useState } from 'react';
import { useUndo, type UndoableAction } from '../../components/undo-service';
import { useRepositories, type BoardChange } from '../../db';
import { userMessage } from '../../errors/user-message';

const UNDO_DEPTH = 50;

export interface BoardUndo {
  /** Runs a board move; on success it can be undone, on failure the problem is shown. */
  readonly perform: (move: () => Promise<BoardChange>) => Promise<BoardChange | null>;
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

  const perform = useCallback(
    async (move: () => Promise<BoardChange>) => {
      setProblem(null);
      try {
        const change = await move();
        const action: UndoableAction = {
          label: change.label,
          undo: async () => {
            await board.undo(change);
            setStack((current) => current.filter((item) => item !== action));
          },
        };
        setStack((current) => [...current.slice(-(UNDO_DEPTH - 1)), action]);
        undoService.offer(action);
        return change;
      } catch (caught) {
        setProblem(userMessage(caught, 'changing the board'));
        return null;
      }
    },
    [board, undoService],
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

  return { perform, undo, nextLabel: stack.at(-1)?.label ?? null, problem, setProblem };
}
