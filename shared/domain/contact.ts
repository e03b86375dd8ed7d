/** A person we talk to. Interaction history is derived from notes, survey responses and workshops. */
export interface Contact {
  readonly id: string;
  readonly name: string;
  /** Derived from `name` so the name index sorts without regard to case. */
  readonly nameKey: string;
  /** Stored normalised (see `normaliseEmail`) so imports can match people by email. */
  readonly email?: string;
  readonly team?: string;
  readonly role?: string;
  readonly organisation?: string;
  /** Meet this person every this many days; "not talked to in N days" is shown when overdue. */
  readonly cadenceDays?: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** The key contacts sort and page by: the name trimmed, whitespace collapsed, lower case. */
export function contactNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Normalises an email address for matching: trimmed and lower case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
