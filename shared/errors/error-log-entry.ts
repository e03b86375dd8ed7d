/** One unexpected error, as the local log keeps it: where and what, never the user's data. */
export interface ErrorLogEntry {
  readonly id: string;
  readonly loggedAt: number;
  readonly appVersion: string;
  /** Where it happened, named by the code that caught it ("discovery: saving a note"). */
  readonly where: string;
  /** The exception's name ("TypeError", "QuotaExceededError"). */
  readonly name: string;
  /** The exception's message with quoted text removed (it may quote data) and capped. */
  readonly message: string;
  /** Stack frames (function and file position), capped. */
  readonly stack: string;
}

/** The browser-mode log keeps this many entries; older ones are deleted as new ones come. */
export const MAX_ERROR_LOG_ENTRIES = 1000;
const MAX_WHERE_CHARS = 120;
const MAX_NAME_CHARS = 60;
const MAX_MESSAGE_CHARS = 300;
const MAX_STACK_FRAMES = 15;
const MAX_FRAME_CHARS = 200;

function cap(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

/** The message without what it may quote from the user's data (text in quotes of any kind becomes "…"), capped. */
export function redactErrorMessage(message: string): string {
  const unquoted = message
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/“[^”]*”/g, '“…”')
    .replace(/‘[^’]*’/g, '‘…’')
    .replace(/`[^`]*`/g, '`…`');
  return cap(unquoted.replace(/\s+/g, ' ').trim(), MAX_MESSAGE_CHARS);
}

/** Only the frames of a stack ("at fn (file:line:col)"), never its first line, which repeats the message. */
export function stackFrames(stack: string | undefined): string {
  if (!stack) return '';
  return stack
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^at\s/.test(line) || /^[\w$.<>]*@.+:\d+:\d+$/.test(line))
    .slice(0, MAX_STACK_FRAMES)
    .map((line) => cap(line, MAX_FRAME_CHARS))
    .join('\n');
}

/** The log entry for `error` caught `where`: its name, its message without quoted text, and its stack frames. */
export function toErrorLogEntry(error: unknown, where: string, context: { readonly id: string; readonly loggedAt: number; readonly appVersion: string }): ErrorLogEntry {
  const isError = typeof error === 'object' && error !== null && 'message' in error;
  const name = isError && 'name' in error && typeof error.name === 'string' ? error.name : typeof error;
  // A thrown string or object may be anything, note text included: only its kind is kept.
  const message = isError && typeof error.message === 'string' ? error.message : `A ${typeof error} was thrown, not an Error.`;
  const stack = isError && 'stack' in error && typeof error.stack === 'string' ? error.stack : undefined;
  return {
    ...context,
    where: cap(where, MAX_WHERE_CHARS),
    name: cap(name, MAX_NAME_CHARS),
    message: redactErrorMessage(message),
    stack: stackFrames(stack),
  };
}

/** The log as plain text, newest first, for "Save log to a file…". */
export function formatErrorLog(entries: readonly ErrorLogEntry[], now: Date): string {
  const lines = [`Discovery Desk local log, saved ${now.toISOString()} (${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first)`, ''];
  for (const entry of entries) {
    lines.push(`${new Date(entry.loggedAt).toISOString()}  v${entry.appVersion}  ${entry.where}`, `  ${entry.name}: ${entry.message}`);
    if (entry.stack) lines.push(...entry.stack.split('\n').map((frame) => `    ${frame}`));
    lines.push('');
  }
  return lines.join('\n');
}
