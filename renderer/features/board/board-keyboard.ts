import { closestCenter, pointerWithin, rectIntersection, type CollisionDetection, type KeyboardCoordinateGetter } from '@dnd-kit/core';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

/**
 * Arrow keys jump a lifted card from one drop target to the next in board order (Ungrouped, then
 * each bucket), instead of nudging it by pixels: one key press per column, however far apart.
 */
export function dropTargetCoordinates(dropOrder: readonly string[]): KeyboardCoordinateGetter {
  return (event, { context: { over, droppableRects, collisionRect } }) => {
    const step = NEXT_KEYS.has(event.code) ? 1 : PREVIOUS_KEYS.has(event.code) ? -1 : 0;
    if (step === 0 || collisionRect === null) return undefined;
    event.preventDefault();
    const order = dropOrder.filter((id) => droppableRects.has(id));
    if (order.length === 0) return undefined;
    const index = over === null ? -1 : order.indexOf(String(over.id));
    const nextId = order[Math.min(order.length - 1, Math.max(0, index + step))];
    const target = nextId === undefined ? undefined : droppableRects.get(nextId);
    if (target === undefined) return undefined;
    // Centring the card on the target makes it the closest centre, so it becomes `over`.
    return { x: target.left + target.width / 2 - collisionRect.width / 2, y: target.top + target.height / 2 - collisionRect.height / 2 };
  };
}

/**
 * The drop target (Ungrouped or a bucket) under a point, read from the page as it is now: the
 * drag library's measured rectangles go stale once a column scrolls during the drag.
 */
export function dropTargetAt(x: number, y: number): string | null {
  if (typeof document.elementsFromPoint !== 'function') return null;
  for (const element of document.elementsFromPoint(x, y)) {
    const zone = element.closest<HTMLElement>('[data-drop-id]');
    if (zone?.dataset.dropId !== undefined) return zone.dataset.dropId;
  }
  return null;
}

/** The pointer decides where a mouse drop lands; a keyboard drag (no pointer) takes the closest target. */
export const boardCollisions: CollisionDetection = (args) => {
  const { pointerCoordinates } = args;
  if (pointerCoordinates === null) return closestCenter(args);
  if (typeof document.elementsFromPoint === 'function') {
    const underPointer = dropTargetAt(pointerCoordinates.x, pointerCoordinates.y);
    return underPointer !== null && args.droppableContainers.some((container) => container.id === underPointer) ? [{ id: underPointer }] : [];
  }
  const within = pointerWithin(args);
  return within.length > 0 ? within : rectIntersection(args);
};
