import { describeError } from '../../shared/errors/user-error';

/**
 * The one way an error reaches the screen: a UserError's own message, or for anything else a plain
 * sentence about `doing` ("undoing the delete"), with the original kept for the local log.
 */
export function userMessage(error: unknown, doing: string): string {
  const described = describeError(error, doing);
  if (described.isUnexpected) console.error(`Unexpected error while ${doing}`, error);
  return described.message;
}
