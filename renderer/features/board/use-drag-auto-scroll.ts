import { useCallback, useEffect, useRef } from 'react';

/** How close to a scroller's top or bottom edge (px) the pointer starts scrolling it while dragging. */
export const AUTO_SCROLL_EDGE = 72;
/** How long (ms) the pointer rests in an edge band before the column starts to scroll. */
export const AUTO_SCROLL_DWELL_MS = 250;
/** How long (ms) after the dwell the scroll takes to reach full speed. */
export const AUTO_SCROLL_RAMP_MS = 400;
/** Fastest scroll (px per second), at or past the edge. Per second, not per frame: a busy machine drawing few frames scrolls as far. */
const MAX_SPEED = 1300;
/** The longest pause between two frames counted as scrolling time (a stalled tab does not jump on waking). */
const MAX_FRAME_MS = 250;

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The edge band a pointer is in: which way it scrolls (1 down, -1 up) and how deep in it (0..1), or null. */
export function edgeBand(x: number, y: number, box: Box): { readonly direction: 1 | -1; readonly depth: number } | null {
  if (x < box.left || x > box.right) return null;
  const height = box.bottom - box.top;
  const edge = Math.min(AUTO_SCROLL_EDGE, height / 3);
  if (y > box.bottom - edge) return { direction: 1, depth: Math.min(1, (y - (box.bottom - edge)) / edge) };
  if (y < box.top + edge) return { direction: -1, depth: Math.min(1, (box.top + edge - y) / edge) };
  return null;
}

/**
 * How fast (px per second; positive is down) to scroll a column for a pointer at (x, y) that has
 * rested `heldMs` in the same edge band: nothing during the first AUTO_SCROLL_DWELL_MS (a card
 * carried to a bucket's header near the edge and let go there must not slide the bucket from under
 * it), then ramping up to a speed that grows the closer to (or the further past) the edge; 0 away
 * from the edges or beside the column.
 */
export function edgeScrollSpeed(x: number, y: number, box: Box, heldMs: number): number {
  const band = edgeBand(x, y, box);
  if (band === null || heldMs < AUTO_SCROLL_DWELL_MS) return 0;
  const ramp = Math.min(1, (heldMs - AUTO_SCROLL_DWELL_MS) / AUTO_SCROLL_RAMP_MS);
  return band.direction * Math.max(60, MAX_SPEED * band.depth * ramp);
}

/**
 * While a card is dragged with the pointer, scrolls the given column when the pointer rests near its
 * top or bottom edge, so buckets below the fold can be reached (the drag library's own scrolling is
 * off: it only scrolls the card's own list). After each scroll `onScrolled` runs, so the drop target
 * shown follows the buckets that moved under a still pointer. `start()` begins following the pointer,
 * `stop()` ends it and returns where the pointer was last (where a drop lands), or null.
 */
export function useDragAutoScroll(getScroller: () => HTMLElement | null, onScrolled: () => void) {
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
      // When the pointer entered the edge band it is in, and which one.
      let held: { readonly since: number; readonly direction: 1 | -1 } | null = null;
      let lastFrame: number | null = null;
      // Sub-pixel scrolling owed from earlier frames.
      let owed = 0;
      const loop = (now: number) => {
        frame = null;
        const scroller = getScroller();
        if (scroller === null) return;
        const box = scroller.getBoundingClientRect();
        const band = edgeBand(pointer.x, pointer.y, box);
        if (band === null) {
          held = null;
          lastFrame = null;
          owed = 0;
          return;
        }
        if (held === null || held.direction !== band.direction) {
          held = { since: now, direction: band.direction };
          owed = 0;
        }
        const elapsed = lastFrame === null ? 0 : Math.min(MAX_FRAME_MS, now - lastFrame);
        lastFrame = now;
        owed += (edgeScrollSpeed(pointer.x, pointer.y, box, now - held.since) * elapsed) / 1000;
        const step = Math.trunc(owed);
        if (step !== 0) {
          owed -= step;
          const before = scroller.scrollTop;
          scroller.scrollTop += step;
          if (scroller.scrollTop !== before) onScrolled();
        }
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
    [getScroller, onScrolled, stop],
  );

  useEffect(
    () => () => {
      stop();
    },
    [stop],
  );
  return { start, stop };
}
