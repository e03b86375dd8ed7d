/** A response as matching needs it: who (respondent key) and what (a hash of the answers). */
export interface ResponseIdentity {
  readonly respondentKey: string;
  readonly answersHash?: string | undefined;
}

/** How one response of a file stands against the stored ones. */
export type StoredMatch<T> =
  | { readonly kind: 'added' }
  | { readonly kind: 'unchanged'; readonly stored: T }
  | { readonly kind: 'changed'; readonly stored: T };

/**
 * Matches a file's responses to a survey's stored responses, so a re-import never stores one
 * twice: by respondent key first (the response id, or without one the email or the answers), then,
 * for a response whose key is not stored, by its answers: a stored response with the same answers
 * hash, not matched otherwise, is the same response read with another key (a re-import whose
 * respondent-key column was chosen differently), so it is unchanged. Anything else is added.
 */
export function matchStoredResponses<T extends ResponseIdentity>(
  responses: readonly ResponseIdentity[],
  stored: Iterable<T>,
): StoredMatch<T>[] {
  const byKey = new Map<string, T>();
  for (const row of stored) byKey.set(row.respondentKey, row);
  const claimed = new Set<string>();
  for (const response of responses) if (byKey.has(response.respondentKey)) claimed.add(response.respondentKey);
  // Stored responses no key of the file claims, by their answers.
  const byHash = new Map<string, T[]>();
  for (const row of byKey.values()) {
    if (claimed.has(row.respondentKey) || row.answersHash === undefined) continue;
    const rows = byHash.get(row.answersHash);
    if (rows === undefined) byHash.set(row.answersHash, [row]);
    else rows.push(row);
  }
  return responses.map((response): StoredMatch<T> => {
    const before = byKey.get(response.respondentKey);
    if (before !== undefined) return before.answersHash === response.answersHash ? { kind: 'unchanged', stored: before } : { kind: 'changed', stored: before };
    const same = response.answersHash === undefined ? undefined : byHash.get(response.answersHash)?.pop();
    return same === undefined ? { kind: 'added' } : { kind: 'unchanged', stored: same };
  });
}
