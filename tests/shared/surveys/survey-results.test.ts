import { describe, expect, it } from 'vitest';
import type { SurveyAnswer, SurveyQuestion } from '../../../shared/domain/survey';
import {
  answerMatches,
  answerPredicate,
  computeSurveyResults,
  describeCondition,
  isNpsQuestion,
  isSkippedAnswer,
  summariseNumbers,
  type AnswerCondition,
} from '../../../shared/surveys/survey-results';
import { manySurveyResponses } from './many-survey-responses';

let position = 0;
function question(id: string, fields: Partial<SurveyQuestion> & Pick<SurveyQuestion, 'type'>): SurveyQuestion {
  position += 1;
  return { id, surveyId: 's1', position, text: id, ...fields };
}

type Answers = Record<string, SurveyAnswer>;
const results = (questions: readonly SurveyQuestion[], responses: readonly Answers[]) => computeSurveyResults(questions, responses);

describe('computeSurveyResults: counting', () => {
  const satisfaction = question('sat', { type: 'scale', text: 'How satisfied are you?', scale: { min: 1, max: 5 } });
  const tool = question('tool', { type: 'single-choice', options: ['Terraform', 'Ansible', 'Pulumi'] });
  const clouds = question('clouds', { type: 'multi-choice', options: ['AWS', 'GCP', 'Azure'] });
  const comment = question('comment', { type: 'free-text' });
  const services = question('services', { type: 'number' });

  const responses: Answers[] = [
    { sat: 5, tool: 'Terraform', clouds: ['AWS', 'GCP'], comment: 'Great', services: 3 },
    { sat: 4, tool: 'Terraform', clouds: ['AWS'], comment: '   ', services: '12' },
    { sat: '2', tool: 'Chef', clouds: [], services: 'n/a' },
    { sat: null, tool: '', clouds: ['AWS', 'AWS', 'Other cloud'], comment: 'Slow', services: 0 },
    {},
  ];
  const r = results([satisfaction, tool, clouds, comment, services], responses);
  const byId = (id: string) => r.questions.find((q) => q.questionId === id);

  it('counts responses, answered and skipped (null, missing, blank text, empty selection)', () => {
    expect(r.responseCount).toBe(5);
    expect(r.questions.map((q) => [q.questionId, q.answered, q.skipped])).toEqual([
      ['sat', 3, 2],
      ['tool', 3, 2],
      ['clouds', 3, 2],
      ['comment', 2, 3],
      ['services', 4, 1],
    ]);
  });

  it('lists every scale point in order, with zero counts, percents of answered and stats', () => {
    expect(byId('sat')).toEqual({
      questionId: 'sat',
      type: 'scale',
      answered: 3,
      skipped: 2,
      options: [
        { option: '1', value: 1, count: 0, percent: 0 },
        { option: '2', value: 2, count: 1, percent: 100 / 3 },
        { option: '3', value: 3, count: 0, percent: 0 },
        { option: '4', value: 4, count: 1, percent: 100 / 3 },
        { option: '5', value: 5, count: 1, percent: 100 / 3 },
      ],
      stats: { count: 3, mean: 11 / 3, median: 4, min: 2, max: 5 },
    });
  });

  it('lists choice options in the question’s order and appends unseen values', () => {
    expect(byId('tool')?.options).toEqual([
      { option: 'Terraform', count: 2, percent: (2 * 100) / 3 },
      { option: 'Ansible', count: 0, percent: 0 },
      { option: 'Pulumi', count: 0, percent: 0 },
      { option: 'Chef', count: 1, percent: 100 / 3, isUnlisted: true },
    ]);
    expect(byId('tool')?.stats).toBeUndefined();
  });

  it('gives multi-choice percents as the share of respondents who picked each option, counting a repeated pick once', () => {
    expect(byId('clouds')?.options).toEqual([
      { option: 'AWS', count: 3, percent: 100 },
      { option: 'GCP', count: 1, percent: 100 / 3 },
      { option: 'Azure', count: 0, percent: 0 },
      { option: 'Other cloud', count: 1, percent: 100 / 3, isUnlisted: true },
    ]);
  });

  it('only counts free text', () => {
    expect(byId('comment')).toEqual({ questionId: 'comment', type: 'free-text', answered: 2, skipped: 3 });
  });

  it('summarises numbers, ignoring answers that are not numbers', () => {
    expect(byId('services')).toEqual({
      questionId: 'services',
      type: 'number',
      answered: 4,
      skipped: 1,
      stats: { count: 3, mean: 5, median: 3, min: 0, max: 12 },
    });
  });

  it('takes the mean of the two middle values as the median of an even count', () => {
    const n = question('n', { type: 'number' });
    expect(results([n], [{ n: 10 }, { n: 1 }, { n: 4 }, { n: 3 }]).questions[0]?.stats).toEqual({ count: 4, mean: 4.5, median: 3.5, min: 1, max: 10 });
  });

  it('reads labelled scale answers given as labels or numbers, and appends out-of-range points', () => {
    const agree = question('agree', {
      type: 'scale',
      scale: { min: 1, max: 3, labels: ['Disagree', 'Neutral', 'Agree'] },
    });
    const r2 = results([agree], [{ agree: 'Agree' }, { agree: 1 }, { agree: '3' }, { agree: 7 }, { agree: 'Maybe' }]);
    expect(r2.questions[0]?.options).toEqual([
      { option: 'Disagree', value: 1, count: 1, percent: 20 },
      { option: 'Neutral', value: 2, count: 0, percent: 0 },
      { option: 'Agree', value: 3, count: 2, percent: 40 },
      { option: '7', count: 1, percent: 20, isUnlisted: true },
      { option: 'Maybe', count: 1, percent: 20, isUnlisted: true },
    ]);
    expect(r2.questions[0]?.stats).toEqual({ count: 4, mean: 14 / 4, median: 3, min: 1, max: 7 });
  });

  it('gives an empty survey zero counts and no stats', () => {
    const r0 = results([satisfaction, comment], []);
    expect(r0.responseCount).toBe(0);
    expect(r0.questions[0]?.options?.every((o) => o.count === 0 && o.percent === 0)).toBe(true);
    expect(r0.questions[0]?.stats).toBeUndefined();
  });

  it('accepts any iterable of answers, such as a generator', () => {
    function* generate(): Generator<Answers> {
      yield { sat: 1 };
      yield { sat: 5 };
    }
    expect(computeSurveyResults([satisfaction], generate()).questions[0]?.stats?.mean).toBe(3);
  });
});

describe('computeSurveyResults: NPS', () => {
  const nps = question('nps', { type: 'scale', text: 'How likely are you to recommend us to a colleague?', scale: { min: 0, max: 10 } });

  it('recognises recommendation questions on a 0-10 scale, in several languages', () => {
    expect(isNpsQuestion(nps)).toBe(true);
    const scale = { min: 0, max: 10 };
    for (const text of [
      'Wie wahrscheinlich ist es, dass Sie uns weiterempfehlen?',
      '¿Qué probabilidad hay de que nos recomiende?',
      'Recommanderiez-vous ce produit ?',
      'この製品を友人におすすめしますか？',
      '您向朋友推荐我们的可能性有多大？',
    ]) {
      expect(isNpsQuestion(question('x', { type: 'scale', text, scale }))).toBe(true);
    }
    expect(isNpsQuestion(question('x', { type: 'scale', text: 'How satisfied are you?', scale }))).toBe(false);
    expect(isNpsQuestion(question('x', { type: 'scale', text: 'Would you recommend us?', scale: { min: 1, max: 10 } }))).toBe(false);
    expect(isNpsQuestion(question('x', { type: 'number', text: 'Would you recommend us?' }))).toBe(false);
  });

  it('scores promoters (9-10) minus detractors (0-6), rounded', () => {
    const answers = [10, 9, 9, 8, 7, 6, 0, 3].map((value) => ({ nps: value }));
    const r = results([nps], answers);
    expect(r.questions[0]?.nps).toEqual({ promoters: 3, passives: 2, detractors: 3, score: 0 });
    const more = results([nps], [10, 10, 9, 8, 5, 9, 10, 6].map((value) => ({ nps: value })));
    // 5 promoters, 1 passive, 2 detractors of 8: 62.5% - 25% = 37.5 -> 38
    expect(more.questions[0]?.nps).toEqual({ promoters: 5, passives: 1, detractors: 2, score: 38 });
    const detractors = results([nps], [0, 0, 0, 9, 10, 8, 8, 8].map((value) => ({ nps: value })));
    // 25% - 37.5% = -12.5 -> -13 (half away from zero)
    expect(detractors.questions[0]?.nps?.score).toBe(-13);
  });

  it('gives no NPS when nobody answered or for other questions', () => {
    expect(results([nps], [{ nps: null }]).questions[0]?.nps).toBeUndefined();
    const other = question('o', { type: 'scale', text: 'Satisfaction', scale: { min: 0, max: 10 } });
    expect(results([other], [{ o: 10 }]).questions[0]?.nps).toBeUndefined();
  });
});

describe('computeSurveyResults: grids', () => {
  const grid = (id: string, text: string, gridTitle: string) =>
    question(id, { type: 'grid-item', text, gridTitle, itemType: 'single-choice', options: ['Never', 'Sometimes', 'Often'] });
  const speed = grid('g1', 'How often do you hit these? [Slow builds]', 'How often do you hit these?');
  const flaky = grid('g2', 'How often do you hit these? [Flaky tests]', 'How often do you hit these?');
  const rating = question('g3', { type: 'grid-item', text: 'Docs', gridTitle: 'Rate these', itemType: 'scale', scale: { min: 1, max: 3 } });

  it('groups grid items by title into rows x options, keeping per-item results too', () => {
    const r = results(
      [speed, flaky, rating],
      [
        { g1: 'Often', g2: 'Never', g3: 3 },
        { g1: 'Often', g2: 'Always', g3: 2 },
        { g1: 'Sometimes', g2: null, g3: 3 },
      ],
    );
    expect(r.grids).toEqual([
      {
        title: 'How often do you hit these?',
        options: ['Never', 'Sometimes', 'Often', 'Always'],
        rows: [
          { questionId: 'g1', label: 'Slow builds', answered: 3, counts: [0, 1, 2, 0] },
          { questionId: 'g2', label: 'Flaky tests', answered: 2, counts: [1, 0, 0, 1] },
        ],
      },
      { title: 'Rate these', options: ['1', '2', '3'], rows: [{ questionId: 'g3', label: 'Docs', answered: 3, counts: [0, 1, 2] }] },
    ]);
    expect(r.questions[0]?.options?.map((o) => o.count)).toEqual([0, 1, 2]);
    expect(r.questions[2]?.stats).toEqual({ count: 3, mean: 8 / 3, median: 3, min: 2, max: 3 });
  });
});

// How fast this runs at 100,000 responses is measured by tests/bench/pure-rules.bench.mjs, not here.
describe('computeSurveyResults: many responses', () => {
  it('counts 10,000 responses x 20 questions of every type', () => {
    const { questions, responses } = manySurveyResponses(10_000);
    const r = computeSurveyResults(questions, responses);
    expect(r.responseCount).toBe(10_000);
    expect(r.questions[0]?.options?.map((o) => o.count)).toEqual([2_000, 2_000, 2_000, 2_000, 2_000]);
  });
});

describe('answerMatches', () => {
  const sat = question('sat', { type: 'scale', text: 'How satisfied are you with the deploy pipeline?', scale: { min: 1, max: 5, labels: ['Very bad', 'Bad', 'OK', 'Good', 'Great'] } });
  const services = question('n', { type: 'number', text: 'Services owned' });
  const tool = question('tool', { type: 'single-choice', text: 'Main tool', options: ['Terraform', 'Ansible'] });
  const clouds = question('clouds', { type: 'multi-choice', text: 'Clouds', options: ['AWS', 'GCP'] });
  const comment = question('comment', { type: 'free-text', text: 'What slows you down?' });

  it('matches a range inclusively, with either bound open, by number, numeric text or scale label', () => {
    const low: AnswerCondition = { kind: 'range', min: 1, max: 2 };
    expect([1, 2, 3, '2', 'Bad', 'OK', null, '', 'x'].map((a) => answerMatches(sat, a, low))).toEqual([true, true, false, true, true, false, false, false, false]);
    expect(answerMatches(services, 10, { kind: 'range', min: 10 })).toBe(true);
    expect(answerMatches(services, 9.5, { kind: 'range', min: 10 })).toBe(false);
    expect(answerMatches(services, -4, { kind: 'range', max: 0 })).toBe(true);
    expect(answerMatches(services, 0, { kind: 'range' })).toBe(true);
    expect(answerMatches(services, 'n/a', { kind: 'range' })).toBe(false);
    expect(answerMatches(clouds, ['AWS'], { kind: 'range', min: 0 })).toBe(false);
  });

  it('matches one of several values: a choice, any pick of a multi-choice, a scale point by number or label', () => {
    const oneOf = (values: string[]): AnswerCondition => ({ kind: 'oneOf', values });
    expect(answerMatches(tool, 'Ansible', oneOf(['Terraform', 'Ansible']))).toBe(true);
    expect(answerMatches(tool, 'Chef', oneOf(['Terraform', 'Ansible']))).toBe(false);
    expect(answerMatches(tool, ' Ansible ', oneOf(['Ansible']))).toBe(true);
    expect(answerMatches(clouds, ['GCP', 'Azure'], oneOf(['AWS', 'GCP']))).toBe(true);
    expect(answerMatches(clouds, ['Azure'], oneOf(['AWS', 'GCP']))).toBe(false);
    expect(answerMatches(sat, 4, oneOf(['Good']))).toBe(true);
    expect(answerMatches(sat, 'Good', oneOf(['4']))).toBe(true);
    expect(answerMatches(sat, '4', oneOf(['4', '5']))).toBe(true);
    expect(answerMatches(sat, 3, oneOf(['4', '5']))).toBe(false);
    expect(answerMatches(tool, null, oneOf([]))).toBe(false);
  });

  it('matches text contained in the answer, ignoring case', () => {
    const slow: AnswerCondition = { kind: 'contains', text: 'Review' };
    expect(answerMatches(comment, 'Waiting for REVIEWS', slow)).toBe(true);
    expect(answerMatches(comment, 'Flaky tests', slow)).toBe(false);
    expect(answerMatches(comment, null, slow)).toBe(false);
    expect(answerMatches(clouds, ['aws', 'Google Cloud'], { kind: 'contains', text: 'google' })).toBe(true);
    expect(answerMatches(services, 120, { kind: 'contains', text: '12' })).toBe(true);
    expect(answerMatches(comment, 'İstanbul', { kind: 'contains', text: 'i̇stan' })).toBe(true);
    expect(answerMatches(comment, 'anything', { kind: 'contains', text: '  ' })).toBe(true);
    expect(answerMatches(comment, '', { kind: 'contains', text: '' })).toBe(false);
  });

  it('matches answered and skipped', () => {
    for (const skipped of [null, undefined, '', '  \n', '\u3000', '\u00a0', [], ['', ' '], Number.NaN]) {
      expect(answerMatches(comment, skipped, { kind: 'skipped' })).toBe(true);
      expect(answerMatches(comment, skipped, { kind: 'answered' })).toBe(false);
      expect(isSkippedAnswer(skipped)).toBe(true);
    }
    for (const answered of ['x', 0, ['AWS']]) {
      expect(answerMatches(comment, answered, { kind: 'answered' })).toBe(true);
      expect(answerMatches(comment, answered, { kind: 'skipped' })).toBe(false);
    }
  });

  it('builds a reusable predicate to filter responses', () => {
    const isUnhappy = answerPredicate(sat, { kind: 'range', max: 2 });
    const responses: Answers[] = [{ sat: 1 }, { sat: 5 }, { sat: 'Bad' }, {}];
    expect(responses.filter((answers) => isUnhappy(answers['sat'])).length).toBe(2);
  });
});

describe('describeCondition', () => {
  const sat = question('sat', { type: 'scale', text: 'How satisfied are you with the deploy pipeline?', scale: { min: 1, max: 5 } });
  const clouds = question('clouds', { type: 'multi-choice', text: 'Clouds', options: ['AWS', 'GCP'] });
  const tool = question('tool', { type: 'single-choice', text: 'Main tool' });

  it('says what a condition keeps, with the question shortened', () => {
    expect(describeCondition(sat, { kind: 'range', min: 1, max: 2 })).toBe('"How satisfied are you with the…" is 1–2');
    expect(describeCondition(sat, { kind: 'range', min: 3, max: 3 })).toBe('"How satisfied are you with the…" is 3');
    expect(describeCondition(sat, { kind: 'range', min: 4 })).toBe('"How satisfied are you with the…" is 4 or more');
    expect(describeCondition(sat, { kind: 'range', max: 2 })).toBe('"How satisfied are you with the…" is 2 or less');
    expect(describeCondition(sat, { kind: 'range' })).toBe('"How satisfied are you with the…" has a number');
    expect(describeCondition(sat, { kind: 'oneOf', values: ['4', '5'] })).toBe('"How satisfied are you with the…" is 4 or 5');
    expect(describeCondition(tool, { kind: 'oneOf', values: ['Terraform'] })).toBe('"Main tool" is "Terraform"');
    expect(describeCondition(clouds, { kind: 'oneOf', values: ['AWS', 'GCP', 'Azure'] })).toBe('"Clouds" includes "AWS", "GCP" or "Azure"');
    expect(describeCondition(tool, { kind: 'oneOf', values: [] })).toBe('"Main tool" is none of the options');
    expect(describeCondition(tool, { kind: 'contains', text: ' slow ' })).toBe('"Main tool" contains "slow"');
    expect(describeCondition(tool, { kind: 'answered' })).toBe('"Main tool" was answered');
    expect(describeCondition(tool, { kind: 'skipped' })).toBe('"Main tool" was skipped');
  });
});

describe('summariseNumbers', () => {
  const summary = (values: readonly number[]) => summariseNumbers(Float64Array.from(values).sort(), values.reduce((sum, value) => sum + value, 0));

  it('flags an age typed as 79,365,110 as an outlier and gives the mean without it', () => {
    const ages = [23, 27, 31, 34, 35, 38, 41, 44, 52, 79_365_110];
    const result = summary(ages);
    expect(result).toMatchObject({ count: 10, median: 36.5, min: 23, max: 79_365_110 });
    expect(result.outliers).toEqual({ count: 1, examples: [79_365_110], meanWithout: (23 + 27 + 31 + 34 + 35 + 38 + 41 + 44 + 52) / 9 });
  });

  it('flags nothing in an ordinary spread', () => {
    expect(summary([1, 2, 3, 4, 5, 6, 7, 8, 18]).outliers).toBeUndefined();
    expect(summary([5, 5, 5, 5, 6]).outliers).toBeUndefined();
  });

  it('marks years, which are not averaged as a quantity', () => {
    const result = summary([1982, 1986, 1987, 1990, 2001]);
    expect(result.isYear).toBe(true);
    expect(result.median).toBe(1987);
    expect(summary([3, 1986]).isYear).toBeUndefined();
  });
});

describe('computeSurveyResults: rankings and labelled points (issue 15, item 7)', () => {
  it('shows a ranking as counts per position and each item’s mean rank, best first', () => {
    const scale = { min: 1, max: 3 };
    const items = ['Terraform', 'Pulumi', 'Ansible'].map((item) =>
      question(`rank-${item}`, { type: 'grid-item', itemType: 'ranking', text: item, gridTitle: 'Rank the tools', scale }),
    );
    const r = results(items, [
      { 'rank-Terraform': 3, 'rank-Pulumi': 1, 'rank-Ansible': 2 },
      { 'rank-Terraform': 2, 'rank-Pulumi': 1, 'rank-Ansible': 3 },
      { 'rank-Terraform': 1, 'rank-Pulumi': 2, 'rank-Ansible': 3 },
      {},
    ]);
    const [grid] = r.grids;
    expect(grid).toMatchObject({ title: 'Rank the tools', isRanking: true, options: ['1', '2', '3'] });
    expect(grid?.rows.map((row) => [row.label, row.meanRank, row.counts])).toEqual([
      ['Pulumi', 4 / 3, [2, 1, 0]],
      ['Terraform', 2, [1, 1, 1]],
      ['Ansible', 8 / 3, [0, 1, 2]],
    ]);
    // A grid of ratings is not a ranking and keeps its rows in order.
    const rated = results([question('g1', { type: 'grid-item', itemType: 'scale', text: 'A', gridTitle: 'Rate', scale })], [{ g1: 2 }]);
    expect(rated.grids[0]?.isRanking).toBeUndefined();
    expect(rated.grids[0]?.rows[0]?.meanRank).toBeUndefined();
  });

  it('keeps a point’s label as the file wrote it, and shows unlabelled points by their number', () => {
    const labelled = question('probleme', {
      type: 'scale',
      scale: { min: 1, max: 4, labels: ['1 - Keine Probleme', '', '', '4 - Große Probleme'] },
    });
    const r = results([labelled], [{ probleme: 1 }, { probleme: 2 }, { probleme: '4 - Große Probleme' }, { probleme: '1 - Keine Probleme' }]);
    expect(r.questions[0]?.options?.map((option) => [option.option, option.value, option.count])).toEqual([
      ['1 - Keine Probleme', 1, 2],
      ['2', 2, 1],
      ['3', 3, 0],
      ['4 - Große Probleme', 4, 1],
    ]);
  });
});
