import type { ReactNode } from 'react';

/** Text with the given [start, end) ranges wrapped in <mark>; ranges may overlap or be unsorted. */
export function HighlightedText({ text, ranges }: { readonly text: string; readonly ranges: readonly (readonly [number, number])[] }) {
  const sorted = [...ranges].filter(([start, end]) => end > start && start >= 0).sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let cursor = 0;
  for (const [start, end] of sorted) {
    if (end <= cursor) continue;
    const from = Math.max(start, cursor);
    if (from > cursor) parts.push(text.slice(cursor, from));
    parts.push(<mark key={from}>{text.slice(from, end)}</mark>);
    cursor = end;
  }
  if (cursor < text.length) parts.push(text.slice(cursor));
  return <>{parts}</>;
}
