// Node micro-benchmark of the search index at 100,000 notes (not part of npm test).
// Run: node --expose-gc tests/bench/search-index.bench.mjs [notes]
import { rankSearchHits } from '../../shared/search/rank-search-hits';
import type { SearchDocument } from '../../shared/search/search-document';
import { SearchIndex, type SerialisedSearchIndex } from '../../shared/search/search-index';
import { CHANNEL_IDS } from '../../shared/domain/channel';

const DOMAIN_WORDS = (
  'kubernetes latency observability terraform postgres failover deploy pipeline flaky tests cache build artifact registry ' +
  'grafana alerts kafka lag onboarding secrets rotation cost dashboard quota staging production incident rollback canary ' +
  'migration throughput availability storage network ingress certificate autoscaling scheduler cluster node runtime ' +
  'compliance audit encryption backup restore retention logging tracing metrics sampling capacity budget forecast ' +
  'platform developer experience golden path template service mesh gateway database replication consistency partition'
).split(' ');
const SYLLABLES = 'ka ri to mu sel van dor pel qui zan bro tek lun mar fis gol hep jun ost pra rel sti tur vek wim yor zel cha dre'.split(' ');

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Workspace {
  readonly docs: SearchDocument[];
  readonly vocabulary: string[];
}

function generateWorkspace(count: number, vocabularySize: number): Workspace {
  const random = createRandom(42);
  const int = (max: number) => Math.floor(random() * max);
  const words = new Set<string>();
  while (words.size < vocabularySize - DOMAIN_WORDS.length) {
    const length = 2 + int(3);
    let word = '';
    for (let index = 0; index < length; index += 1) word += SYLLABLES[int(SYLLABLES.length)];
    words.add(word);
  }
  const vocabulary = [...words];
  // Domain words at ranks 50, 150, 250, ... so some are common and some rare.
  DOMAIN_WORDS.forEach((word, index) => vocabulary.splice(Math.min(vocabulary.length, 50 + index * 100), 0, word));
  const cumulative = new Float64Array(vocabulary.length);
  let total = 0;
  vocabulary.forEach((_, rank) => {
    total += 1 / (rank + 1) ** 1.05;
    cumulative[rank] = total;
  });
  const zipfWord = () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return vocabulary[low] ?? '';
  };
  const firstNames = ['Ana', 'Priya', 'Jörg', 'Chloé', 'Mateo', 'Wei', 'Fatima', 'Olu', 'Sven', 'Aiko', 'Liam', 'Zoë'];
  const lastNames = Array.from({ length: 200 }, (_, index) => `${SYLLABLES[index % SYLLABLES.length]}${SYLLABLES[(index * 7) % SYLLABLES.length]}son`);
  const tags = Array.from({ length: 200 }, (_, index) => (index < DOMAIN_WORDS.length ? DOMAIN_WORDS[index] : `tag-${vocabulary[index * 13]}`) ?? 'tag');
  const teams = Array.from({ length: 80 }, (_, index) => `${vocabulary[index * 17 + 3] ?? 'team'} team`);
  const organisations = Array.from({ length: 40 }, (_, index) => `${vocabulary[index * 31 + 5] ?? 'org'} Corp`);
  const sentence = (length: number) => {
    const parts: string[] = [];
    for (let index = 0; index < length; index += 1) parts.push(zipfWord());
    const first = parts[0] ?? '';
    parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${parts.join(' ')}${random() < 0.2 ? '?' : '.'}`;
  };
  const docs: SearchDocument[] = [];
  for (let number = 0; number < count; number += 1) {
    const sentences: string[] = [];
    let length = 0;
    const target = 800 + int(500);
    while (length < target) {
      const next = sentence(6 + int(12));
      sentences.push(next);
      length += next.length + 1;
    }
    docs.push({
      id: `note-${String(number).padStart(6, '0')}`,
      title: sentence(3 + int(6)).slice(0, -1),
      text: sentences.join(random() < 0.3 ? '\n' : ' '),
      tags: Array.from({ length: 1 + int(3) }, () => tags[int(tags.length)] ?? 'x'),
      people: Array.from({ length: 1 + int(2) }, () => `${firstNames[int(firstNames.length)] ?? ''} ${lastNames[int(lastNames.length)] ?? ''}`),
      teams: [teams[int(teams.length)] ?? ''],
      organisation: organisations[int(organisations.length)] ?? '',
      channel: CHANNEL_IDS[int(CHANNEL_IDS.length)] ?? 'coffee-chat',
      occurredAt: Date.UTC(2024, 0, 1) + number * 60_000,
    });
  }
  return { docs, vocabulary };
}

/** Every prefix of each query as typed, plus typo variants (a letter dropped, swapped or replaced). */
function generateQueries(vocabulary: readonly string[], count: number): string[] {
  const random = createRandom(7);
  const int = (max: number) => Math.floor(random() * max);
  const typo = (word: string) => {
    const at = 1 + int(Math.max(1, word.length - 2));
    const kind = int(3);
    if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
    if (kind === 1) return word.slice(0, at - 1) + (word[at] ?? '') + (word[at - 1] ?? '') + word.slice(at + 1);
    return word.slice(0, at) + 'aeiou'[int(5)] + word.slice(at + 1);
  };
  const queries: string[] = [];
  const pickWord = () => (random() < 0.6 ? DOMAIN_WORDS[int(DOMAIN_WORDS.length)] : vocabulary[int(5000)]) ?? 'x';
  while (queries.length < count) {
    const words = Array.from({ length: 1 + int(2) }, () => (random() < 0.3 ? typo(pickWord()) : pickWord()));
    const full = words.join(' ');
    for (let length = 1; length <= full.length && queries.length < count; length += 1) {
      if (full[length - 1] !== ' ') queries.push(full.slice(0, length));
    }
  }
  return queries;
}

function serialisedBytes(serialised: SerialisedSearchIndex): number {
  return Object.values(serialised).reduce<number>((sum, value) => {
    if (typeof value === 'string') return sum + value.length * (isLatin1(value) ? 1 : 2);
    if (ArrayBuffer.isView(value)) return sum + value.byteLength;
    return sum;
  }, 0);
}

// V8 stores a string of Latin-1 characters in one byte each, otherwise two.
function isLatin1(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    if (value.charCodeAt(index) > 0xff) return false;
  }
  return true;
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0;
}

/** JS heap plus ArrayBuffer memory (typed arrays live outside the JS heap), in MB. */
function heapMb(collect: (() => void) | undefined): number {
  collect?.();
  collect?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}

function timeQueries(index: SearchIndex, queries: readonly string[]) {
  const times: number[] = [];
  const candidateTimes: number[] = [];
  let hitCount = 0;
  for (const query of queries) {
    const start = performance.now();
    const candidates = index.findCandidates(query);
    const middle = performance.now();
    const outcome = rankSearchHits(candidates, 50);
    times.push(performance.now() - start);
    candidateTimes.push(middle - start);
    hitCount += outcome.hits.length;
  }
  const slowest = times
    .map((time, position) => ({ time, query: queries[position] ?? '', index: candidateTimes[position] ?? 0 }))
    .sort((a, b) => b.time - a.time)
    .slice(0, 5)
    .map(({ time, query, index: indexTime }) => `${JSON.stringify(query)} ${Math.round(time)}/${Math.round(indexTime)} ms`);
  times.sort((a, b) => a - b);
  candidateTimes.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times.at(-1) ?? 0,
    indexP50: percentile(candidateTimes, 0.5),
    indexP95: percentile(candidateTimes, 0.95),
    averageHits: hitCount / queries.length,
    slowest,
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
const log = (label: string, value: unknown) => console.log(`${label.padEnd(46)} ${String(value)}`);

/** Generates the notes, builds the index and serialises it; returns a structured clone (what IndexedDB would hand back). */
function buildPhase(noteCount: number, collect: (() => void) | undefined): { stored: SerialisedSearchIndex; queries: string[] } {
  let started = performance.now();
  const workspace = generateWorkspace(noteCount, 30_000);
  const textChars = workspace.docs.reduce((sum, doc) => sum + doc.text.length, 0);
  log('notes / average text length', `${noteCount} / ${Math.round(textChars / noteCount)} chars (generated in ${round(performance.now() - started)} ms)`);
  const heapWithDocs = heapMb(collect);

  started = performance.now();
  const index = SearchIndex.empty();
  for (const doc of workspace.docs) index.add(doc);
  const addMs = performance.now() - started;
  const heapBeforeCompact = heapMb(collect);
  started = performance.now();
  index.compact();
  log('build: add all / compact', `${round(addMs)} ms / ${round(performance.now() - started)} ms`);
  log('memory: index before / after first compaction', `${round(heapBeforeCompact - heapWithDocs)} MB / ${round(heapMb(collect) - heapWithDocs)} MB`);

  started = performance.now();
  const serialised = index.serialise();
  log('serialise', `${round(performance.now() - started)} ms`);
  log('serialised size', `${round(serialisedBytes(serialised) / 1024 / 1024)} MB (terms: ${serialised.terms.split('\n').length})`);
  log(
    '  parts (MB)',
    Object.entries(serialised)
      .filter(([, value]) => typeof value !== 'number')
      .map(([key, value]) => `${key} ${round((typeof value === 'string' ? value.length : ArrayBuffer.isView(value) ? value.byteLength : 0) / 1024 / 1024)}`)
      .join(', '),
  );
  started = performance.now();
  const stored = structuredClone(serialised);
  log('structuredClone of the snapshot (IDB-like)', `${round(performance.now() - started)} ms`);
  return { stored, queries: generateQueries(workspace.vocabulary, 400) };
}

/** Builds, serialises, loads and queries an index of `noteCount` generated notes; prints the figures. */
export function runSearchIndexBench(noteCount: number, collect: (() => void) | undefined): void {
  const heapAtStart = heapMb(collect);
  const built = buildPhase(noteCount, collect);
  const { queries } = built;
  let started = performance.now();
  const index = SearchIndex.load(built.stored);
  log('load (validate + ids map)', `${round(performance.now() - started)} ms`);
  Object.assign(built, { stored: null });
  log('memory: process after load (heap + buffers)', `${round(heapMb(collect))} MB (${round(heapMb(collect) - heapAtStart)} MB over the empty process)`);

  timeQueries(index, queries.slice(0, 50));
  const cold = timeQueries(index, queries);
  log(`queries (${queries.length} typed prefixes + typos, limit 50)`, `p50 ${round(cold.p50)} ms, p95 ${round(cold.p95)} ms, max ${round(cold.max)} ms`);
  log('  of which index (candidates)', `p50 ${round(cold.indexP50)} ms, p95 ${round(cold.indexP95)} ms; avg hits ${round(cold.averageHits)}`);
  log('  slowest (total/index)', cold.slowest.join(', '));

  const edits = generateWorkspace(2_000, 30_000).docs.map((doc, number) => ({ ...doc, id: `note-${String(number * 37).padStart(6, '0')}` }));
  started = performance.now();
  for (const doc of edits) index.add(doc);
  const editMs = performance.now() - started;
  log('replace 2,000 notes (incremental)', `${round(editMs)} ms (${round(editMs / edits.length)} ms each)`);
  const dirty = timeQueries(index, queries);
  log('queries with 2,000 pending changes', `p50 ${round(dirty.p50)} ms, p95 ${round(dirty.p95)} ms, max ${round(dirty.max)} ms`);
  started = performance.now();
  index.compact();
  log('compact', `${round(performance.now() - started)} ms`);
  log('memory: process after compact', `${round(heapMb(collect))} MB`);
  log('sample queries', JSON.stringify(queries.slice(0, 12)));
}

/** Times single queries repeatedly (median), to tell steady cost from collector pauses. */
export function focusQueries(noteCount: number, queries: readonly string[]): void {
  const index = SearchIndex.build(generateWorkspace(noteCount, 30_000).docs);
  for (const query of queries) {
    const indexTimes: number[] = [];
    const fuseTimes: number[] = [];
    let candidates = 0;
    for (let round = 0; round < 15; round += 1) {
      const start = performance.now();
      const set = index.findCandidates(query);
      const middle = performance.now();
      rankSearchHits(set, 50);
      fuseTimes.push(performance.now() - middle);
      indexTimes.push(middle - start);
      candidates = set.candidates.length;
    }
    indexTimes.sort((a, b) => a - b);
    fuseTimes.sort((a, b) => a - b);
    console.log(JSON.stringify(query), 'index min', indexTimes[0]?.toFixed(1), 'fuse min', fuseTimes[0]?.toFixed(1), 'fuse median', fuseTimes[7]?.toFixed(1), 'candidates', candidates);
  }
}
