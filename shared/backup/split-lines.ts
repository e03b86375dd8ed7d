import { WorkspaceFileError } from './workspace-format';

export interface LineSplitter {
  /** The complete lines in this chunk (with what was left over from earlier chunks), without their `\n`. */
  push(chunk: string): string[];
  /** The last line when the text does not end with `\n`, else nothing. */
  end(): string[];
}

/**
 * Splits streamed text into lines on `\n`, holding at most one partial line. A line longer than
 * `maxChars` is refused as soon as it is seen, so a file without newlines cannot exhaust memory.
 */
export function createLineSplitter(maxChars: number): LineSplitter {
  let pending = '';
  let lineNumber = 0;
  const refuseLong = (): never => {
    throw new WorkspaceFileError(`the line is longer than ${maxChars.toLocaleString('en')} characters; this is not a workspace file or it is damaged`, lineNumber + 1);
  };
  return {
    push(chunk) {
      const lines: string[] = [];
      let start = 0;
      let newline = chunk.indexOf('\n');
      while (newline !== -1) {
        const line = pending + chunk.slice(start, newline);
        pending = '';
        if (line.length > maxChars) refuseLong();
        lines.push(line);
        lineNumber += 1;
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      pending += chunk.slice(start);
      if (pending.length > maxChars) refuseLong();
      return lines;
    },
    end() {
      const rest = pending;
      pending = '';
      return rest === '' ? [] : [rest];
    },
  };
}
