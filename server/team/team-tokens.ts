import { randomBytes } from 'node:crypto';

export { hashToken } from '../live-tokens';

/** A new secret token: 32 random bytes, base64url. The server keeps only its SHA-256. */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A short random id for members, invites and the workspace. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(9).toString('base64url').replace(/[-_]/g, 'x')}`;
}

/** The token in an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1] ?? null;
}
