import { boundedEditDistance } from './edit-distance';
import { parseSearchQuery, type QueryWord } from './parse-search-query';
import { ByteWriter, forEachPosting, PostingList } from './posting-list';
import type { SearchDocument } from './search-document';
import {
  isValidPack,
  packedId,
  packSize,
  packStoredDocuments,
  storedDocumentOf,
  unpackStoredDocument,
  type StoredDocument,
  type StoredDocumentPack,
} from './stored-document';
import { tokenize } from './tokenize';
import { buildTrigramIndex, findFuzzyTerms, type TrigramIndex } from './trigram-index';

/** Bumped whenever tokenising, weights or the serialised layout change: an older snapshot is then rebuilt. */
export const SEARCH_INDEX_FORMAT_VERSION = 1;

/**
 * How many candidates the index hands to the final (Fuse) ranking by default. Fuse's cost is
 * linear in it and is most of a query's time: 200 measured about twice the 100's in Chromium.
 */
export const DEFAULT_CANDIDATE_LIMIT = 100;

const PREFIX_EXPANSION_LIMIT = 64;
// Postings a prefix may expand to, per document in the index: a one-letter prefix would otherwise
// pull in the commonest words whole ("t": the, to, that...), for results nobody reads yet.
const PREFIX_POSTINGS_PER_DOCUMENT = 2;
const MIN_PREFIX_POSTINGS = 20_000;
const FUZZY_EXPANSION_LIMIT = 24;
const PREFIX_WEIGHT = 0.75;
const FUZZY_WEIGHT_PER_EDIT = 0.3;

// A posting's weight byte: term frequency in the text (capped at 15) and one bit per other field.
const TEXT_FREQUENCY_MASK = 0x0f;
const IN_TITLE = 0x10;
const IN_TAGS = 0x20;
const IN_PEOPLE = 0x40;
const IN_TEAMS_OR_ORGANISATION = 0x80;

const FIELD_SCORES = Float32Array.from({ length: 256 }, (_, weight) => {
  const frequency = weight & TEXT_FREQUENCY_MASK;
  let score = frequency === 0 ? 0 : (frequency * 2.2) / (frequency + 1.2);
  if (weight & IN_TITLE) score += 3;
  if (weight & IN_TAGS) score += 2;
  if (weight & IN_PEOPLE) score += 2;
  if (weight & IN_TEAMS_OR_ORGANISATION) score += 1;
  return score;
});

/**
 * The compact, storable form of a search index: typed arrays and strings only, so it can be
 * put into IndexedDB or posted to another thread (its buffers are transferable) as it is.
 */
export interface SerialisedSearchIndex {
  readonly formatVersion: number;
  /** The vocabulary, ascending, joined with '\n' (terms hold only letters, marks and digits). */
  readonly terms: string;
  /** Term `t`'s postings are weights `[postingStarts[t], postingStarts[t + 1])`... */
  readonly postingStarts: Uint32Array;
  /** ...and varint doc gaps in bytes `[postingByteStarts[t], postingByteStarts[t + 1])`. */
  readonly postingByteStarts: Uint32Array;
  readonly postingDocs: Uint8Array;
  readonly postingWeights: Uint8Array;
  readonly trigramKeys: Float64Array;
  readonly trigramStarts: Uint32Array;
  readonly trigramTerms: Uint32Array;
  readonly storedText: string;
  readonly storedOffsets: Uint32Array;
  readonly occurredAt: Float64Array;
  /** Each document's version as given to `add` (the note's `updatedAt`), to tell what changed since. */
  readonly versions: Float64Array;
}

/** How a term of the index came to match a query word. */
export type ExpansionKind = 'exact' | 'prefix' | 'fuzzy';

/** A term of the index that a query word matched. */
export interface ExpandedTerm {
  readonly term: string;
  readonly kind: ExpansionKind;
}

/** A document that matched every word of a query, with its index score. */
export interface SearchCandidate {
  readonly doc: StoredDocument;
  readonly score: number;
  /** Whether some query word matched in the document's text (possibly past its excerpt). */
  readonly hasTextMatch: boolean;
}

/** The candidates for a query, best index score first, with what each query word matched. */
export interface CandidateSet {
  readonly words: readonly QueryWord[];
  readonly expansions: readonly (readonly ExpandedTerm[])[];
  readonly candidates: readonly SearchCandidate[];
}

// The persisted part: immutable once built, doc numbers 0..size-1.
interface FrozenSegment {
  readonly terms: readonly string[];
  readonly postingStarts: Uint32Array;
  readonly postingByteStarts: Uint32Array;
  readonly postingDocs: Uint8Array;
  readonly postingWeights: Uint8Array;
  readonly trigrams: TrigramIndex;
  readonly stored: StoredDocumentPack;
  readonly versions: Float64Array;
}

interface Expansion {
  readonly term: string;
  readonly kind: ExpansionKind;
  readonly weight: number;
  readonly frozenId: number;
  readonly mutable: PostingList | undefined;
  readonly documentFrequency: number;
}

/**
 * A full-text index of search documents. Documents live in a compact frozen segment (persisted)
 * and a mutable segment for what was added since; replacing or removing a document leaves a
 * tombstone, so results never show stale text, and `compact` folds everything back into one
 * frozen segment. Queries match every word (AND): exact, as a prefix for the word being typed,
 * and within one or two typos through a trigram index over the vocabulary.
 */
export class SearchIndex {
  private frozen: FrozenSegment;
  private readonly mutablePostings = new Map<string, PostingList>();
  /** Terms of the mutable segment that the frozen vocabulary lacks, for prefix and typo lookups. */
  private readonly mutableOnlyTerms: string[] = [];
  private readonly mutableDocs: StoredDocument[] = [];
  private ids: string[];
  private alive: Uint8Array;
  private versions: Float64Array;
  private numberById: Map<string, number>;
  private liveCount: number;
  private changeCount = 0;
  private trigramCounts: Uint8Array;

  // Query scratch, reused across queries; `docQuery` stamps which query a slot belongs to.
  private queryStamp = 0;
  private docQuery = new Uint32Array(0);
  private docWord = new Uint8Array(0);
  private docHits = new Uint8Array(0);
  private docFields = new Uint8Array(0);
  private docScore = new Float32Array(0);
  private wordScore = new Float32Array(0);
  private firstWordDocs = new Int32Array(0);
  private wordDocs = new Int32Array(0);

  private constructor(frozen: FrozenSegment) {
    this.frozen = frozen;
    const size = packSize(frozen.stored);
    this.ids = Array.from({ length: size }, (_, index) => packedId(frozen.stored, index));
    this.alive = new Uint8Array(Math.max(16, size)).fill(1, 0, size);
    this.versions = new Float64Array(Math.max(16, size));
    this.versions.set(frozen.versions.subarray(0, size));
    this.numberById = new Map(this.ids.map((id, index) => [id, index]));
    this.liveCount = size;
    this.trigramCounts = new Uint8Array(frozen.terms.length);
  }

  /** An index with no documents. */
  static empty(): SearchIndex {
    return new SearchIndex(emptyFrozenSegment());
  }

  /** Builds an index of the given documents, compacted. */
  static build(docs: Iterable<SearchDocument>): SearchIndex {
    const index = SearchIndex.empty();
    for (const doc of docs) index.add(doc);
    index.compact();
    return index;
  }

  /**
   * Loads a serialised index. Throws a RangeError when it is from another format version or its
   * parts do not fit together; the caller then rebuilds.
   */
  static load(serialised: SerialisedSearchIndex): SearchIndex {
    if (serialised.formatVersion !== SEARCH_INDEX_FORMAT_VERSION) {
      throw new RangeError(`The stored search index has format ${serialised.formatVersion}, not ${SEARCH_INDEX_FORMAT_VERSION}.`);
    }
    const terms = serialised.terms === '' ? [] : serialised.terms.split('\n');
    const stored: StoredDocumentPack = { text: serialised.storedText, offsets: serialised.storedOffsets, occurredAt: serialised.occurredAt };
    const frozen: FrozenSegment = {
      terms,
      postingStarts: serialised.postingStarts,
      postingByteStarts: serialised.postingByteStarts,
      postingDocs: serialised.postingDocs,
      postingWeights: serialised.postingWeights,
      trigrams: { keys: serialised.trigramKeys, starts: serialised.trigramStarts, termIds: serialised.trigramTerms },
      stored,
      versions: serialised.versions,
    };
    if (!isConsistent(frozen)) throw new RangeError('The stored search index is damaged.');
    return new SearchIndex(frozen);
  }

  /** How many documents the index holds. */
  get size(): number {
    return this.liveCount;
  }

  /** Documents added, replaced or removed since the index was built, loaded or compacted. */
  get pendingChangeCount(): number {
    return this.changeCount;
  }

  has(id: string): boolean {
    return this.numberById.has(id);
  }

  /** The ids of every document in the index. */
  documentIds(): IterableIterator<string> {
    return this.numberById.keys();
  }

  /** The version a document was added with, or undefined when it is not in the index. */
  versionOf(id: string): number | undefined {
    const docNumber = this.numberById.get(id);
    return docNumber === undefined ? undefined : this.versions[docNumber];
  }

  /** Adds a document, replacing any document with the same id; `version` (e.g. its `updatedAt`) tells later whether it changed. */
  add(doc: SearchDocument, version = 0): void {
    this.remove(doc.id);
    const docNumber = this.ids.length;
    this.ids.push(doc.id);
    if (docNumber >= this.alive.length) this.alive = growBytes(this.alive, docNumber + 1);
    if (docNumber >= this.versions.length) {
      const grown = new Float64Array(this.alive.length);
      grown.set(this.versions);
      this.versions = grown;
    }
    this.alive[docNumber] = 1;
    this.versions[docNumber] = version;
    this.numberById.set(doc.id, docNumber);
    this.liveCount += 1;
    this.changeCount += 1;
    this.mutableDocs.push(storedDocumentOf(doc));
    for (const [term, weight] of termWeights(doc)) {
      let postings = this.mutablePostings.get(term);
      if (postings === undefined) {
        postings = new PostingList();
        this.mutablePostings.set(term, postings);
        if (this.frozenTermId(term) < 0) this.mutableOnlyTerms.push(term);
      }
      postings.add(docNumber, weight);
    }
  }

  /** Removes a document; returns whether it was there. */
  remove(id: string): boolean {
    const docNumber = this.numberById.get(id);
    if (docNumber === undefined) return false;
    this.alive[docNumber] = 0;
    this.numberById.delete(id);
    this.liveCount -= 1;
    this.changeCount += 1;
    return true;
  }

  /**
   * Folds the mutable segment into the frozen one and drops removed documents, renumbering the
   * rest. Linear in the size of the index; does nothing when nothing changed.
   */
  compact(): void {
    if (this.changeCount === 0 && this.mutableDocs.length === 0 && this.liveCount === packSize(this.frozen.stored)) return;
    const total = this.ids.length;
    const renumbered = new Int32Array(total);
    const storedDocs: StoredDocument[] = [];
    const versions = new Float64Array(this.liveCount);
    let next = 0;
    const frozenSize = packSize(this.frozen.stored);
    for (let docNumber = 0; docNumber < total; docNumber += 1) {
      if (this.alive[docNumber] === 1) {
        renumbered[docNumber] = next;
        versions[next] = this.versions[docNumber] ?? 0;
        next += 1;
        const doc = docNumber < frozenSize ? unpackStoredDocument(this.frozen.stored, docNumber) : this.mutableDocs[docNumber - frozenSize];
        if (doc !== undefined) storedDocs.push(doc);
      } else {
        renumbered[docNumber] = -1;
      }
    }

    const frozen = this.frozen;
    const mutableTerms = [...this.mutableOnlyTerms].sort();
    const terms: string[] = [];
    const postingStarts: number[] = [0];
    const postingByteStarts: number[] = [0];
    let mutableBytes = 0;
    let mutablePostingCount = 0;
    for (const postings of this.mutablePostings.values()) {
      mutableBytes += postings.byteLength;
      mutablePostingCount += postings.count;
    }
    const docWriter = new ByteWriter(frozen.postingDocs.length + mutableBytes);
    const weightWriter = new ByteWriter(frozen.postingWeights.length + mutablePostingCount);
    let previousDoc = -1;
    const keep = (doc: number, weight: number) => {
      const target = renumbered[doc] ?? -1;
      if (target < 0) return;
      docWriter.writeVarint(target - previousDoc);
      weightWriter.writeByte(weight);
      previousDoc = target;
    };
    const writeTerm = (term: string, frozenId: number) => {
      previousDoc = -1;
      const startCount = weightWriter.length;
      if (frozenId >= 0) {
        forEachPosting(
          frozen.postingDocs,
          frozen.postingByteStarts[frozenId] ?? 0,
          frozen.postingByteStarts[frozenId + 1] ?? 0,
          frozen.postingWeights,
          frozen.postingStarts[frozenId] ?? 0,
          keep,
        );
      }
      const postings = this.mutablePostings.get(term);
      if (postings !== undefined) forEachPosting(postings.bytes, 0, postings.byteLength, postings.weights, 0, keep);
      if (weightWriter.length > startCount) {
        terms.push(term);
        postingStarts.push(weightWriter.length);
        postingByteStarts.push(docWriter.length);
      }
    };
    // Merge the two sorted vocabularies.
    let frozenId = 0;
    let mutableIndex = 0;
    while (frozenId < frozen.terms.length || mutableIndex < mutableTerms.length) {
      const frozenTerm = frozen.terms[frozenId];
      const mutableTerm = mutableTerms[mutableIndex];
      if (mutableTerm === undefined || (frozenTerm !== undefined && frozenTerm < mutableTerm)) {
        writeTerm(frozenTerm ?? '', frozenId);
        frozenId += 1;
      } else {
        writeTerm(mutableTerm, -1);
        mutableIndex += 1;
      }
    }

    const compacted = new SearchIndex({
      terms,
      postingStarts: Uint32Array.from(postingStarts),
      postingByteStarts: Uint32Array.from(postingByteStarts),
      postingDocs: docWriter.finish(),
      postingWeights: weightWriter.finish(),
      trigrams: buildTrigramIndex(terms),
      stored: packStoredDocuments(storedDocs),
      versions,
    });
    this.adopt(compacted);
  }

  /** The index in its compact, storable form; compacts first when something changed. */
  serialise(): SerialisedSearchIndex {
    this.compact();
    const { frozen } = this;
    return {
      formatVersion: SEARCH_INDEX_FORMAT_VERSION,
      terms: frozen.terms.join('\n'),
      postingStarts: frozen.postingStarts,
      postingByteStarts: frozen.postingByteStarts,
      postingDocs: frozen.postingDocs,
      postingWeights: frozen.postingWeights,
      trigramKeys: frozen.trigrams.keys,
      trigramStarts: frozen.trigrams.starts,
      trigramTerms: frozen.trigrams.termIds,
      storedText: frozen.stored.text,
      storedOffsets: frozen.stored.offsets,
      occurredAt: frozen.stored.occurredAt,
      versions: frozen.versions,
    };
  }

  /**
   * The documents matching every word of `query`, best index score first (at most `limit`), with
   * what each word matched. A blank query, or one of punctuation only, finds nothing.
   */
  findCandidates(query: string, limit = DEFAULT_CANDIDATE_LIMIT): CandidateSet {
    const words = parseSearchQuery(query);
    const expansionsByWord = words.map((word) => this.expand(word));
    const result = { words, expansions: expansionsByWord.map((expansions) => expansions.map(({ term, kind }) => ({ term, kind }))) };
    if (words.length === 0 || expansionsByWord.some((expansions) => expansions.length === 0)) return { ...result, candidates: [] };

    // The rarest word first: it bounds the candidates, and later words only visit those.
    const order = expansionsByWord
      .map((expansions, index) => ({ index, postings: expansions.reduce((sum, expansion) => sum + expansion.documentFrequency, 0) }))
      .sort((a, b) => a.postings - b.postings);
    this.prepareScratch();
    let firstCount = 0;
    order.forEach(({ index }, position) => {
      const counted = this.scoreWord(expansionsByWord[index] ?? [], position);
      if (position === 0) firstCount = counted;
    });
    return { ...result, candidates: this.topCandidates(firstCount, words.length, limit) };
  }

  private adopt(other: SearchIndex): void {
    this.frozen = other.frozen;
    this.mutablePostings.clear();
    this.mutableOnlyTerms.length = 0;
    this.mutableDocs.length = 0;
    this.ids = other.ids;
    this.alive = other.alive;
    this.versions = other.versions;
    this.numberById = other.numberById;
    this.liveCount = other.liveCount;
    this.changeCount = 0;
    this.trigramCounts = other.trigramCounts;
  }

  private frozenTermId(term: string): number {
    const { terms } = this.frozen;
    const index = lowerBound(terms, term);
    return terms[index] === term ? index : -1;
  }

  private expansionOf(term: string, kind: ExpansionKind, weight: number, frozenId: number): Expansion {
    const mutable = this.mutablePostings.get(term);
    const { postingStarts } = this.frozen;
    const frozenCount = frozenId < 0 ? 0 : (postingStarts[frozenId + 1] ?? 0) - (postingStarts[frozenId] ?? 0);
    return { term, kind, weight, frozenId, mutable, documentFrequency: frozenCount + (mutable?.count ?? 0) };
  }

  private expand(word: QueryWord): Expansion[] {
    const expansions = new Map<string, Expansion>();
    const exactId = this.frozenTermId(word.text);
    if (exactId >= 0 || this.mutablePostings.has(word.text)) {
      expansions.set(word.text, this.expansionOf(word.text, 'exact', 1, exactId));
    }
    if (word.isPrefix) {
      const prefixed: Expansion[] = [];
      const { terms } = this.frozen;
      for (let termId = lowerBound(terms, word.text); termId < terms.length; termId += 1) {
        const term = terms[termId] ?? '';
        if (!term.startsWith(word.text)) break;
        if (term !== word.text) prefixed.push(this.expansionOf(term, 'prefix', PREFIX_WEIGHT, termId));
      }
      for (const term of this.mutableOnlyTerms) {
        if (term !== word.text && term.startsWith(word.text)) prefixed.push(this.expansionOf(term, 'prefix', PREFIX_WEIGHT, -1));
      }
      prefixed.sort((a, b) => b.documentFrequency - a.documentFrequency);
      let budget = Math.max(MIN_PREFIX_POSTINGS, PREFIX_POSTINGS_PER_DOCUMENT * this.liveCount);
      let taken = 0;
      for (const expansion of prefixed) {
        if (taken === PREFIX_EXPANSION_LIMIT) break;
        if (expansion.documentFrequency > budget) continue;
        budget -= expansion.documentFrequency;
        taken += 1;
        expansions.set(expansion.term, expansion);
      }
    }
    if (word.maxEdits > 0) {
      const fuzzy: { expansion: Expansion; distance: number }[] = [];
      const { terms } = this.frozen;
      for (const { termId, distance } of findFuzzyTerms(this.frozen.trigrams, terms, word.text, word.maxEdits, this.trigramCounts)) {
        const term = terms[termId] ?? '';
        if (!expansions.has(term) && distance > 0) {
          fuzzy.push({ expansion: this.expansionOf(term, 'fuzzy', 1 - FUZZY_WEIGHT_PER_EDIT * distance, termId), distance });
        }
      }
      for (const term of this.mutableOnlyTerms) {
        const distance = expansions.has(term) ? -1 : boundedEditDistance(word.text, term, word.maxEdits);
        if (distance > 0) fuzzy.push({ expansion: this.expansionOf(term, 'fuzzy', 1 - FUZZY_WEIGHT_PER_EDIT * distance, -1), distance });
      }
      fuzzy.sort((a, b) => a.distance - b.distance || b.expansion.documentFrequency - a.expansion.documentFrequency);
      for (const { expansion } of fuzzy.slice(0, FUZZY_EXPANSION_LIMIT)) expansions.set(expansion.term, expansion);
    }
    return [...expansions.values()];
  }

  private prepareScratch(): void {
    const capacity = this.ids.length;
    if (this.docQuery.length < capacity) {
      const size = Math.ceil(capacity * 1.25) + 16;
      this.docQuery = new Uint32Array(size);
      this.docWord = new Uint8Array(size);
      this.docHits = new Uint8Array(size);
      this.docFields = new Uint8Array(size);
      this.docScore = new Float32Array(size);
      this.wordScore = new Float32Array(size);
      this.firstWordDocs = new Int32Array(size);
      this.wordDocs = new Int32Array(size);
      this.queryStamp = 0;
    }
    if (this.queryStamp >= 0xfffffffe) {
      this.docQuery.fill(0);
      this.queryStamp = 0;
    }
    this.queryStamp += 1;
  }

  /** Scores one query word over its expansions; returns how many documents it matched. */
  private scoreWord(expansions: readonly Expansion[], position: number): number {
    const documents = Math.max(1, this.liveCount);
    let wordCount = 0;
    const visit = (bytes: Uint8Array, byteStart: number, byteEnd: number, weights: Uint8Array, weightStart: number, multiplier: number) => {
      const { alive, docQuery, docWord, docHits, docFields, docScore, wordScore, firstWordDocs, wordDocs, queryStamp } = this;
      const isFirst = position === 0;
      const wordMark = position + 1;
      let byteIndex = byteStart;
      let doc = -1;
      let weightIndex = weightStart;
      while (byteIndex < byteEnd) {
        let byte = bytes[byteIndex] ?? 0;
        byteIndex += 1;
        let gap = byte & 0x7f;
        let shift = 128;
        while (byte >= 0x80) {
          byte = bytes[byteIndex] ?? 0;
          byteIndex += 1;
          gap += (byte & 0x7f) * shift;
          shift *= 128;
        }
        doc += gap;
        const weight = weights[weightIndex] ?? 0;
        weightIndex += 1;
        if (alive[doc] !== 1) continue;
        if (docQuery[doc] !== queryStamp) {
          if (!isFirst) continue;
          docQuery[doc] = queryStamp;
          docHits[doc] = 0;
          docFields[doc] = 0;
          docScore[doc] = 0;
          docWord[doc] = 0;
          firstWordDocs[wordCount] = doc;
        }
        const score = multiplier * (FIELD_SCORES[weight] ?? 0);
        docFields[doc] = (docFields[doc] ?? 0) | weight;
        if (docWord[doc] !== wordMark) {
          docWord[doc] = wordMark;
          wordScore[doc] = score;
          wordDocs[wordCount] = doc;
          wordCount += 1;
        } else if (score > (wordScore[doc] ?? 0)) {
          wordScore[doc] = score;
        }
      }
    };
    for (const expansion of expansions) {
      const multiplier =
        expansion.weight * Math.log(1 + (documents - expansion.documentFrequency + 0.5) / (expansion.documentFrequency + 0.5));
      const { frozenId, mutable } = expansion;
      if (frozenId >= 0) {
        const { postingDocs, postingByteStarts, postingWeights, postingStarts } = this.frozen;
        visit(postingDocs, postingByteStarts[frozenId] ?? 0, postingByteStarts[frozenId + 1] ?? 0, postingWeights, postingStarts[frozenId] ?? 0, multiplier);
      }
      if (mutable !== undefined) visit(mutable.bytes, 0, mutable.byteLength, mutable.weights, 0, multiplier);
    }
    const { wordDocs, docHits, docScore, wordScore } = this;
    for (let index = 0; index < wordCount; index += 1) {
      const doc = wordDocs[index] ?? 0;
      docHits[doc] = (docHits[doc] ?? 0) + 1;
      docScore[doc] = (docScore[doc] ?? 0) + (wordScore[doc] ?? 0);
    }
    return wordCount;
  }

  private topCandidates(firstCount: number, wordCount: number, limit: number): SearchCandidate[] {
    const { firstWordDocs, docHits, docScore, docFields } = this;
    const heap = new CandidateHeap(Math.max(1, limit));
    for (let index = 0; index < firstCount; index += 1) {
      const doc = firstWordDocs[index] ?? 0;
      if (docHits[doc] === wordCount) heap.offer(doc, docScore[doc] ?? 0);
    }
    const frozenSize = packSize(this.frozen.stored);
    return heap.drainBestFirst().flatMap(({ doc, score }) => {
      const stored = doc < frozenSize ? unpackStoredDocument(this.frozen.stored, doc) : this.mutableDocs[doc - frozenSize];
      return stored === undefined ? [] : [{ doc: stored, score, hasTextMatch: ((docFields[doc] ?? 0) & TEXT_FREQUENCY_MASK) !== 0 }];
    });
  }
}

/** The terms of a document with their weight bytes (text frequency and field bits). */
function termWeights(doc: SearchDocument): Map<string, number> {
  const weights = new Map<string, number>();
  const mark = (values: readonly string[], bit: number) => {
    for (const value of values) {
      for (const term of tokenize(value)) weights.set(term, (weights.get(term) ?? 0) | bit);
    }
  };
  mark([doc.title], IN_TITLE);
  mark(doc.tags, IN_TAGS);
  mark(doc.people, IN_PEOPLE);
  mark([...doc.teams, doc.organisation], IN_TEAMS_OR_ORGANISATION);
  for (const term of tokenize(doc.text)) {
    const weight = weights.get(term) ?? 0;
    if ((weight & TEXT_FREQUENCY_MASK) < TEXT_FREQUENCY_MASK) weights.set(term, weight + 1);
  }
  return weights;
}

function emptyFrozenSegment(): FrozenSegment {
  return {
    terms: [],
    postingStarts: new Uint32Array(1),
    postingByteStarts: new Uint32Array(1),
    postingDocs: new Uint8Array(0),
    postingWeights: new Uint8Array(0),
    trigrams: buildTrigramIndex([]),
    stored: packStoredDocuments([]),
    versions: new Float64Array(0),
  };
}

function isConsistent(frozen: FrozenSegment): boolean {
  const termCount = frozen.terms.length;
  const { postingStarts, postingByteStarts, trigrams } = frozen;
  return (
    isTypedArray(postingStarts, 'Uint32Array') &&
    isTypedArray(postingByteStarts, 'Uint32Array') &&
    isTypedArray(frozen.postingDocs, 'Uint8Array') &&
    isTypedArray(frozen.postingWeights, 'Uint8Array') &&
    isTypedArray(trigrams.keys, 'Float64Array') &&
    isTypedArray(trigrams.starts, 'Uint32Array') &&
    isTypedArray(trigrams.termIds, 'Uint32Array') &&
    isTypedArray(frozen.stored.offsets, 'Uint32Array') &&
    isTypedArray(frozen.stored.occurredAt, 'Float64Array') &&
    isTypedArray(frozen.versions, 'Float64Array') &&
    frozen.versions.length === frozen.stored.occurredAt.length &&
    typeof frozen.stored.text === 'string' &&
    postingStarts.length === termCount + 1 &&
    postingByteStarts.length === termCount + 1 &&
    postingStarts[termCount] === frozen.postingWeights.length &&
    postingByteStarts[termCount] === frozen.postingDocs.length &&
    trigrams.starts.length === trigrams.keys.length + 1 &&
    trigrams.starts[trigrams.keys.length] === trigrams.termIds.length &&
    trigrams.termIds.every((termId) => termId < termCount) &&
    isValidPack(frozen.stored)
  );
}

// Not `instanceof`: a structured clone may come from another realm (another window, or a test's IndexedDB).
function isTypedArray(value: unknown, name: 'Uint8Array' | 'Uint32Array' | 'Float64Array'): boolean {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === `[object ${name}]`;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function growBytes(array: Uint8Array, minimum: number): Uint8Array {
  const next = new Uint8Array(Math.max(minimum, Math.ceil(array.length * 1.5) + 16));
  next.set(array);
  return next;
}

/** Keeps the `limit` best-scoring docs seen: a min-heap on score. */
class CandidateHeap {
  private readonly docs: Int32Array;
  private readonly scores: Float64Array;
  private size = 0;

  constructor(private readonly limit: number) {
    this.docs = new Int32Array(limit);
    this.scores = new Float64Array(limit);
  }

  offer(doc: number, score: number): void {
    if (this.size < this.limit) {
      this.docs[this.size] = doc;
      this.scores[this.size] = score;
      this.size += 1;
      this.siftUp(this.size - 1);
    } else if (score > (this.scores[0] ?? 0)) {
      this.docs[0] = doc;
      this.scores[0] = score;
      this.siftDown(0);
    }
  }

  drainBestFirst(): { doc: number; score: number }[] {
    const entries = Array.from({ length: this.size }, (_, index) => ({ doc: this.docs[index] ?? 0, score: this.scores[index] ?? 0 }));
    this.size = 0;
    return entries.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  private siftUp(start: number): void {
    let child = start;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if ((this.scores[parent] ?? 0) <= (this.scores[child] ?? 0)) return;
      this.swap(parent, child);
      child = parent;
    }
  }

  private siftDown(start: number): void {
    let parent = start;
    for (;;) {
      const left = parent * 2 + 1;
      const right = left + 1;
      let smallest = parent;
      if (left < this.size && (this.scores[left] ?? 0) < (this.scores[smallest] ?? 0)) smallest = left;
      if (right < this.size && (this.scores[right] ?? 0) < (this.scores[smallest] ?? 0)) smallest = right;
      if (smallest === parent) return;
      this.swap(parent, smallest);
      parent = smallest;
    }
  }

  private swap(a: number, b: number): void {
    const doc = this.docs[a] ?? 0;
    const score = this.scores[a] ?? 0;
    this.docs[a] = this.docs[b] ?? 0;
    this.scores[a] = this.scores[b] ?? 0;
    this.docs[b] = doc;
    this.scores[b] = score;
  }
}
