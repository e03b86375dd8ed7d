import { describe, expect, it } from 'vitest';
import type { SurveyTable } from '../../../shared/surveys/parse-survey-table';
import { planSurveyColumns } from '../../../shared/surveys/plan-survey-columns';
import { isPlaceholderName, questionKey, readSurveyResponses } from '../../../shared/surveys/read-survey-responses';
import type { PlannedQuestion, PlannedResponse, SurveyColumnPlan } from '../../../shared/surveys/survey-import-plan';
import { fixtureBytes, tableFromRows, tableOf } from './survey-fixtures';

interface Read {
  readonly questions: readonly PlannedQuestion[];
  readonly responses: readonly PlannedResponse[];
}

function readTable(table: SurveyTable, columns: readonly SurveyColumnPlan[] = planSurveyColumns(table).columns): Read {
  const result = readSurveyResponses(table, columns);
  if (!result.ok) throw new Error(result.problems.map((p) => `row ${p.row}: ${p.message}`).join('\n'));
  return result;
}

const readFixture = (name: string): Read => readTable(tableOf(fixtureBytes(name)));

function problemsOf(table: SurveyTable, columns: readonly SurveyColumnPlan[]) {
  const result = readSurveyResponses(table, columns);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

/** The plan with one column changed, as the user would correct it in the preview. */
function corrected(table: SurveyTable, header: string, change: Partial<SurveyColumnPlan>): SurveyColumnPlan[] {
  return planSurveyColumns(table).columns.map((column) => (column.header === header ? { ...column, ...change } : column));
}

const utc = (...parts: [number, number, number, number?, number?, number?]) => {
  const [year, month, day, hour = 0, minute = 0, second = 0] = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second);
};

describe('readSurveyResponses: Qualtrics', () => {
  const { questions, responses } = readFixture('qualtrics-three-header-rows.csv');

  it('makes one question per question column, grid row and group of options, in column order', () => {
    expect(questions.map((q) => [q.position, q.type, q.text])).toEqual([
      [0, 'scale', 'How likely are you to recommend the platform to a colleague?'],
      [1, 'grid-item', 'Build speed'],
      [2, 'grid-item', 'Docs'],
      [3, 'grid-item', 'On-call'],
      [4, 'multi-choice', 'Which tools do you use?'],
      [5, 'free-text', 'Which tools do you use? - Other - Text'],
      [6, 'free-text', 'What slows you down the most?'],
      [7, 'number', 'How many services does your team own?'],
    ]);
    expect(questions[1]).toMatchObject({ key: 'how satisfied are you with each part? [build speed]', gridTitle: 'How satisfied are you with each part?', itemType: 'scale' });
    expect(questions[4]).toMatchObject({ key: 'which tools do you use?', options: ['Terraform', 'Ansible', 'Pulumi', 'Other'] });
    expect(questions[0]?.scale).toEqual({ min: 0, max: 10 });
  });

  it('reads every answer by its type', () => {
    const [ana, bo, incomplete] = responses;
    expect(ana).toMatchObject({
      row: 4,
      respondentKey: 'R_1a2B3c4D5e6F7g8',
      email: 'ana.lima@example.com',
      name: 'Ana Lima',
      // RecordedDate 2024-11-06 09:15:41 in the ImportId's zone, America/Denver (UTC-7 in November).
      submittedAt: utc(2024, 11, 6, 16, 15, 41),
    });
    expect(ana?.answers).toEqual({
      'how likely are you to recommend the platform to a colleague?': 9,
      'how satisfied are you with each part? [build speed]': 5,
      'how satisfied are you with each part? [docs]': 4,
      'how satisfied are you with each part? [on-call]': 2,
      'which tools do you use?': ['Terraform', 'Pulumi'],
      'which tools do you use? - other - text': null,
      'what slows you down the most?': 'Waiting for reviews,\nthen flaky tests',
      'how many services does your team own?': 12,
    });
    expect(bo).toMatchObject({ email: 'bo.chen@example.com', name: 'Bo Chen' });
    expect(bo?.answers['which tools do you use?']).toEqual(['Ansible', 'Other']);
    expect(bo?.answers['which tools do you use? - other - text']).toBe('Chef');
    expect(incomplete?.email).toBeUndefined();
    expect(incomplete?.name).toBeUndefined();
    expect(incomplete?.answers['how satisfied are you with each part? [docs]']).toBeNull();
    expect(responses[4]?.answers['what slows you down the most?']).toBe('Flaky tests in CI — «très lent»');
  });

  it('reads the legacy exporter and leaves "Anonymous" out of names', () => {
    const legacy = readFixture('qualtrics-legacy.csv');
    expect(legacy.responses[0]).toMatchObject({ row: 3, respondentKey: 'R_e8z6glNpLL4PkcR', submittedAt: utc(2016, 5, 13, 12, 14, 42) });
    expect(legacy.responses[0]?.name).toBeUndefined();
    expect(legacy.responses[0]?.answers).toMatchObject({
      'which fruits do you eat?': ['Oranges', 'Strawberries'],
      'please rate each fruit. [oranges]': 5,
      'why?': 'Fresh fruit &amp; good prices',
    });
    expect(legacy.responses[2]?.answers['why?']).toBeNull();
  });

  it('reads US dates of a file re-saved through Excel', () => {
    const resaved = readFixture('qualtrics-excel-resaved.csv');
    expect(resaved.responses.map((r) => r.submittedAt)).toEqual([utc(2024, 11, 6, 18, 45), utc(2024, 11, 7, 9, 9), utc(2024, 11, 14, 0, 3), utc(2024, 12, 1, 7, 1)]);
  });
});

describe('readSurveyResponses: SurveyMonkey, Typeform, Microsoft Forms', () => {
  it('reads SurveyMonkey options, grid and 12-hour dates', () => {
    const { questions, responses } = readFixture('surveymonkey-two-header-rows.csv');
    expect(questions.map((q) => q.type)).toEqual(['single-choice', 'multi-choice', 'free-text', 'grid-item', 'grid-item', 'free-text']);
    expect(responses[0]).toMatchObject({ row: 3, respondentKey: '114239881', email: 'ana@example.com', name: 'Ana Lima', submittedAt: utc(2024, 11, 6, 9, 15, 40) });
    expect(responses[2]?.submittedAt).toBe(utc(2024, 11, 7, 16, 44));
    expect(responses[0]?.answers).toEqual({
      'which cloud do you deploy to?': 'AWS',
      'which tools do you use?': ['Terraform', 'Pulumi'],
      'which tools do you use? - other (please specify)': null,
      'how satisfied are you with: [build speed]': 5,
      'how satisfied are you with: [documentation]': 4,
      'anything else you want to tell us?': 'Faster builds, please.',
    });
    expect(responses[3]?.answers['which tools do you use?']).toEqual(['Pulumi']);
    expect(readFixture('surveymonkey-condensed.csv').responses[3]?.answers['which tools do you use?']).toBeNull();
  });

  it('reads Typeform per-option columns as one list and keeps repeated titles apart', () => {
    const { questions, responses } = readFixture('typeform.csv');
    expect(questions.map((q) => q.key)).toEqual([
      'which cloud do you deploy to?',
      'how many services does your team own?',
      'checkbox list after “how many services does your team own?”',
      'other',
      'why did you pick those tools?',
      'why?',
      'why? (after “why did you pick those tools?”)',
    ]);
    expect(responses[0]).toMatchObject({ respondentKey: '0f3c9a8e7b6d5c4b3a2910fedcba9876', submittedAt: utc(2024, 2, 10, 12, 4, 31) });
    expect(responses[0]?.answers).toMatchObject({
      'checkbox list after “how many services does your team own?”': ['Terraform', 'Pulumi'],
      'why did you pick those tools?': 'Terraform is what we know.\nPulumi for the new stuff.',
      'why?': 'Speed',
      'why? (after “why did you pick those tools?”)': 'Cost',
    });
    expect(responses[2]?.answers['why did you pick those tools?']).toBe('Both are fine 👍');
  });

  it('reads Microsoft Forms: `;` lists, anonymous respondents, trimmed and multi-line text', () => {
    const { responses } = readFixture('microsoft-forms.csv');
    expect(responses.map((r) => r.respondentKey)).toEqual(['1', '2', '3', '4']);
    expect(responses[0]).toMatchObject({ email: 'ana@example.com', name: 'Ana Lima', submittedAt: utc(2024, 3, 4, 9, 18, 47) });
    expect(responses[0]?.answers['which tools do you use?']).toEqual(['Terraform', 'Ansible']);
    expect(responses[0]?.answers['what slows you down the most?']).toBe('Waiting for reviews,\nthen "flaky" tests');
    expect(responses[1]?.email).toBeUndefined();
    expect(responses[1]?.name).toBeUndefined();
    expect(responses[1]?.answers['what slows you down the most?']).toBe('Approvals');
    expect(responses[2]?.answers['which tools do you use?']).toEqual(['Terraform', 'Pulumi', 'Ansible']);
  });
});

describe('readSurveyResponses: Google Forms, LimeSurvey and generic files', () => {
  it('keys Google Forms responses by a unique email, else by a hash of the row', () => {
    const { responses } = readFixture('google-forms.csv');
    expect(responses.map((r) => r.row)).toEqual([2, 3, 4, 5, 6]);
    expect(responses[1]?.respondentKey).toBe('bo@example.com');
    expect(responses[2]?.respondentKey).toBe('cy@example.com');
    // ana@example.com answered twice (once as ANA@example.com): both rows fall back to a hash.
    for (const index of [0, 3, 4]) expect(responses[index]?.respondentKey).toMatch(/^[0-9a-f]{14}$/);
    expect(responses[3]?.email).toBe('ana@example.com');
    expect(new Set(responses.map((r) => r.respondentKey)).size).toBe(5);
  });

  it('reads Google Forms timestamps, `, ` lists and grid words', () => {
    const { questions, responses } = readFixture('google-forms.csv');
    expect(responses.map((r) => r.submittedAt)).toEqual([
      utc(2025, 12, 10, 9, 3, 11),
      utc(2025, 12, 10, 14, 15),
      utc(2025, 12, 11, 23, 59, 59),
      utc(2025, 12, 12, 8),
      utc(2025, 12, 12, 9, 30),
    ]);
    expect(responses[2]?.answers['which tools do you use every week?']).toEqual(['Terraform', 'Docs (wiki, runbooks)', 'Grafana']);
    expect(responses[0]?.answers['rate each part of the platform [observability]']).toBe('Excellent');
    expect(responses[0]?.answers['what is the single biggest problem you face?']).toBe('The deploy pipeline is slow.\nAlso: flaky tests.');
    expect(responses[1]?.answers['what is the single biggest problem you face?']).toBe('مرحبا بالعالم — the docs are only in English');
    expect(responses[3]?.answers['where do you work?']).toBe('São Paulo');
    expect(questions.find((q) => q.key === 'rate each part of the platform [ci]')).toMatchObject({ type: 'grid-item', itemType: 'single-choice', gridTitle: 'Rate each part of the platform', text: 'CI' });
  });

  it('reads `;` lists of the "Download responses" export', () => {
    const { responses } = readFixture('google-forms-semicolon.csv');
    expect(responses.map((r) => r.answers['dask apis'])).toEqual([['Array', 'DataFrame'], ['DataFrame'], ['DataFrame', 'Delayed', 'Futures'], ['Delayed', 'Futures'], ['Array']]);
    expect(responses[0]?.submittedAt).toBe(utc(2019, 6, 25, 6, 59, 49));
  });

  it('reads LimeSurvey words on a scale and leaves an incomplete response undated', () => {
    const { responses } = readFixture('limesurvey-codes.csv');
    // The scale holds the four points answered (Disagree … Strongly agree), none invented.
    expect(responses.map((r) => r.answers.g01q01)).toEqual([4, 1, 2, 3]);
    expect(responses[1]?.submittedAt).toBeUndefined();
    expect(responses[2]?.answers['pkz [sq002]']).toBe('Yes');
  });

  it('reads LimeSurvey full headings: multi-line answers without CR, undated incomplete responses', () => {
    const { responses } = readFixture('limesurvey-full-headings.csv');
    expect(responses.map((r) => r.respondentKey)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(responses.map((r) => r.submittedAt === undefined)).toEqual([false, true, false, false, true, false]);
    expect(responses[0]?.answers['8 - what should we change first?']).toBe('Fewer dashboards.\nMore runbooks.');
    expect(responses[3]?.answers['8 - what should we change first?']).toBe('The deploy "freeze" every Friday.\nIt hurts.');
    expect(responses[0]?.answers['7 - to what extent do you agree with each statement? [on-call is fair]']).toBe(5);
    expect(responses[2]?.answers['5 - how would you describe your roles? [other]']).toBe('Platform lead');
  });

  it('reads the Qualtrics "Insights" export from row 4, dated by EndDate', () => {
    const { responses } = readFixture('qualtrics-insights-2016.csv');
    expect(responses.map((r) => r.row)).toEqual([4, 5, 6, 7]);
    expect(responses[0]).toMatchObject({ respondentKey: 'R_3kTqW1aZ8mN2pQx', submittedAt: utc(2016, 6, 21, 17, 49, 31) });
    expect(responses[0]?.answers['how is the platform?-how satisfied are you [builds]']).toBe(5);
  });

  it('reads the older SurveyMonkey layout from row 3, blank answers as none', () => {
    const { responses } = readFixture('surveymonkey-respondentid-only.csv');
    expect(responses.map((r) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect(responses[0]?.answers['do you deploy on fridays?']).toBeNull();
    expect(responses[1]?.answers['which region are you in?']).toBe('Europe');
  });

  it('reads generic ISO dates with zones, decimals and lists', () => {
    const { responses } = readFixture('generic.csv');
    expect(responses.map((r) => r.submittedAt)).toEqual([utc(2025, 1, 14, 9), utc(2025, 1, 14, 9, 30), utc(2025, 1, 15, 16, 45, 10) + 500, utc(2025, 1, 16), utc(2025, 1, 17, 8)]);
    expect(responses[3]?.answers).toMatchObject({
      'how many services does your team own?': 1.5,
      'which tools do you use every week?': null,
      'anything else you want to tell us?': 'N/A',
    });
    expect(responses[2]?.answers['anything else you want to tell us?']).toBe('Two things:\n1. faster builds\n2. fewer alerts');
    expect(responses[2]?.name).toBeUndefined();
  });

  it('reads day-first dates and decimal commas', () => {
    const { responses } = readFixture('generic-semicolon.csv');
    expect(responses.map((r) => r.submittedAt)).toEqual([utc(2024, 11, 6, 18, 40), utc(2024, 11, 7, 9, 5), utc(2024, 11, 13, 23, 59), utc(2024, 12, 1, 7)]);
    expect(responses.map((r) => r.answers['wie viele stunden verlierst du pro woche?'])).toEqual([2.5, 10, 0, 1.5]);
    expect(responses[1]?.answers.kommentar).toBe('Zu langsam; oft rot');
  });

  it('joins first and last name and keys rows without an id', () => {
    const { responses } = readFixture('generic-tab.tsv');
    expect(responses.map((r) => r.name)).toEqual(['Ana Lima', 'Bo Chen', 'Cy', 'Ana Lima']);
    expect(responses[1]?.respondentKey).toBe('bo@example.com');
    expect(responses[0]?.respondentKey).not.toBe(responses[3]?.respondentKey);
    expect(responses[0]?.respondentKey).toMatch(/^[0-9a-f]{14}$/);
  });

  it('keeps Windows-1252 and UTF-16 text intact', () => {
    expect(readFixture('windows-1252.csv').responses[0]?.answers).toEqual({ 'price feedback': '“Too expensive” – 20 € a month', city: 'Köln' });
    expect(readFixture('utf-16le.csv').responses[1]?.answers).toEqual({ comment: '素晴らしい', city: '東京' });
  });
});

describe('readSurveyResponses: keys and hashes', () => {
  it('derives question keys from normalised text', () => {
    expect(questionKey('  How  satisfied\nare you?  ')).toBe('how satisfied are you?');
    expect(questionKey('Cafe\u0301')).toBe('café');
  });

  it('gives the same keys and hashes for the same file, and a different answers hash for a changed answer', () => {
    const table = tableOf(fixtureBytes('google-forms.csv'));
    const first = readTable(table);
    expect(readTable(table)).toEqual(first);
    const changedRows = table.rows.map((row, i) => (i === 1 ? row.map((cell, c) => (c === 2 ? '5' : cell)) : row));
    const changed = readTable({ ...table, rows: changedRows }, planSurveyColumns(table).columns);
    expect(changed.responses[1]?.respondentKey).toBe(first.responses[1]?.respondentKey);
    expect(changed.responses[1]?.answersHash).not.toBe(first.responses[1]?.answersHash);
    expect(changed.responses[0]?.answersHash).toBe(first.responses[0]?.answersHash);
  });

  it('keeps keys and hashes of unchanged responses in a newer export with a new question and moved columns', () => {
    const older = tableFromRows([
      ['Timestamp', 'How satisfied are you?', 'Which team?', 'Comment'],
      ['2025/12/10 9:03:11 AM GMT', '4', 'Payments', 'fine'],
      ['2025/12/10 9:05:00 AM GMT', '2', 'Search', ''],
      ['2025/12/10 9:07:00 AM GMT', '3', 'Payments', 'slow'],
    ], 'google-forms');
    const newer = tableFromRows([
      ['Timestamp', 'Which team?', 'How satisfied are you?', 'Comment', 'What should we build next?'],
      ['2025/12/10 9:03:11 AM GMT', 'Payments', '4', 'fine', ''],
      ['2025/12/10 9:05:00 AM GMT', 'Search', '2', '', ''],
      ['2025/12/10 9:07:00 AM GMT', 'Payments', '3', 'slow', ''],
      ['2025/12/11 10:00:00 AM GMT', 'Search', '5', '', 'Faster builds'],
    ], 'google-forms');
    const before = readTable(older);
    const after = readTable(newer);
    expect(after.questions.map((q) => q.key)).toEqual(expect.arrayContaining(before.questions.map((q) => q.key)));
    for (const [i, response] of before.responses.entries()) {
      expect(after.responses[i]?.respondentKey).toBe(response.respondentKey);
      expect(after.responses[i]?.answersHash).toBe(response.answersHash);
    }
  });

  it('hashes a word-scale answer by its words, so files holding different points of the scale agree', () => {
    // The older export holds three points (Satisfied is point 2), the newer one also the lowest two
    // (Satisfied is point 4): the same respondent said the same thing in both.
    const older = tableFromRows([
      ['Respondent', 'How satisfied are you with deploys?', 'Comment'],
      ['r1', 'Satisfied', 'fine'],
      ['r2', 'Very satisfied', ''],
      ['r3', 'Neither satisfied nor dissatisfied', 'slow'],
      ['r4', 'Satisfied', ''],
    ]);
    const newer = tableFromRows([
      ['Respondent', 'How satisfied are you with deploys?', 'Comment'],
      ['r1', 'Satisfied', 'fine'],
      ['r2', 'very satisfied', ''],
      ['r3', 'Neither satisfied nor dissatisfied', 'slow'],
      ['r4', 'Satisfied', ''],
      ['r5', 'Very dissatisfied', ''],
      ['r6', 'Dissatisfied', ''],
    ]);
    const before = readTable(older);
    const after = readTable(newer);
    const satisfaction = (read: Read) => read.questions.find((question) => question.key === 'how satisfied are you with deploys?');
    expect(satisfaction(before)?.scale?.labels).toHaveLength(3);
    expect(satisfaction(after)?.scale?.labels).toHaveLength(5);
    // Point numbers differ between the files…
    expect(before.responses[0]?.answers['how satisfied are you with deploys?']).not.toBe(after.responses[0]?.answers['how satisfied are you with deploys?']);
    // …the hashes of what was said do not.
    for (const [i, response] of before.responses.entries()) expect(after.responses[i]?.answersHash).toBe(response.answersHash);
    // A different point is still a different answer.
    const edited = readTable({ ...newer, rows: newer.rows.map((row, i) => (i === 0 ? [row[0] ?? '', 'Dissatisfied', row[2] ?? ''] : row)) });
    expect(edited.responses[0]?.answersHash).not.toBe(before.responses[0]?.answersHash);
  });

  it('tells two identical rows without an id apart', () => {
    const table = tableFromRows([['Q'], ['same'], ['same']]);
    const [a, b] = readTable(table).responses;
    expect(b?.respondentKey).toBe(`${a?.respondentKey}-2`);
  });
});

describe('readSurveyResponses: corrected plans and problems', () => {
  it('names the row, the column and the value of a cell that is not a number', () => {
    const table = tableOf(fixtureBytes('not-a-number.csv'));
    const plan = planSurveyColumns(table);
    expect(plan.columns[2]).toMatchObject({ header: 'How many services do you own?', type: 'free-text' });
    expect(readTable(table).responses[12]?.answers['how many services do you own?']).toBe('lots');
    const problems = problemsOf(table, corrected(table, 'How many services do you own?', { type: 'number' }));
    expect(problems).toEqual([
      { row: 14, message: 'Row 14, "How many services do you own?": "lots" is not a number. Change the column to free text or single choice to keep it.' },
    ]);
  });

  it('names a value that is not on the scale', () => {
    const table = tableFromRows([['Response ID', 'How satisfied are you?'], ['1', 'Agree'], ['2', 'Meh'], ['3', '9']]);
    const scale = { min: 1, max: 5, labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] };
    const problems = problemsOf(table, corrected(table, 'How satisfied are you?', { role: 'question', type: 'scale', scale }));
    expect(problems.map((p) => p.row)).toEqual([3, 4]);
    expect(problems[0]?.message).toBe(
      'Row 3, "How satisfied are you?": "Meh" is not on the scale 1 to 5 (Strongly disagree … Strongly agree). Change the column to single choice or free text to keep it.',
    );
    expect(problems[1]?.message).toMatch(/"9" is not on the scale 1 to 5/);
  });

  it('reports a repeated respondent key with both rows', () => {
    const table = tableOf(fixtureBytes('duplicate-respondent-key.csv'));
    expect(problemsOf(table, planSurveyColumns(table).columns)).toEqual([
      { row: 4, message: 'Rows 2 and 4 have the same respondent key "114239881" in "Respondent ID". Remove the repeated response or choose another key column.' },
    ]);
  });

  it('reports an empty respondent key', () => {
    const table = tableFromRows([['Key', 'Q'], ['a', 'x'], ['', 'y']]);
    const problems = problemsOf(table, corrected(table, 'Key', { role: 'respondent-key' }));
    expect(problems[0]).toMatchObject({ row: 3 });
    expect(problems[0]?.message).toMatch(/"Key": the respondent key is empty/);
  });

  it('lists twenty problems and counts the rest', () => {
    const rows = [['Response ID', 'Count'], ...Array.from({ length: 25 }, (_, i) => [`r${i}`, `x${i}`])];
    const table = tableFromRows(rows);
    // `x0`..`x24` look like codes (metadata); the user makes the column a number question.
    const problems = problemsOf(table, corrected(table, 'Count', { role: 'question', type: 'number' }));
    expect(problems).toHaveLength(21);
    expect(problems[19]?.row).toBe(21);
    expect(problems[20]).toEqual({ row: null, message: '…and 5 more problems like these.' });
  });

  it('refuses a plan without questions or with two respondent keys', () => {
    const table = tableFromRows([['A', 'B'], ['1', '2']]);
    const base: SurveyColumnPlan = { index: 0, header: 'A', role: 'respondent-key', filled: 1, samples: ['1'] };
    expect(problemsOf(table, [base, { ...base, index: 1, header: 'B', role: 'metadata' }])).toEqual([
      { row: null, message: 'No column is marked as a question, so there is nothing to import. Mark at least one column as a question.' },
    ]);
    expect(problemsOf(table, [base, { ...base, index: 1, header: 'B' }]).map((p) => p.message)).toEqual([
      'Only one column can be the respondent key, but "A" and "B" are. Keep one and mark the others as metadata.',
      'No column is marked as a question, so there is nothing to import. Mark at least one column as a question.',
    ]);
    expect(problemsOf(table, [{ ...base, index: 5, header: 'Gone', role: 'question' }])[0]?.message).toBe('Column "Gone" (number 6) is not in the file, which has 2 columns.');
  });

  it('accepts choices the plan did not list and adds them to the options', () => {
    const table = tableFromRows([['Team'], ['Payments'], ['Search'], ['Payments'], ['Infra']]);
    const columns: SurveyColumnPlan[] = [{ index: 0, header: 'Team', role: 'question', type: 'single-choice', options: ['Payments', 'Search'], filled: 4, samples: [] }];
    const { questions, responses } = readTable(table, columns);
    expect(questions[0]?.options).toEqual(['Payments', 'Search', 'Infra']);
    expect(responses.map((r) => r.answers.team)).toEqual(['Payments', 'Search', 'Payments', 'Infra']);
  });

  it('splits a column the user made multi-choice on `;` or `, `', () => {
    const table = tableFromRows([['Tools', 'Langs'], ['A; B', 'Go, Rust'], ['B', 'Rust']]);
    const columns = planSurveyColumns(table).columns.map((column): SurveyColumnPlan => ({ ...column, role: 'question', type: 'multi-choice' }));
    const { questions, responses } = readTable(table, columns);
    expect(responses.map((r) => [r.answers.tools, r.answers.langs])).toEqual([
      [['A', 'B'], ['Go', 'Rust']],
      [['B'], ['Rust']],
    ]);
    expect(questions[0]?.options).toEqual(['A', 'B']);
  });

  it('reads a grid row the user made from a question, and drops ignored and metadata columns', () => {
    const table = tableFromRows([['Speed', 'Docs', 'IP'], ['3', '4', '1.2.3.4'], ['5', '1', '1.2.3.5']]);
    const scale = { min: 1, max: 5 };
    const columns: SurveyColumnPlan[] = [
      { index: 0, header: 'Speed', role: 'grid-item', group: 'Rate us', item: 'Speed', type: 'scale', scale, filled: 2, samples: [] },
      { index: 1, header: 'Docs', role: 'grid-item', group: 'Rate us', item: 'Docs', type: 'scale', scale, filled: 2, samples: [] },
      { index: 2, header: 'IP', role: 'metadata', filled: 2, samples: [] },
    ];
    const { questions, responses } = readTable(table, columns);
    expect(questions.map((q) => [q.key, q.gridTitle, q.itemType])).toEqual([
      ['rate us [speed]', 'Rate us', 'scale'],
      ['rate us [docs]', 'Rate us', 'scale'],
    ]);
    expect(responses[1]?.answers).toEqual({ 'rate us [speed]': 5, 'rate us [docs]': 1 });
  });
});

describe('readSurveyResponses: SurveyMonkey contact blocks', () => {
  const table = tableOf(fixtureBytes('surveymonkey-contact-block.csv'));
  const plan = planSurveyColumns(table);

  it('reads the block: Name is the respondent name, Email Address the email, the rest metadata, none a question', () => {
    const roles = Object.fromEntries(plan.columns.map((c) => [c.header, c.role]));
    expect(roles).toMatchObject({
      'Please tell us how to reach you - Name': 'name',
      'Please tell us how to reach you - Email Address': 'email',
      'Please tell us how to reach you - Company': 'metadata',
      'Please tell us how to reach you - City/Town': 'metadata',
      'Please tell us how to reach you - Phone Number': 'metadata',
    });
    expect(plan.columns.filter((c) => c.role === 'question').map((c) => c.header)).toEqual(['Which cloud do you deploy to?']);
  });

  it('names respondents from the block, and placeholders such as Anonymous, Anonym or Anonymous user name nobody', () => {
    const result = readSurveyResponses(table, plan.columns);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.responses.map((r) => [r.name, r.email])).toEqual([
      ['Ana Lima', 'ana@example.com'],
      [undefined, undefined],
      ['Bo Chen', undefined],
      [undefined, undefined],
      [undefined, 'cy@example.com'],
    ]);
  });
});

describe('isPlaceholderName', () => {
  it.each(['Anonymous', 'anonym', 'Anonymous user', ' ANONYME ', 'Anónimo', 'N/A', '***', '-'])('%s is a placeholder', (name) => {
    expect(isPlaceholderName(name)).toBe(true);
  });
  it.each(['Ana Lima', 'Anon Kowalski', 'Nadia'])('%s is a name', (name) => {
    expect(isPlaceholderName(name)).toBe(false);
  });
});

describe('readSurveyResponses: one column per option', () => {
  const table = tableOf(fixtureBytes('surveymonkey-option-columns.csv'));
  const plan = planSurveyColumns(table);
  const read = readSurveyResponses(table, plan.columns);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  const question = (text: string) => read.questions.find((q) => q.text === text);

  it('reads options of which no row fills more than one as a single choice, and ordered labels as a scale of the offered points', () => {
    expect(question('Which cloud is your main one?')).toMatchObject({ type: 'single-choice', options: ['AWS', 'GCP', 'Azure'] });
    expect(question('How much does on-call disturb your sleep?')).toMatchObject({ type: 'scale', scale: { min: 1, max: 4, labels: ['Not at all', 'Not much', 'Some', 'A lot'] } });
    // Two filled in one row: still multiple choice.
    expect(question('Which tools do you use?')).toMatchObject({ type: 'multi-choice' });
  });

  it('answers with the one option chosen, or its point on the scale', () => {
    expect(read.responses.map((r) => r.answers['which cloud is your main one?'])).toEqual(['AWS', 'GCP', 'Azure', 'AWS']);
    expect(read.responses.map((r) => r.answers['how much does on-call disturb your sleep?'])).toEqual([3, 4, 1, 2]);
    expect(read.responses.map((r) => r.answers['which tools do you use?'])).toEqual([['Terraform', 'Ansible'], ['Ansible'], ['Terraform', 'Pulumi'], null]);
  });
});
