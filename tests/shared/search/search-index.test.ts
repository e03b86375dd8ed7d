import { describe, expect, it } from 'vitest';
import { rankSearchHits, withFullTextSnippets, type SearchOutcome } from '../../../shared/search/rank-search-hits';
import type { SearchDocument } from '../../../shared/search/search-document';
import type { SearchHit } from '../../../shared/search/search-hit';
import { SearchIndex, SEARCH_INDEX_FORMAT_VERSION, type SerialisedSearchIndex } from '../../../shared/search/search-index';
import { EXCERPT_LENGTH } from '../../../shared/search/stored-document';

function doc(id: string, fields: Partial<Omit<SearchDocument, 'id'>> = {}): SearchDocument {
  return { id, title: '', text: '', tags: [], people: [], teams: [], organisation: '', channel: 'coffee-chat', occurredAt: 0, ...fields };
}

function search(index: SearchIndex, query: string, limit = 20): SearchOutcome {
  return rankSearchHits(index.findCandidates(query), limit);
}

function ids(index: SearchIndex, query: string): string[] {
  return search(index, query).hits.map((hit) => hit.id);
}

/** The marked parts of each matched field, e.g. { title: ['Kubernetes'] }. */
function marked(hit: SearchHit | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const match of hit?.matches ?? []) {
    result[match.field] = [...(result[match.field] ?? []), ...match.ranges.map(([start, end]) => match.value.slice(start, end))];
  }
  return result;
}

const corpus = [
  doc('k8s', { title: 'Kubernetes upgrade pain', text: 'We run Kubernetes clusters and p95 latency doubles during deploys.', tags: ['platform'] }),
  doc('obs', { title: 'Coffee with Ana', text: 'The observability stack is noisy; latency alerts fire at night.', people: ['Ana Souza'], tags: ['on-call'] }),
  doc('cafe', { title: 'Café chat about builds', text: 'CI takes 40 minutes and flaky tests block merges.', organisation: 'Acme Café' }),
  doc('sla', { title: 'Storage SLA', text: 'Teams expect 99.95% availability for object storage.', teams: ['payments'], channel: 'sla' }),
];

describe('SearchIndex', () => {
  const index = SearchIndex.build(corpus);

  it('finds words in any field', () => {
    expect(ids(index, 'kubernetes')).toEqual(['k8s']);
    expect(ids(index, 'ana')).toEqual(['obs']);
    expect(ids(index, 'payments')).toEqual(['sla']);
    expect(ids(index, 'platform')).toEqual(['k8s']);
  });

  it('forgives typos', () => {
    expect(ids(index, 'kubernets')).toEqual(['k8s']);
    expect(ids(index, 'latncy').sort()).toEqual(['k8s', 'obs']);
    expect(ids(index, 'obsevrability')).toEqual(['obs']);
  });

  it('matches the word being typed as a prefix, but earlier words only whole', () => {
    expect(ids(index, 'observ')).toEqual(['obs']);
    expect(ids(index, 'kub')).toEqual(['k8s']);
    expect(ids(index, 'observ ')).toEqual([]);
  });

  it('requires every word (AND), in any field', () => {
    expect(ids(index, 'latency kubernetes')).toEqual(['k8s']);
    expect(ids(index, 'latency ana')).toEqual(['obs']);
    expect(ids(index, 'latency payments')).toEqual([]);
  });

  it('ignores case and diacritics both ways', () => {
    expect(ids(index, 'cafe')).toEqual(['cafe']);
    expect(ids(index, 'CAFÉ')).toEqual(['cafe']);
    const accented = SearchIndex.build([doc('plain', { title: 'cafe latte' }), doc('composed', { title: 'Crème brûlée' })]);
    expect(ids(accented, 'café').sort()).toEqual(['plain']);
    expect(ids(accented, 'creme brulee')).toEqual(['composed']);
    // The same word typed with a combining accent (NFD) instead of a precomposed one.
    expect(ids(accented, 'Cre\u0300me')).toEqual(['composed']);
  });

  it('finds nothing for a blank or punctuation-only query', () => {
    for (const query of ['', '   ', '\n\t', '?!.,;', '()[]{}']) expect(ids(index, query)).toEqual([]);
  });

  it('does not throw on hostile input', () => {
    for (const query of ['.*', '(a|b)+$', '[^]', '\\', 'a{1000}', '"\'`', '\u0000\uffff', '\ud800', '=exact !not ^start end$ \'quote']) {
      expect(() => search(index, query)).not.toThrow();
    }
    expect(ids(index, '(latency)* [kubernetes]')).toEqual(['k8s']);
    const huge = 'kubernetes '.repeat(1000);
    expect(huge.length).toBeGreaterThan(10_000);
    expect(ids(index, huge)).toEqual(['k8s']);
    expect(() => search(index, 'x'.repeat(20_000))).not.toThrow();
  });

  it('ranks a title match above a text match', () => {
    const ranked = SearchIndex.build([
      doc('text', { title: 'Weekly sync', text: 'We talked about migration plans for a while.' }),
      doc('title', { title: 'Migration plans', text: 'Notes from the meeting.' }),
    ]);
    expect(ids(ranked, 'migration')).toEqual(['title', 'text']);
  });

  describe('match ranges', () => {
    it('point at the matched characters of each field', () => {
      const [hit] = search(index, 'kubernetes latency').hits;
      expect(marked(hit)).toEqual({ title: ['Kubernetes'], text: ['Kubernetes', 'latency'] });
    });

    it('cover the whole misspelt word, and the typed part of a prefix', () => {
      expect(marked(search(index, 'latncy').hits.find((hit) => hit.id === 'k8s'))).toEqual({ text: ['latency'] });
      expect(marked(search(index, 'observ').hits[0])).toEqual({ text: ['observ'] });
      expect(marked(search(index, 'on-call').hits[0])).toEqual({ tags: ['on', 'call'] });
    });

    it('point at the original characters when folding changed them', () => {
      expect(marked(search(index, 'cafe').hits[0])).toEqual({ title: ['Café'], organisation: ['Café'] });
      const german = SearchIndex.build([doc('de', { title: 'Die Straße ist für Maß und Öl', text: 'Größe' })]);
      expect(marked(search(german, 'strasse masse').hits[0])).toEqual({ title: ['Straße', 'Maß'] });
      expect(marked(search(german, 'strasse mass').hits[0])).toEqual({ title: ['Straße', 'Maß'] });
      expect(marked(search(german, 'grosse').hits[0])).toEqual({ text: ['Größe'] });
      const decomposed = SearchIndex.build([doc('nfd', { title: 'Cafe\u0301 Noir' })]);
      expect(marked(search(decomposed, 'noir cafe').hits[0])).toEqual({ title: ['Cafe\u0301', 'Noir'] });
    });

    it('mark no stray characters of words the query did not match', () => {
      const stray = SearchIndex.build([doc('p', { title: 'Platform latency', text: 'late platform plates' })]);
      expect(marked(search(stray, 'latency').hits[0])).toEqual({ title: ['latency'] });
    });
  });

  describe('snippets', () => {
    it('show the text around the first match, with its ranges inside the snippet', () => {
      const long = `${'Background words here. '.repeat(5)}The real problem is quota exhaustion in staging.${' More filler follows.'.repeat(3)}`;
      const [hit] = search(SearchIndex.build([doc('q', { title: 'Quotas', text: long })]), 'exhaustion').hits;
      expect(hit?.snippet.startsWith('…')).toBe(true);
      expect(hit?.snippet).toContain('quota exhaustion in staging');
      expect(marked(hit)).toEqual({ text: ['exhaustion'] });
      expect(hit?.matches.find((match) => match.field === 'text')?.value).toBe(hit?.snippet);
    });

    it('start at the text when only another field matched', () => {
      const [hit] = search(index, 'payments').hits;
      expect(hit?.snippet.startsWith('Teams expect')).toBe(true);
    });

    it('are filled in from the full text when the match lies past the stored excerpt', () => {
      const text = `${'filler '.repeat(80)}the deadline slipped again`;
      expect(text.indexOf('deadline')).toBeGreaterThan(EXCERPT_LENGTH);
      const late = SearchIndex.build([doc('late', { title: 'Release', text })]);
      const outcome = search(late, 'deadlin');
      expect(outcome.hits.map((hit) => hit.id)).toEqual(['late']);
      expect(outcome.idsNeedingFullText).toEqual(['late']);
      const [hit] = withFullTextSnippets(outcome, new Map([['late', text]]));
      expect(hit?.snippet).toContain('the deadline slipped again');
      expect(marked(hit)).toEqual({ text: ['deadlin'] });
    });
  });

  describe('updates', () => {
    it('finds an edited document by its new words and not its old ones', () => {
      const live = SearchIndex.build(corpus);
      live.add(doc('k8s', { title: 'Nomad migration', text: 'We moved the batch jobs to Nomad.' }));
      expect(ids(live, 'nomad')).toEqual(['k8s']);
      expect(ids(live, 'kubernetes')).toEqual([]);
      expect(ids(live, 'latency')).toEqual(['obs']);
      expect(search(live, 'nomad').hits[0]?.title).toBe('Nomad migration');
      expect(live.size).toBe(corpus.length);
    });

    it('forgets removed documents', () => {
      const live = SearchIndex.build(corpus);
      expect(live.remove('obs')).toBe(true);
      expect(live.remove('obs')).toBe(false);
      expect(ids(live, 'latency')).toEqual(['k8s']);
      expect(ids(live, 'observ')).toEqual([]);
      expect(live.has('obs')).toBe(false);
      expect(live.size).toBe(corpus.length - 1);
    });

    it('finds new words added since the last compaction by prefix and with typos', () => {
      const live = SearchIndex.build(corpus);
      live.add(doc('new', { title: 'Serverless postmortem' }));
      expect(ids(live, 'serverl')).toEqual(['new']);
      expect(ids(live, 'postmotrem')).toEqual(['new']);
      expect(live.pendingChangeCount).toBe(1);
    });

    it('gives the same results after compaction, which drops what was replaced or removed', () => {
      const live = SearchIndex.build(corpus);
      live.add(doc('new', { title: 'Latency budget', text: 'kubernetes ingress' }));
      live.add(doc('k8s', { title: 'Kubernetes upgrade pain', text: 'Now about quotas only.' }));
      live.remove('cafe');
      const before = ['latency', 'kubernetes', 'quota', 'cafe', 'ingres'].map((query) => ids(live, query));
      live.compact();
      expect(live.pendingChangeCount).toBe(0);
      expect(['latency', 'kubernetes', 'quota', 'cafe', 'ingres'].map((query) => ids(live, query))).toEqual(before);
      expect(before).toEqual([['new', 'obs'], ['k8s', 'new'], ['k8s'], [], ['new']]);
    });
  });

  describe('persistence', () => {
    it('serialises to typed arrays and strings, and loads back with the same results', () => {
      const original = SearchIndex.build(corpus);
      original.add(doc('extra', { title: 'Extra note about latency' }));
      original.remove('sla');
      const serialised = original.serialise();
      expect(serialised.formatVersion).toBe(SEARCH_INDEX_FORMAT_VERSION);
      expect(Object.values(serialised).every((value) => typeof value === 'string' || typeof value === 'number' || ArrayBuffer.isView(value))).toBe(true);

      const copy = structuredClone(serialised);
      const loaded = SearchIndex.load(copy);
      expect(loaded.size).toBe(original.size);
      expect([...loaded.documentIds()].sort()).toEqual([...original.documentIds()].sort());
      for (const query of ['latency', 'kubernets', 'observ', 'cafe', 'payments', 'extra', 'ana late']) {
        expect(search(loaded, query).hits).toEqual(search(original, query).hits);
      }
      loaded.add(doc('after', { title: 'Added after loading' }));
      expect(ids(loaded, 'added')).toEqual(['after']);
    });

    it('keeps each document version through replacement, compaction and a round trip', () => {
      const live = SearchIndex.empty();
      live.add(doc('a', { title: 'first' }), 10);
      live.add(doc('b', { title: 'second' }), 20);
      live.add(doc('a', { title: 'first again' }), 30);
      expect([live.versionOf('a'), live.versionOf('b'), live.versionOf('missing')]).toEqual([30, 20, undefined]);
      const loaded = SearchIndex.load(structuredClone(live.serialise()));
      expect([loaded.versionOf('a'), loaded.versionOf('b')]).toEqual([30, 20]);
      loaded.remove('b');
      loaded.compact();
      expect([loaded.versionOf('a'), loaded.versionOf('b')]).toEqual([30, undefined]);
    });

    it('round-trips an empty index', () => {
      const loaded = SearchIndex.load(SearchIndex.empty().serialise());
      expect(loaded.size).toBe(0);
      expect(ids(loaded, 'anything')).toEqual([]);
    });

    it('refuses a snapshot of another format or with parts that do not fit', () => {
      const serialised = SearchIndex.build(corpus).serialise();
      expect(() => SearchIndex.load({ ...serialised, formatVersion: SEARCH_INDEX_FORMAT_VERSION + 1 })).toThrow(RangeError);
      const damaged: SerialisedSearchIndex[] = [
        { ...serialised, postingStarts: serialised.postingStarts.slice(1) },
        { ...serialised, terms: `${serialised.terms}\nextra` },
        { ...serialised, storedText: serialised.storedText.slice(1) },
        { ...serialised, postingDocs: serialised.postingDocs.slice(1) },
        { ...serialised, storedText: serialised.storedText.replace('coffee-chat', 'coffee-talk') },
        { ...serialised, versions: serialised.versions.slice(1) },
      ];
      for (const snapshot of damaged) expect(() => SearchIndex.load(snapshot)).toThrow(RangeError);
    });
  });

  it('keeps only an excerpt of the text, yet finds words anywhere in it', () => {
    const text = `${'alpha '.repeat(100)}omega`;
    const index = SearchIndex.build([doc('long', { text })]);
    expect(ids(index, 'omega')).toEqual(['long']);
    expect(index.serialise().storedText.length).toBeLessThan(EXCERPT_LENGTH + 50);
  });

  it('ranks and limits many candidates', () => {
    const many = SearchIndex.build(
      Array.from({ length: 500 }, (_, number) => doc(`n${number}`, { title: number % 50 === 0 ? 'Incident review' : `Note ${number}`, text: 'incident' })),
    );
    const candidates = many.findCandidates('incident', 100);
    expect(candidates.candidates).toHaveLength(100);
    const outcome = rankSearchHits(candidates, 10);
    expect(outcome.hits).toHaveLength(10);
    expect(outcome.hits.map((hit) => hit.title)).toEqual(Array.from({ length: 10 }, () => 'Incident review'));
  });
});
