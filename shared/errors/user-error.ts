/**
 * An error meant for people: its message says what went wrong and what to do, and is shown as it is.
 * Anything else that reaches the screen is unexpected: it is logged and shown as a plain sentence.
 */
export class UserError extends Error {
  override readonly name: string = 'UserError';
}

/** Whether `error` carries a message written for people. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/**
 * What to show for `error` while `doing` something ("undoing the delete"): a UserError's own
 * message, or for anything else a plain sentence (never the exception's text) and `isUnexpected`.
 */
export function describeError(error: unknown, doing: string): { readonly message: string; readonly isUnexpected: boolean } {
  if (isUserError(error)) return { message: error.message, isUnexpected: false };
  return {
    message: `Something unexpected went wrong while ${doing}. Try again; if it happens again, Settings › Local log has the details to report.`,
    isUnexpected: true,
  };
}
