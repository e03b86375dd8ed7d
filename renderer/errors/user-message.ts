import { describeError } from '../../shared/errors/user-error';
import { logUnexpectedError } from './error-log';

/**
 * The one way an error reaches the screen: a UserError's own message, or for anything else a plain
 * sentence about `doing` ("undoing the delete"), with the original written to the local log.
 */
export function userMessage(error: unknown, doing: string): string {
  const described = describeError(error, doing);
  if (described.isUnexpected) logUnexpectedError(error, doing);
  return described.message;
}
