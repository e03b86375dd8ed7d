import { useCallback, useEffect, useRef } from 'react';

/** How close to a scroller's top or bottom edge (px) the pointer starts scrolling it while dragging. */
export const AUTO_SCROLL_EDGE = 72;
const MAX_STEP = 22;

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * Pixels to scroll a column per frame for a pointer at (x, y): faster the closer to (or the further
 * past) its top or bottom edge, 0 away from the edges or beside the column.
 */
export function edgeScrollStep(x: number, y: number, box: Box): number {
  if (x < box.left || x > box.right) return 0;
  const height = box.bottom - box.top;
  const edge = Math.min(AUTO_SCROLL_EDGE, height / 3);
  if (y > box.bottom - edge) return Math.round(MAX_STEP * Math.min(1, (y - (box.bottom - edge)) / edge));
  if (y < box.top + edge) return -Math.round(MAX_STEP * Math.min(1, (box.top + edge - y) / edge));
  return 0;
}

/**
 * While a card is dragged with the pointer, scrolls the given column when the pointer nears its top
 * or bottom edge, so buckets below the fold can be reached (the drag library only scrolls the
 * card's own column). `start()` begins following the pointer, `stop()` ends it and returns where
 * the pointer was last (where a drop lands), or null.
 */
export function useDragAutoScroll(getScroller: () => HTMLElement | null) {
  const session = useRef<{ readonly pointer: { x: number; y: number }; readonly end: () => void } | null>(null);

  const stop = useCallback((): { x: number; y: number } | null => {
    const current = session.current;
    session.current = null;
    current?.end();
    return current === null ? null : { ...current.pointer };
  }, []);

  const start = useCallback(
    (x: number, y: number) => {
      stop();
      const pointer = { x, y };
      let frame: number | null = null;
      const loop = () => {
        frame = null;
        const scroller = getScroller();
        if (scroller === null) return;
        const step = edgeScrollStep(pointer.x, pointer.y, scroller.getBoundingClientRect());
        if (step === 0) return;
        scroller.scrollTop += step;
        frame = requestAnimationFrame(loop);
      };
      const onMove = (event: PointerEvent) => {
        pointer.x = event.clientX;
        pointer.y = event.clientY;
        if (frame === null) frame = requestAnimationFrame(loop);
      };
      window.addEventListener('pointermove', onMove, { passive: true });
      session.current = {
        pointer,
        end: () => {
          window.removeEventListener('pointermove', onMove);
          if (frame !== null) cancelAnimationFrame(frame);
        },
      };
    },
    [getScroller, stop],
  );

  useEffect(
    () => () => {
      stop();
    },
    [stop],
  );
  return { start, stop };
}
