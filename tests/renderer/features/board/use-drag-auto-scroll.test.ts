import { describe, expect, it } from 'vitest';
import { AUTO_SCROLL_DWELL_MS, AUTO_SCROLL_RAMP_MS, edgeBand, edgeScrollSpeed } from '../../../../renderer/features/board/use-drag-auto-scroll';

const box = { top: 100, bottom: 600, left: 0, right: 800 };
const settled = AUTO_SCROLL_DWELL_MS + AUTO_SCROLL_RAMP_MS;

describe('edgeScrollSpeed', () => {
  it('does not scroll a column while the pointer has only just reached its edge', () => {
    // A card carried to a bucket's header near the top edge and let go at once stays on that bucket.
    expect(edgeScrollSpeed(400, 110, box, 0)).toBe(0);
    expect(edgeScrollSpeed(400, 590, box, AUTO_SCROLL_DWELL_MS - 1)).toBe(0);
  });

  it('scrolls down at the bottom edge and up at the top edge once the pointer rests there', () => {
    expect(edgeScrollSpeed(400, 595, box, settled)).toBeGreaterThan(0);
    expect(edgeScrollSpeed(400, 105, box, settled)).toBeLessThan(0);
  });

  it('starts slowly after the dwell and is fastest at the edge itself', () => {
    const justAfter = edgeScrollSpeed(400, 600, box, AUTO_SCROLL_DWELL_MS + 1);
    const full = edgeScrollSpeed(400, 600, box, settled);
    expect(justAfter).toBeGreaterThan(0);
    expect(justAfter).toBeLessThan(full);
    expect(edgeScrollSpeed(400, 560, box, settled)).toBeLessThan(full);
  });

  it('never scrolls for a pointer in the middle or beside the column', () => {
    expect(edgeScrollSpeed(400, 350, box, settled)).toBe(0);
    expect(edgeScrollSpeed(900, 595, box, settled)).toBe(0);
    expect(edgeBand(900, 595, box)).toBeNull();
  });

  it('keeps the bands within a third of a short column', () => {
    const short = { top: 0, bottom: 90, left: 0, right: 100 };
    expect(edgeBand(50, 45, short)).toBeNull();
    expect(edgeBand(50, 85, short)?.direction).toBe(1);
  });
});
