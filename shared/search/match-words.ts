/** Whether every word of `query` occurs in one of `texts`, ignoring case (an empty query matches). */
export function matchesEveryWord(query: string, ...texts: readonly string[]): boolean {
  const haystack = texts.join('\n').toLocaleLowerCase();
  return query
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}
