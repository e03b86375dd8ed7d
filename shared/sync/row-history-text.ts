import type { RowHistoryEntry } from './row-history';

/** Field names as people read them; others are shown as they are. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  title: 'the title',
  body: 'the text',
  tags: 'the tags',
  contactIds: 'the people',
  occurredAt: 'the date',
  channel: 'the channel',
  channelFields: 'the channel’s fields',
  statement: 'the statement',
  rank: 'the rank',
  solutionKind: 'the kind of solution',
  cardIds: 'the cards',
};

const MAX_VALUE_CHARS = 80;

/** A stored value in a few words: text quoted and cut, lists joined, rich text and records named. */
export function describeHistoryValue(value: unknown): string {
  if (value === undefined || value === null) return 'nothing';
  if (typeof value === 'string') return `“${value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS - 1)}…` : value}”`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    const words = value.map((item) => (typeof item === 'string' || typeof item === 'number' ? String(item) : '…')).join(', ');
    return `“${words.length > MAX_VALUE_CHARS ? `${words.slice(0, MAX_VALUE_CHARS - 1)}…` : words}”`;
  }
  if (typeof value === 'object' && 'type' in value && value.type === 'doc') return 'an earlier text';
  return 'an earlier value';
}

/** One history entry as a sentence: who did what, and the value it replaced. */
export function describeHistoryEntry(entry: RowHistoryEntry): string {
  const who = entry.memberName;
  switch (entry.field) {
    case '$created':
      return `${who} created it`;
    case '$deleted':
      return `${who} deleted it`;
    case '$restored':
      return `${who} brought it back`;
    default: {
      const field = FIELD_LABELS[entry.field] ?? entry.field;
      if (!('previous' in entry)) return `${who} set ${field} to ${describeHistoryValue(entry.value)}`;
      if (!('value' in entry)) return `${who} removed ${field} (was ${describeHistoryValue(entry.previous)})`;
      return `${who} changed ${field} from ${describeHistoryValue(entry.previous)} to ${describeHistoryValue(entry.value)}`;
    }
  }
}
