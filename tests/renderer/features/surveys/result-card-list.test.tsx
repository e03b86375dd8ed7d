import { act, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResultCardList, type ResultCardEntry } from '../../../../renderer/features/surveys/result-card-list';

const VIEWPORT = { width: 1200, height: 900 };

/** jsdom lays nothing out: the scrolling page is given a viewport's size so the list has a window to fill. */
beforeEach(() => {
  vi.stubGlobal(
    'ResizeObserver',
    // Nothing resizes in jsdom: the observer only has to exist.
    class {
      observe = vi.fn();
      unobserve = vi.fn();
      disconnect = vi.fn();
    },
  );
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    // The page is one viewport high; a card (with its gap) 216 pixels.
    const height = this.tagName === 'MAIN' ? VIEWPORT.height : this.classList.contains('result-card-list__item') ? 216 : 0;
    const rect: DOMRect = { x: 0, y: 0, top: 0, left: 0, bottom: height, right: VIEWPORT.width, width: VIEWPORT.width, height, toJSON: () => ({}) };
    return rect;
  });
  vi.spyOn(Element.prototype, 'clientHeight', 'get').mockImplementation(function (this: Element) {
    return this.tagName === 'MAIN' ? VIEWPORT.height : 0;
  });
  vi.spyOn(Element.prototype, 'clientWidth', 'get').mockReturnValue(VIEWPORT.width);
  vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.classList.contains('result-card-list__item') ? 216 : 0;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function cardsOf(count: number) {
  const renders = new Map<string, number>();
  const cards: ResultCardEntry[] = Array.from({ length: count }, (_, i) => ({
    key: `q${i}`,
    estimatedHeight: 200,
    render: () => {
      renders.set(`q${i}`, (renders.get(`q${i}`) ?? 0) + 1);
      return <article className="result-card">Question {i}</article>;
    },
  }));
  return { cards, renders };
}

function Page({ cards }: { readonly cards: readonly ResultCardEntry[] }) {
  return (
    <main style={{ overflowY: 'auto' }}>
      <ResultCardList cards={cards} />
    </main>
  );
}

describe('ResultCardList', () => {
  it('draws only the cards around the view of a 2,000-question survey, not all of them', async () => {
    const { cards, renders } = cardsOf(2000);
    const { container } = render(<Page cards={cards} />);
    await waitFor(() => expect(container.querySelectorAll('.result-card').length).toBeGreaterThan(0));
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull());
    const slots = container.querySelectorAll('.result-card-list__item').length;
    expect(slots).toBeGreaterThan(0);
    // A 900-pixel view holds about five 200-pixel cards, plus a few drawn ahead.
    expect(slots).toBeLessThanOrEqual(15);
    expect(renders.size).toBe(slots);
  });

  it('leaves a drawn card alone when the list draws again (on every scroll step), so scrolling costs only new cards', async () => {
    const { cards, renders } = cardsOf(50);
    const { container, rerender } = render(<Page cards={cards} />);
    await waitFor(() => expect(container.querySelectorAll('.result-card').length).toBeGreaterThan(0));
    await waitFor(() => expect(container.querySelector('[aria-busy="true"]')).toBeNull());
    const drawn = [...renders.keys()];
    expect([...renders.values()].every((count) => count === 1)).toBe(true);
    // The list itself renders again (a scroll, a measured card, the parent): the cards do not.
    rerender(<Page cards={cards} />);
    const page = container.querySelector('main');
    act(() => {
      page?.dispatchEvent(new Event('scroll'));
    });
    rerender(<Page cards={cards} />);
    expect(drawn.map((key) => renders.get(key))).toEqual(drawn.map(() => 1));
  });
});
