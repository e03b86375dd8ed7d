import { describe, expect, it } from 'vitest';
import { buildSnippet, findWordRanges, SNIPPET_LENGTH } from '../../../shared/search/build-snippet';
import { boundedEditDistance } from '../../../shared/search/edit-distance';
import { foldText, foldTextWithSources, originalRange } from '../../../shared/search/fold-text';
import { MAX_QUERY_WORDS, parseSearchQuery } from '../../../shared/search/parse-search-query';
import { MAX_TERM_LENGTH, tokenize } from '../../../shared/search/tokenize';
import { buildTrigramIndex, findFuzzyTerms } from '../../../shared/search/trigram-index';

describe('foldText', () => {
  it('lower-cases and drops diacritics, precomposed or combining', () => {
    expect(foldText('Café CRÈME Brûlée')).toBe('cafe creme brulee');
    expect(foldText('Cafe\u0301')).toBe('cafe');
    expect(foldText('Straße Øl Łódź Æther ΟΔΟΣ')).toBe('strasse ol lodz aether οδοσ');
    expect(foldText('İstanbul')).toBe('istanbul');
  });

  it('folds with sources like foldText, mapping each folded range back to the original text', () => {
    for (const text of ['Plain ASCII text', 'Straße und Maß', 'Cafe\u0301 noir', 'ΟΔΟΣ 🚀 Ünïcödé', 'İstanbul']) {
      expect(foldTextWithSources(text).folded).toBe(foldText(text));
    }
    const folded = foldTextWithSources('Die Straße, Cafe\u0301!');
    const slice = (start: number, end: number) => {
      const [from, to] = originalRange(folded, start, end);
      return folded.original.slice(from, to);
    };
    const strasse = folded.folded.indexOf('strasse');
    expect(slice(strasse, strasse + 7)).toBe('Straße');
    expect(slice(strasse, strasse + 5)).toBe('Straß');
    const cafe = folded.folded.indexOf('cafe');
    expect(slice(cafe, cafe + 4)).toBe('Cafe\u0301');
  });
});

describe('tokenize', () => {
  it('splits on anything but letters, marks and digits', () => {
    expect(tokenize('On-call: p95 latency (k8s) — 99.95%; e-mail@acme.io')).toEqual(['on', 'call', 'p95', 'latency', 'k8s', '99', '95', 'e', 'mail', 'acme', 'io']);
    expect(tokenize('日本語 テキスト')).toEqual(['日本語', 'テキスト']);
    expect(tokenize('  ... !!! ')).toEqual([]);
  });

  it('cuts very long words', () => {
    expect(tokenize('x'.repeat(100))).toEqual(['x'.repeat(MAX_TERM_LENGTH)]);
  });
});

describe('boundedEditDistance', () => {
  it.each([
    ['latency', 'latency', 2, 0],
    ['latncy', 'latency', 1, 1],
    ['kubernets', 'kubernetes', 2, 1],
    ['obsevrability', 'observability', 1, 1],
    ['kitten', 'sitting', 3, 3],
    ['kitten', 'sitting', 2, -1],
    ['abc', 'abcdef', 2, -1],
    ['', 'ab', 2, 2],
  ])('%s -> %s within %i is %i', (a, b, max, expected) => {
    expect(boundedEditDistance(a, b, max)).toBe(expected);
  });
});

describe('parseSearchQuery', () => {
  it('folds the words, marks the last as a prefix unless a space follows, and forgives typos by length', () => {
    expect(parseSearchQuery('Kubernetes Latê')).toEqual([
      { text: 'kubernetes', isPrefix: false, maxEdits: 2 },
      { text: 'late', isPrefix: true, maxEdits: 1 },
    ]);
    expect(parseSearchQuery('sla p95 ')).toEqual([
      { text: 'sla', isPrefix: false, maxEdits: 0 },
      { text: 'p95', isPrefix: false, maxEdits: 0 },
    ]);
  });

  it('returns nothing for blank or punctuation-only queries, and bounds long ones', () => {
    expect(parseSearchQuery('')).toEqual([]);
    expect(parseSearchQuery(' \t\n ')).toEqual([]);
    expect(parseSearchQuery('*?+.()[]{}|^$\\')).toEqual([]);
    const words = Array.from({ length: 50 }, (_, index) => `word${index}`).join(' ');
    expect(parseSearchQuery(words)).toHaveLength(MAX_QUERY_WORDS);
    expect(parseSearchQuery('a'.repeat(10_000))).toEqual([{ text: 'a'.repeat(MAX_TERM_LENGTH), isPrefix: true, maxEdits: 2 }]);
  });
});

describe('trigram index', () => {
  const terms = ['cache', 'kubernetes', 'latency', 'latent', 'observability', 'patency', 'platform'].sort();
  const index = buildTrigramIndex(terms);
  const fuzzy = (word: string, maxEdits: number) =>
    findFuzzyTerms(index, terms, word, maxEdits, new Uint8Array(terms.length))
      .map(({ termId, distance }) => `${terms[termId] ?? ''}:${distance}`)
      .sort();

  it('finds the terms within the edit budget, and only those', () => {
    expect(fuzzy('latncy', 1)).toEqual(['latency:1']);
    expect(fuzzy('latncy', 2)).toEqual(['latency:1', 'patency:2']);
    expect(fuzzy('kubernets', 2)).toEqual(['kubernetes:1']);
    expect(fuzzy('zzzzzz', 2)).toEqual([]);
  });

  it('misses no term a full scan would find', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const letters = 'aeioulnrstkp';
    const word = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
    const vocabulary = [...new Set(Array.from({ length: 3000 }, () => word(3 + Math.floor(random() * 8))))].sort();
    const vocabularyIndex = buildTrigramIndex(vocabulary);
    const counts = new Uint8Array(vocabulary.length);
    for (let round = 0; round < 200; round += 1) {
      const query = word(4 + Math.floor(random() * 7));
      const maxEdits = query.length <= 7 ? 1 : 2;
      const viaTrigrams = findFuzzyTerms(vocabularyIndex, vocabulary, query, maxEdits, counts).map(({ termId }) => vocabulary[termId]).sort();
      const viaScan = vocabulary.filter((term) => boundedEditDistance(query, term, maxEdits) >= 0);
      expect(viaTrigrams).toEqual(viaScan);
    }
  });

  it('finds a swap of neighbouring letters as one edit', () => {
    expect(fuzzy('obsevrability', 1)).toEqual(['observability:1']);
    expect(fuzzy('cahce', 1)).toEqual(['cache:1']);
  });
});

describe('snippets', () => {
  it('keep short text whole, with its ranges', () => {
    expect(buildSnippet('Short text here', [[6, 10]])).toEqual({ text: 'Short text here', ranges: [[6, 10]] });
  });

  it('start shortly before the first match at a word boundary, marking cuts with an ellipsis', () => {
    const text = `${'lorem ipsum '.repeat(30)}needle in the haystack ${'dolor sit '.repeat(40)}`;
    const start = text.indexOf('needle');
    const snippet = buildSnippet(text, [[start, start + 6]]);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    // It starts with a whole word: in the text, a space comes right before it.
    expect(text).toContain(` ${snippet.text.slice(1, 30)}`);
    expect(snippet.ranges.map(([from, to]) => snippet.text.slice(from, to))).toEqual(['needle']);
  });

  it('replace line breaks with spaces, keeping ranges in place', () => {
    const snippet = buildSnippet('first line\nsecond line', [[11, 17]]);
    expect(snippet.text).toBe('first line second line');
    expect(snippet.ranges.map(([from, to]) => snippet.text.slice(from, to))).toEqual(['second']);
  });

  it('find whole words or their prefix with a matcher, in original positions', () => {
    const ranges = findWordRanges('Der Café-Besitzer, cafés', (word) => (word === 'cafe' ? 4 : word.startsWith('cafe') ? 4 : 0));
    expect(ranges.map(([from, to]) => 'Der Café-Besitzer, cafés'.slice(from, to))).toEqual(['Café', 'café']);
  });
});
