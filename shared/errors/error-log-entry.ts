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
