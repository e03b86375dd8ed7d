/**
 * Version 5: adds the local error log of browser mode (see error-log-repository): unexpected
 * errors, capped, never exported to a workspace file. Frozen like v1. No upgrade step: the table
 * starts empty and nothing older moves into it.
 */
export const schemaV5 = {
  // loggedAt: the log is read newest first and trimmed oldest first.
  errorLog: 'id, loggedAt',
} as const satisfies Readonly<Record<string, string>>;
