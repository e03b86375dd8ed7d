import { describe, expect, it } from 'vitest';
import { formatErrorLog, toErrorLogEntry } from '../../../shared/errors/error-log-entry';
import { describeError, UserError } from '../../../shared/errors/user-error';

const NOTE_BODY = 'Our deploys take forty minutes and Priya says the runners are starved';
const context = { id: 'e1', loggedAt: Date.UTC(2026, 11, 6, 3, 0), appVersion: '1.2.3' };

describe('toErrorLogEntry', () => {
  it('keeps the name, the message without quoted text, and the stack frames, never note text', () => {
    const error = new SyntaxError(`Unexpected token 'O', "${NOTE_BODY}" is not valid JSON`);
    error.stack = `SyntaxError: Unexpected token 'O', "${NOTE_BODY}" is not valid JSON\n    at JSON.parse (<anonymous>)\n    at readNote (app://discovery-desk/assets/index.js:10:20)`;
    const entry = toErrorLogEntry(error, 'discovery: opening a note', context);
    expect(entry).toEqual({
      ...context,
      where: 'discovery: opening a note',
      name: 'SyntaxError',
      message: `Unexpected token '…', "…" is not valid JSON`,
      stack: 'at JSON.parse (<anonymous>)\nat readNote (app://discovery-desk/assets/index.js:10:20)',
    });
    expect(JSON.stringify(entry)).not.toContain('forty minutes');
  });

  it('never keeps a thrown string or object, which may be anything', () => {
    expect(toErrorLogEntry(NOTE_BODY, 'x', context).message).toBe('A string was thrown, not an Error.');
    expect(JSON.stringify(toErrorLogEntry({ body: NOTE_BODY }, 'x', context))).not.toContain('forty');
  });

  it('caps what it keeps', () => {
    const error = new Error('x'.repeat(5000));
    error.stack = `Error\n${'    at f (a.js:1:1)\n'.repeat(100)}`;
    const entry = toErrorLogEntry(error, 'w'.repeat(500), context);
    expect(entry.message.length).toBeLessThanOrEqual(300);
    expect(entry.where.length).toBeLessThanOrEqual(120);
    expect(entry.stack.split('\n')).toHaveLength(15);
  });
});

describe('formatErrorLog', () => {
  it('writes one readable block per entry with time, version and place', () => {
    const entry = toErrorLogEntry(new TypeError('e.replace is not a function'), 'artifacts: export', context);
    const text = formatErrorLog([entry], new Date(context.loggedAt));
    expect(text).toContain('2026-12-06T03:00:00.000Z  v1.2.3  artifacts: export\n  TypeError: e.replace is not a function');
  });
});

describe('describeError', () => {
  it('shows a UserError as it is and anything else as a plain sentence with what to do', () => {
    expect(describeError(new UserError('The round no longer exists. Pick another one.'), 'ranking')).toEqual({ message: 'The round no longer exists. Pick another one.', isUnexpected: false });
    const unexpected = describeError(new TypeError('Cannot read properties of undefined'), 'ranking the buckets');
    expect(unexpected.isUnexpected).toBe(true);
    expect(unexpected.message).toBe('Something unexpected went wrong while ranking the buckets. Try again; if it happens again, Settings › Local log has the details to report.');
  });
});
