const dayFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

/** "21 Nov 2026" in the user's locale. */
export function formatDay(epochMs: number): string {
  return dayFormat.format(epochMs);
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "21 Nov 2026, 14:05" in the user's locale. */
export function formatDateTime(epochMs: number): string {
  return dateTimeFormat.format(epochMs);
}

/** The yyyy-mm-dd value of an `<input type="date">` for a date, in local time. */
export function toDateInputValue(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Noon local time of a yyyy-mm-dd value (noon keeps the day stable across time zones), or null. */
export function fromDateInputValue(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** "today", "3 days ago", "5 months ago". */
export function formatAgo(epochMs: number, now: number): string {
  const days = Math.floor((now - epochMs) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 60) return `${days} days ago`;
  const months = Math.round(days / 30);
  return months < 24 ? `${months} months ago` : `${Math.round(days / 365)} years ago`;
}
