let previousRow = new Int32Array(64);
let currentRow = new Int32Array(64);
let beforePreviousRow = new Int32Array(64);

/**
 * The optimal-string-alignment distance between two strings (insertions, deletions, substitutions
 * and swaps of neighbouring characters each cost 1), or -1 when it exceeds `maxEdits`.
 * Stops as soon as every alignment needs more than `maxEdits` edits.
 */
export function boundedEditDistance(a: string, b: string, maxEdits: number): number {
  if (Math.abs(a.length - b.length) > maxEdits) return -1;
  if (a === b) return 0;
  const width = b.length + 1;
  if (previousRow.length < width) {
    previousRow = new Int32Array(width * 2);
    currentRow = new Int32Array(width * 2);
    beforePreviousRow = new Int32Array(width * 2);
  }
  let before = beforePreviousRow;
  let previous = previousRow;
  let current = currentRow;
  for (let column = 0; column < width; column += 1) previous[column] = column;
  for (let row = 1; row <= a.length; row += 1) {
    current[0] = row;
    let rowMinimum = row;
    const aCode = a.charCodeAt(row - 1);
    for (let column = 1; column < width; column += 1) {
      const bCode = b.charCodeAt(column - 1);
      const cost = aCode === bCode ? 0 : 1;
      let value = Math.min((previous[column] ?? 0) + 1, (current[column - 1] ?? 0) + 1, (previous[column - 1] ?? 0) + cost);
      if (row > 1 && column > 1 && aCode === b.charCodeAt(column - 2) && a.charCodeAt(row - 2) === bCode) {
        value = Math.min(value, (before[column - 2] ?? 0) + 1);
      }
      current[column] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > maxEdits) return -1;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[b.length] ?? maxEdits + 1;
  return distance <= maxEdits ? distance : -1;
}
