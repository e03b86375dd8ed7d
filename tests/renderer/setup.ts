// Component tests run on a real Dexie over fake-indexeddb and a real TipTap editor in jsdom.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

afterEach(() => {
  cleanup();
});

// jsdom has no layout: ProseMirror asks for these while it handles selections and scrolling.
if (typeof document !== 'undefined') {
  document.elementFromPoint ??= () => null;
  const emptyRects = () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getClientRects ??= emptyRects;
  Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);
  Element.prototype.scrollIntoView ??= () => undefined;
}
