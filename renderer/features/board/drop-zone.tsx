import { useDroppable } from '@dnd-kit/core';
import type { ReactNode } from 'react';

interface DropZoneProps {
  readonly id: string;
  readonly labelledBy: string;
  readonly className?: string;
  readonly children: ReactNode;
}

/**
 * A drop target. Only this wrapper follows the drag state, so while a card moves its children
 * (passed in from a memoised parent) are not rendered again.
 */
export function DropZone({ id, labelledBy, className = '', children }: DropZoneProps) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return (
    <section ref={setNodeRef} data-drop-id={id} className={`bucket ${className}${isOver ? ' bucket--over' : ''}`} aria-labelledby={labelledBy}>
      {children}
    </section>
  );
}
