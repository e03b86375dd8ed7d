import { CHANNEL_IDS, type Channel } from '../domain/channel';
import type { SearchDocument } from './search-document';

/** How much of a note's text the index keeps for ranking and snippets; the rest is only in the posting lists. */
export const EXCERPT_LENGTH = 300;

const FIELD_COUNT = 8;
const LIST_SEPARATOR = '\u001f';
const CHANNELS: ReadonlySet<string> = new Set(CHANNEL_IDS);

/** What the index keeps of a document to rank and show it: everything but the full text. */
export interface StoredDocument {
  readonly id: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly people: readonly string[];
  readonly teams: readonly string[];
  readonly organisation: string;
  readonly channel: Channel;
  readonly occurredAt: number;
  /** The first EXCERPT_LENGTH characters of the text. */
  readonly excerpt: string;
}

/** Many stored documents packed into one string and two typed arrays, cheap to store and to load. */
export interface StoredDocumentPack {
  readonly text: string;
  /** Field `f` of document `d` is `text.slice(offsets[d * 8 + f], offsets[d * 8 + f + 1])`. */
  readonly offsets: Uint32Array;
  readonly occurredAt: Float64Array;
}

/** Keeps what a result needs of a search document, with its text cut to an excerpt. */
export function storedDocumentOf(doc: SearchDocument): StoredDocument {
  let end = Math.min(doc.text.length, EXCERPT_LENGTH);
  // Never split a surrogate pair.
  const lastCode = doc.text.charCodeAt(end - 1);
  if (end < doc.text.length && lastCode >= 0xd800 && lastCode <= 0xdbff) end -= 1;
  return {
    id: doc.id,
    title: doc.title,
    tags: doc.tags,
    people: doc.people,
    teams: doc.teams,
    organisation: doc.organisation,
    channel: doc.channel,
    occurredAt: doc.occurredAt,
    excerpt: doc.text.slice(0, end),
  };
}

/** Packs stored documents (see StoredDocumentPack). */
export function packStoredDocuments(docs: readonly StoredDocument[]): StoredDocumentPack {
  const parts: string[] = [];
  const offsets = new Uint32Array(docs.length * FIELD_COUNT + 1);
  const occurredAt = new Float64Array(docs.length);
  let length = 0;
  let slot = 0;
  const push = (value: string) => {
    offsets[slot] = length;
    slot += 1;
    parts.push(value);
    length += value.length;
  };
  docs.forEach((doc, index) => {
    push(doc.id);
    push(doc.title);
    push(joinList(doc.tags));
    push(joinList(doc.people));
    push(joinList(doc.teams));
    push(doc.organisation);
    push(doc.channel);
    push(doc.excerpt);
    occurredAt[index] = doc.occurredAt;
  });
  offsets[slot] = length;
  return { text: parts.join(''), offsets, occurredAt };
}

/** The number of documents in a pack. */
export function packSize(pack: StoredDocumentPack): number {
  return pack.occurredAt.length;
}

/** The id of document `index` of a pack, without unpacking the rest. */
export function packedId(pack: StoredDocumentPack, index: number): string {
  return field(pack, index, 0);
}

/** Unpacks document `index` of a pack. */
export function unpackStoredDocument(pack: StoredDocumentPack, index: number): StoredDocument {
  const channel = field(pack, index, 6);
  return {
    id: field(pack, index, 0),
    title: field(pack, index, 1),
    tags: splitList(field(pack, index, 2)),
    people: splitList(field(pack, index, 3)),
    teams: splitList(field(pack, index, 4)),
    organisation: field(pack, index, 5),
    channel: isChannel(channel) ? channel : 'brainstorm',
    occurredAt: pack.occurredAt[index] ?? 0,
    excerpt: field(pack, index, 7),
  };
}

/** Whether a pack is internally consistent and names only known channels; a stored pack is checked before use. */
export function isValidPack(pack: StoredDocumentPack): boolean {
  const count = pack.occurredAt.length;
  if (pack.offsets.length !== count * FIELD_COUNT + 1) return false;
  let previous = 0;
  for (const offset of pack.offsets) {
    if (offset < previous) return false;
    previous = offset;
  }
  if (previous !== pack.text.length) return false;
  for (let index = 0; index < count; index += 1) {
    if (!isChannel(field(pack, index, 6))) return false;
  }
  return true;
}

function field(pack: StoredDocumentPack, index: number, fieldIndex: number): string {
  const slot = index * FIELD_COUNT + fieldIndex;
  return pack.text.slice(pack.offsets[slot] ?? 0, pack.offsets[slot + 1] ?? 0);
}

function joinList(values: readonly string[]): string {
  return values.map((value) => value.replaceAll(LIST_SEPARATOR, ' ')).join(LIST_SEPARATOR);
}

function splitList(value: string): string[] {
  return value === '' ? [] : value.split(LIST_SEPARATOR);
}

function isChannel(value: string): value is Channel {
  return CHANNELS.has(value);
}
