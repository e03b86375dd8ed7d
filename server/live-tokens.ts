import { createHash, timingSafeEqual } from 'node:crypto';
import { isLiveId } from '../shared/live-workshop/live-documents';

const FACILITATOR = 'facilitator';

/** Who a token claims to be; the claim holds only when its hash matches the stored one. */
export interface TokenClaim {
  readonly workshopId: string;
  /** A participant id, or null for the facilitator. */
  readonly participantId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A bearer token naming its workshop and holder, with `secret` (random, URL-safe) as the proof. */
export function makeToken(claim: TokenClaim, secret: string): string {
  return `${claim.workshopId}.${claim.participantId ?? FACILITATOR}.${secret}`;
}

export function readTokenClaim(token: string): TokenClaim | null {
  const [workshopId, holder, secret, extra] = token.split('.');
  if (workshopId === undefined || holder === undefined || secret === undefined || extra !== undefined) return null;
  if (!isLiveId(workshopId) || !isLiveId(holder) || secret.length < 16) return null;
  return { workshopId, participantId: holder === FACILITATOR ? null : holder };
}

/** Compares a token with a stored hash in constant time. */
export function isTokenValid(token: string, storedHash: string | null): boolean {
  if (storedHash === null) return false;
  const actual = Buffer.from(hashToken(token), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
