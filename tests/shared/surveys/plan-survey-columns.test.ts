import { describe, expect, it } from 'vitest';
import { planSurveyColumns, titleFromFileName } from '../../../shared/surveys/plan-survey-columns';
import type { SurveyColumnPlan, SurveyImportPlan } from '../../../shared/surveys/survey-import-plan';
import { fixtureBytes, parseProblemOf, tableFromRows, tableOf } from './survey-fixtures';

function planFixture(name: string): SurveyImportPlan {
  return planSurveyColumns(tableOf(fixtureBytes(name)), { fileName: name });
}

function column(plan: SurveyImportPlan, header: string): SurveyColumnPlan {
  const found = plan.columns.find((candidate) => candidate.header === header);
  if (found === undefined) throw new Error(`no column "${header}" in ${plan.columns.map((c) => c.header).join(' | ')}`);
  return found;
}

const roles = (plan: SurveyImportPlan) => Object.fromEntries(plan.columns.map((c) => [c.header, c.role]));

describe('planSurveyColumns: Qualtrics', () => {
  const plan = planFixture('qualtrics-three-header-rows.csv');

  it('reads headers from the label row, with HTML stripped', () => {
    expect(plan.format).toBe('qualtrics');
    expect(plan.responseCount).toBe(5);
    expect(plan.columns.map((c) => c.header).slice(17, 21)).toEqual([
      'How likely are you to recommend the platform to a colleague?',
      'How satisfied are you with each part? - Build speed',
      'How satisfied are you with each part? - Docs',
      'How satisfied are you with each part? - On-call',
    ]);
  });

  it('finds the key, respondent and tool columns', () => {
    expect(roles(plan)).toMatchObject({
      'Start Date': 'metadata',
      'End Date': 'metadata',
      'Response Type': 'metadata',
      'IP Address': 'metadata',
      Progress: 'metadata',
      'Duration (in seconds)': 'metadata',
      Finished: 'metadata',
      'Recorded Date': 'submitted-at',
      'Response ID': 'respondent-key',
      'Recipient Last Name': 'name',
      'Recipient First Name': 'name',
      'Recipient Email': 'email',
      'External Data Reference': 'metadata',
      'Location Latitude': 'metadata',
      'Distribution Channel': 'metadata',
      'User Language': 'metadata',
      'How likely are you to recommend the platform to a colleague? - Display Order': 'metadata',
    });
  });

  it('reads a 0-10 question as a scale and a count as a number', () => {
    expect(column(plan, 'How likely are you to recommend the platform to a colleague?')).toMatchObject({ role: 'question', type: 'scale', scale: { min: 0, max: 10 } });
    expect(column(plan, 'How many services does your team own?')).toMatchObject({ role: 'question', type: 'number', filled: 4 });
    expect(column(plan, 'What slows you down the most?')).toMatchObject({ role: 'question', type: 'free-text' });
  });

  it('reads a `question - item` matrix of satisfaction words as a grid on a word scale', () => {
    const docs = column(plan, 'How satisfied are you with each part? - Docs');
    expect(docs).toMatchObject({ role: 'grid-item', group: 'How satisfied are you with each part?', item: 'Docs', type: 'scale' });
    expect(docs.scale).toEqual({
      min: 1,
      max: 5,
      labels: ['Very dissatisfied', 'Dissatisfied', 'Neither satisfied nor dissatisfied', 'Satisfied', 'Very satisfied'],
    });
  });

  it('reads `Q3_1`... columns of 1/blank as one option each, and keeps the Other text as free text', () => {
    const options = plan.columns.filter((c) => c.role === 'choice-option');
    expect(options.map((c) => [c.group, c.item])).toEqual([
      ['Which tools do you use?', 'Terraform'],
      ['Which tools do you use?', 'Ansible'],
      ['Which tools do you use?', 'Pulumi'],
      ['Which tools do you use?', 'Other'],
    ]);
    expect(column(plan, 'Which tools do you use? - Other - Text')).toMatchObject({ role: 'question', type: 'free-text' });
  });

  it('says how many responses are incomplete or previews', () => {
    expect(plan.notices).toContain('1 response is incomplete (Finished is False); they are imported with the answers given.');
    expect(plan.notices.some((notice) => notice.startsWith('1 response is a survey preview or test'))).toBe(true);
  });

  it('reads the legacy exporter: labels joined with a bare hyphen, numeric matrices', () => {
    const legacy = planFixture('qualtrics-legacy.csv');
    expect(legacy.format).toBe('qualtrics-legacy');
    expect(roles(legacy)).toMatchObject({ ResponseID: 'respondent-key', ResponseSet: 'metadata', Name: 'name', EmailAddress: 'email', Status: 'metadata', EndDate: 'submitted-at', Finished: 'metadata' });
    expect(column(legacy, 'Which fruits do you eat?-Blueberries')).toMatchObject({ role: 'choice-option', group: 'Which fruits do you eat?', item: 'Blueberries' });
    expect(column(legacy, 'Please rate each fruit.-Oranges')).toMatchObject({ role: 'grid-item', group: 'Please rate each fruit.', item: 'Oranges', type: 'scale', scale: { min: 1, max: 5 } });
    expect(legacy.notices).toHaveLength(2);
  });

  it('reads a file re-saved through Excel with two header rows', () => {
    const resaved = planFixture('qualtrics-excel-resaved.csv');
    expect(resaved.format).toBe('qualtrics');
    expect(column(resaved, 'Recorded Date').role).toBe('submitted-at');
    expect(column(resaved, 'How easy is it to ship a change?')).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
  });

  it('keeps Qualtrics timing, score and embedded data out of the questions', () => {
    const table = tableFromRows(
      [
        ['ResponseId', 'Q1', 'Q7_First Click', 'Q7_Page Submit', 'SC0', 'Q_RecaptchaScore', 'plan'],
        ['Response ID', 'How was it?', 'Timing - First Click', 'Timing - Page Submit', 'Score', 'Q_RecaptchaScore', 'plan'],
        ['{"ImportId":"_recordId"}', '{"ImportId":"QID1"}', '{"ImportId":"QID7_FIRST_CLICK"}', '{"ImportId":"QID7_PAGE_SUBMIT"}', '{"ImportId":"SC_abc"}', '{"ImportId":"Q_RecaptchaScore"}', '{"ImportId":"plan"}'],
        ['R_1', 'Good', '1.2', '3.4', '2', '0.9', 'pro'],
        ['R_2', 'Bad', '0.5', '8.1', '1', '0.8', 'free'],
      ],
      'qualtrics',
      3,
    );
    expect(planSurveyColumns(table).columns.map((c) => c.role)).toEqual(['respondent-key', 'question', 'metadata', 'metadata', 'metadata', 'metadata', 'metadata']);
  });
});

describe('planSurveyColumns: SurveyMonkey', () => {
  const plan = planFixture('surveymonkey-two-header-rows.csv');

  it('recognises its fixed columns', () => {
    expect(roles(plan)).toMatchObject({
      'Respondent ID': 'respondent-key',
      'Collector ID': 'metadata',
      'Start Date': 'metadata',
      'End Date': 'submitted-at',
      'IP Address': 'metadata',
      'Email Address': 'email',
      'First Name': 'name',
      'Last Name': 'name',
      'Custom Data 1': 'metadata',
    });
  });

  it('forward-fills the question over its sub-columns', () => {
    expect(column(plan, 'Which cloud do you deploy to?')).toMatchObject({ role: 'question', type: 'single-choice', options: ['AWS', 'GCP', 'On-premises'] });
    expect(column(plan, 'Which tools do you use? - Ansible')).toMatchObject({ role: 'choice-option', group: 'Which tools do you use?', item: 'Ansible', type: 'multi-choice' });
    expect(column(plan, 'Which tools do you use? - Other (please specify)')).toMatchObject({ role: 'question', type: 'free-text' });
    expect(column(plan, 'How satisfied are you with: - Documentation')).toMatchObject({ role: 'grid-item', group: 'How satisfied are you with:', item: 'Documentation', type: 'scale' });
    expect(column(plan, 'Anything else you want to tell us?')).toMatchObject({ role: 'question', type: 'free-text' });
  });

  it('reads the condensed export, whose second row is blank, by the options in the cells', () => {
    const condensed = planFixture('surveymonkey-condensed.csv');
    expect(condensed.columns.slice(5).map((c) => [c.header, c.role, c.item])).toEqual([
      ['Which tools do you use? - Terraform', 'choice-option', 'Terraform'],
      ['Which tools do you use? - Ansible', 'choice-option', 'Ansible'],
      ['Which tools do you use? - Pulumi', 'choice-option', 'Pulumi'],
    ]);
  });

  it('reads a matrix whose rows all got the same answer as a grid, not as options', () => {
    const table = tableFromRows(
      [
        ['Respondent ID', 'Rate these:', ''],
        ['', 'Speed', 'Docs'],
        ['1', 'Good', 'Good'],
        ['2', 'Good', 'Good'],
      ],
      'surveymonkey',
      2,
    );
    expect(planSurveyColumns(table).columns.slice(1).map((c) => c.role)).toEqual(['grid-item', 'grid-item']);
  });
});

describe('planSurveyColumns: Typeform and Microsoft Forms', () => {
  it('strips HTML, tells repeated titles apart by the question before them and groups per-option checkbox columns', () => {
    const plan = planFixture('typeform.csv');
    expect(plan.columns.map((c) => c.header)).toEqual([
      '#',
      'Which cloud do you deploy to?',
      'How many services does your team own?',
      'Terraform',
      'Ansible',
      'Pulumi',
      'Other',
      'Why did you pick those tools?',
      'Why?',
      'Why? (after “Why did you pick those tools?”)',
      'Start Date (UTC)',
      'Submit Date (UTC)',
      'Network ID',
    ]);
    expect(plan.columns.map((c) => c.role)).toEqual([
      'respondent-key',
      'question',
      'question',
      'choice-option',
      'choice-option',
      'choice-option',
      'question',
      'question',
      'question',
      'question',
      'metadata',
      'submitted-at',
      'metadata',
    ]);
    // Typeform's export names no question for a checkbox list: it is placed by the question it follows, not titled by its options.
    expect(column(plan, 'Pulumi')).toMatchObject({ group: 'Checkbox list after “How many services does your team own?”', item: 'Pulumi' });
    expect(column(plan, 'How many services does your team own?').type).toBe('number');
    expect(plan.notices).toContain('1 column shares its header with another column and is named by the question before it or by its export tag (or numbered when nothing tells them apart).');
  });

  it('reads Microsoft Forms columns, `;`-joined choices and anonymous responses', () => {
    const plan = planFixture('microsoft-forms.csv');
    expect(plan.columns.slice(0, 6).map((c) => c.role)).toEqual(['respondent-key', 'metadata', 'submitted-at', 'email', 'name', 'metadata']);
    expect(column(plan, 'Which tools do you use?')).toMatchObject({ type: 'multi-choice', separator: ';', options: ['Terraform', 'Ansible', 'Pulumi'] });
    expect(column(plan, 'How satisfied are you with the deploy pipeline?')).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
    expect(column(plan, 'How likely are you to recommend the platform to a colleague?')).toMatchObject({ type: 'scale', scale: { min: 0, max: 10 } });
    expect(plan.notices).toContain('2 responses are anonymous (no email).');
  });
});

describe('planSurveyColumns: Google Forms and LimeSurvey', () => {
  const plan = planFixture('google-forms.csv');

  it('has no respondent key, and says so', () => {
    expect(plan.columns.slice(0, 2).map((c) => c.role)).toEqual(['submitted-at', 'email']);
    expect(plan.columns.some((c) => c.role === 'respondent-key')).toBe(false);
    expect(plan.notices[0]).toMatch(/no response id/);
  });

  it('splits `, `-joined checkboxes by the options seen, keeping a comma inside brackets', () => {
    expect(column(plan, 'Which tools do you use every week?')).toMatchObject({
      type: 'multi-choice',
      separator: ', ',
      options: ['Grafana', 'Docs (wiki, runbooks)', 'Terraform'],
    });
  });

  it('reads `Question [Row]` columns as grid rows', () => {
    const grid = plan.columns.filter((c) => c.role === 'grid-item');
    expect(grid.map((c) => [c.group, c.item, c.type])).toEqual([
      ['Rate each part of the platform', 'CI', 'single-choice'],
      ['Rate each part of the platform', 'Deploys', 'single-choice'],
      ['Rate each part of the platform', 'Observability', 'single-choice'],
    ]);
    expect(grid[0]?.options).toEqual(['Good', 'Poor', 'Excellent', 'Fair']);
    expect(column(plan, 'Where do you work?').samples).toEqual(['Zürich', 'Berlin', 'São Paulo']);
  });

  it('reads the "Download responses" flavour: `;` lists and two spaces before `[`', () => {
    const semicolon = planFixture('google-forms-semicolon.csv');
    expect(column(semicolon, 'Dask APIs')).toMatchObject({ type: 'multi-choice', separator: ';', options: ['Array', 'DataFrame', 'Delayed', 'Futures'] });
    expect(column(semicolon, 'What do you care about most? [Scaling]')).toMatchObject({ role: 'grid-item', group: 'What do you care about most?', item: 'Scaling' });
  });

  it('reads LimeSurvey code headings and counts incomplete responses', () => {
    const lime = planFixture('limesurvey-codes.csv');
    expect(lime.columns.slice(0, 7).map((c) => c.role)).toEqual(['respondent-key', 'submitted-at', 'metadata', 'metadata', 'metadata', 'metadata', 'metadata']);
    expect(column(lime, 'PKZ[SQ002]')).toMatchObject({ role: 'grid-item', group: 'PKZ', item: 'SQ002', type: 'single-choice' });
    expect(column(lime, 'G01Q01')).toMatchObject({ type: 'scale', scale: { min: 1, max: 4, labels: ['Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] } });
    expect(lime.notices).toContain('1 response is incomplete (no submit date); they are imported with the answers given.');
  });
});

// Shapes that only the real exports in ../shared/real-surveys showed before; a clone without that
// folder still proves each of them with these made-up files.
describe('planSurveyColumns: older exporters', () => {
  it('reads the Qualtrics 2016 "Insights" export: two `ResponseID` rows, single-quoted ImportIds, side-by-side grids', () => {
    const insights = planFixture('qualtrics-insights-2016.csv');
    expect(insights).toMatchObject({ format: 'qualtrics', responseCount: 4 });
    expect(roles(insights)).toMatchObject({ ResponseID: 'respondent-key', ResponseSet: 'metadata', EndDate: 'submitted-at', Status: 'metadata', LocationLatitude: 'metadata' });
    const grids = insights.columns.filter((c) => c.role === 'grid-item');
    expect(grids.map((c) => [c.group, c.item])).toEqual([
      ['How is the platform?-How often do you use it', 'Builds'],
      ['How is the platform?-How often do you use it', 'Deploys'],
      ['How is the platform?-How satisfied are you', 'Builds'],
      ['How is the platform?-How satisfied are you', 'Deploys'],
    ]);
    expect(grids.every((c) => c.type === 'scale')).toBe(true);
    expect(column(insights, 'What would you change?')).toMatchObject({ role: 'question', type: 'free-text' });
    expect(insights.notices).toContain('1 response is incomplete (Finished is False); they are imported with the answers given.');
    expect(insights.notices.some((n) => n.startsWith('1 response is a survey preview or test'))).toBe(true);
  });

  it('reads the older SurveyMonkey layout: `RespondentID` alone, row 2 all `Response`, `<br>` in a question', () => {
    const monkey = planFixture('surveymonkey-respondentid-only.csv');
    expect(monkey).toMatchObject({ format: 'surveymonkey', responseCount: 5 });
    expect(column(monkey, 'RespondentID').role).toBe('respondent-key');
    expect(monkey.columns[1]?.header).toBe('Consider two plans: Plan A ships weekly with a 5% failure rate. Plan B ships monthly with a 1% failure rate. Which plan would you pick?');
    expect(monkey.columns.slice(1).every((c) => c.role === 'question' && c.type === 'single-choice')).toBe(true);
  });

  it('reads LimeSurvey full headings: `[Subquestion]` grids, a lone `[Other]`, a word scale, incomplete responses', () => {
    const lime = planFixture('limesurvey-full-headings.csv');
    expect(lime).toMatchObject({ format: 'limesurvey', responseCount: 6 });
    expect(lime.columns.slice(0, 6).map((c) => c.role)).toEqual(['respondent-key', 'submitted-at', 'metadata', 'metadata', 'metadata', 'metadata']);
    expect(column(lime, '5 - How would you describe your roles? [Developer]')).toMatchObject({ role: 'grid-item', type: 'single-choice', group: '5 - How would you describe your roles?' });
    expect(column(lime, '5 - How would you describe your roles? [Other]')).toMatchObject({ role: 'grid-item', type: 'free-text' });
    expect(column(lime, '2 - Which cloud do you use most? [Other]')).toMatchObject({ role: 'question', type: 'free-text' });
    const agreement = lime.columns.filter((c) => c.group === '7 - To what extent do you agree with each statement?');
    expect(agreement).toHaveLength(3);
    expect(agreement.every((c) => c.type === 'scale' && c.scale?.labels?.[4] === 'Strongly agree')).toBe(true);
    expect(lime.notices).toContain('2 responses are incomplete (no submit date); they are imported with the answers given.');
  });
});

describe('planSurveyColumns: generic files', () => {
  it('takes a distinct id column as the key and reads every type', () => {
    const plan = planFixture('generic.csv');
    expect(plan.columns.slice(0, 4).map((c) => c.role)).toEqual(['respondent-key', 'submitted-at', 'name', 'email']);
    expect(column(plan, 'I can find what I need in the docs')).toMatchObject({
      type: 'scale',
      scale: { min: 1, max: 5, labels: ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree'] },
    });
    expect(column(plan, 'How many services does your team own?').type).toBe('number');
    expect(column(plan, 'Which part of the company do you work in?')).toMatchObject({ type: 'single-choice', options: ['Payments', 'Search', 'Platform'] });
    expect(column(plan, 'Which tools do you use every week?')).toMatchObject({ type: 'multi-choice', separator: ';' });
    expect(column(plan, 'Rate each part of the platform [CI]')).toMatchObject({ role: 'grid-item', item: 'CI' });
    expect(column(plan, 'Anything else you want to tell us?').type).toBe('free-text');
    expect(plan.notices).toEqual([]);
  });

  it('refuses an id column whose values repeat or are missing', () => {
    const table = tableFromRows([['Response ID', 'Comment'], ['1', 'a'], ['1', 'b'], ['', 'c']]);
    expect(planSurveyColumns(table).columns[0]?.role).not.toBe('respondent-key');
  });

  it('reads a semicolon file with day-first dates, decimal commas and a stated scale', () => {
    const plan = planFixture('generic-semicolon.csv');
    expect(plan.format).toBe('generic');
    expect(plan.columns.map((c) => [c.header, c.role, c.type])).toEqual([
      ['Datum', 'submitted-at', undefined],
      ['Team', 'question', 'single-choice'],
      ['Wie zufrieden bist du? (1-5)', 'question', 'scale'],
      ['Wie viele Stunden verlierst du pro Woche?', 'question', 'number'],
      ['Kommentar', 'question', 'free-text'],
    ]);
  });

  it('gives first and last name columns both the name role', () => {
    const plan = planFixture('generic-tab.tsv');
    expect(plan.columns.map((c) => c.role)).toEqual(['name', 'name', 'email', 'submitted-at', 'question', 'question']);
    // Only the points answered: nobody found it very difficult, so the scale starts at "Difficult".
    expect(column(plan, 'How easy is it to ship a change?').scale?.labels).toEqual(['Difficult', 'Neither easy nor difficult', 'Easy', 'Very easy']);
  });

  it('names empty headers and numbers repeated ones', () => {
    const plan = planFixture('duplicate-headers.csv');
    // The second Comment follows another column: named by it; the third follows only Comments: numbered.
    expect(plan.columns.map((c) => c.header)).toEqual(['Respondent', 'Comment', 'Column 3', 'Comment (after “Column 3”)', 'Comment (2)']);
    expect(plan.notices).toContain(
      '2 columns share their header with another column and are named by the question before them or by their export tag (or numbered when nothing tells them apart).',
    );
  });

  it('finds an email column by its values when its header does not say so', () => {
    const table = tableFromRows([['Who', 'Contact', 'Q'], ['Ana', 'ana@example.com', 'yes'], ['Bo', 'bo@example.com', 'no']]);
    expect(planSurveyColumns(table).columns.map((c) => c.role)).toEqual(['question', 'email', 'question']);
  });

  it('ignores columns nobody answered', () => {
    const table = tableFromRows([['Q1', 'Q2'], ['yes', ''], ['no', '']]);
    expect(planSurveyColumns(table).columns.map((c) => c.role)).toEqual(['question', 'ignore']);
  });

  it('says when no column looks like a question', () => {
    const table = tableFromRows([['Response ID', 'Email'], ['1', 'a@example.com']]);
    expect(planSurveyColumns(table).notices).toContain('No column looks like a question: mark the columns to import as questions.');
  });
});

describe('planSurveyColumns: answer types', () => {
  const typeOf = (header: string, values: readonly string[]) => {
    const plan = planSurveyColumns(tableFromRows([['Response ID', header], ...values.map((value, i) => [`r${i}`, value])]));
    const planned = plan.columns[1];
    if (planned === undefined) throw new Error('no column');
    return planned;
  };

  it('reads small whole numbers as a scale, and counts as numbers', () => {
    expect(typeOf('How satisfied are you?', ['1', '2', '3', '4', '5', '4'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
    expect(typeOf('Rate it', ['2', '7', '5', '6', '4'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 7 } });
    expect(typeOf('Recommend?', ['6', '8', '9', '10', '7'])).toMatchObject({ type: 'scale', scale: { min: 0, max: 10 } });
    expect(typeOf('How many hours a week?', ['1', '2', '3', '4', '5'])).toMatchObject({ type: 'number' });
    expect(typeOf('Budget', ['1200', '35.5', '-3', '10'])).toMatchObject({ type: 'number' });
    expect(typeOf('Team size', ['12', '40', '7'])).toMatchObject({ type: 'number' });
  });

  it('reads a few small codes as a single choice and leading-zero codes as text', () => {
    expect(typeOf('Self-employed?', ['0', '1', '1', '0'])).toMatchObject({ type: 'single-choice', options: ['0', '1'] });
    expect(typeOf('Zip code', ['02139', '10001', '94105', '02139', '10001', '94105', '02139', '10001'])).toMatchObject({ type: 'single-choice' });
  });

  it('reads Likert words, numbered labels and opt-outs as a scale', () => {
    expect(typeOf('How often?', ['Never', 'Rarely', 'Often', 'Always', 'N/A'])).toMatchObject({
      type: 'scale',
      scale: { min: 1, max: 4, labels: ['Never', 'Rarely', 'Often', 'Always'] },
    });
    expect(typeOf('Likely?', ['not at all likely', 'Extremely likely', 'Very likely'])).toMatchObject({
      type: 'scale',
      scale: { min: 1, max: 3, labels: ['not at all likely', 'Very likely', 'Extremely likely'] },
    });
    expect(typeOf('Satisfied?', ['5 - Very satisfied', '1 - Very dissatisfied', '3', '4', '2'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
    expect(typeOf('Satisfied?', ['1 - Bad', '2 - Meh', '3 - OK', '4 - Good', '5 - Great'])).toMatchObject({
      type: 'scale',
      scale: { min: 1, max: 5, labels: ['1 - Bad', '2 - Meh', '3 - OK', '4 - Good', '5 - Great'] },
    });
    const optOuts = planSurveyColumns(tableFromRows([['Q'], ['1'], ['3'], ['5'], ["I don't know"], ['4']]));
    expect(optOuts.columns[0]?.type).toBe('scale');
    expect(optOuts.notices).toContain('1 answer such as “N/A” or “I don’t know” in a scale or number column is read as no answer.');
  });

  it('tells choices from free text by how often answers repeat', () => {
    expect(typeOf('Team', ['Payments', 'Search', 'Payments', 'Search', 'Payments', 'Platform', 'Search', 'Payments'])).toMatchObject({
      type: 'single-choice',
      options: ['Payments', 'Search', 'Platform'],
    });
    expect(typeOf('Why?', ['Because it is fast', 'Cheaper than the rest', 'My team picked it', 'No idea'])).toMatchObject({ type: 'free-text' });
    expect(typeOf('Why?', ['Yes', 'Line one\nline two', 'Yes', 'Yes'])).toMatchObject({ type: 'free-text' });
  });

  it('does not split single choices whose options hold the separator', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? "Yes, I'd attend" : i % 3 === 1 ? 'Yes, I would present' : 'No'));
    const plan = planSurveyColumns(tableFromRows([['Timestamp', 'Would you attend?'], ...values.map((value, i) => [`2025/12/10 9:${String(i).padStart(2, '0')}:00 AM GMT`, value])], 'google-forms'));
    expect(plan.columns[1]).toMatchObject({ type: 'single-choice', options: ["Yes, I'd attend", 'Yes, I would present', 'No'] });
  });

  it('keeps an option whose comma always comes with it whole', () => {
    const cells = ['Email, Phone', 'Slack', 'Lists like r-help, r-devel', 'Slack, Lists like r-help, r-devel', 'Email, Lists like r-help, r-devel', 'Phone, Slack', 'Email', 'Phone'];
    const values = Array.from({ length: 40 }, (_, i) => cells[i % cells.length] ?? '');
    const plan = planSurveyColumns(tableFromRows([['Timestamp', 'Where do you get help?'], ...values.map((value) => ['2025/12/10 9:00:00 AM GMT', value])], 'google-forms'));
    expect(plan.columns[1]).toMatchObject({ type: 'multi-choice', options: ['Email', 'Phone', 'Slack', 'Lists like r-help, r-devel'] });
  });

  it('keeps at most five samples, cut to 200 characters', () => {
    const long = 'x'.repeat(500);
    const planned = typeOf('Q', ['a', 'b', long, 'c', 'd', 'e', 'f']);
    expect(planned.samples).toHaveLength(5);
    expect(planned.samples[2]).toHaveLength(200);
    expect(planned.filled).toBe(7);
  });
});

describe('planSurveyColumns: titles and bad files', () => {
  it('makes the title from the file name', () => {
    expect(titleFromFileName('spack-user-survey-2021.csv')).toBe('Spack user survey 2021');
    expect(titleFromFileName('C:\\exports\\Q3_platform.survey.tsv')).toBe('Q3 platform survey');
    expect(titleFromFileName(undefined)).toBe('Imported survey');
    expect(planSurveyColumns(tableFromRows([['Q'], ['a']])).title).toBe('Imported survey');
  });

  it('decodes Windows-1252 and UTF-16 files before planning', () => {
    const cp1252 = planFixture('windows-1252.csv');
    expect(cp1252.columns[1]?.samples).toEqual(['“Too expensive” – 20 € a month', 'Café prices … fine']);
    const utf16 = planFixture('utf-16le.csv');
    expect(utf16.columns.map((c) => c.header)).toEqual(['Response ID', 'Comment', 'City']);
    expect(utf16.columns[1]?.samples).toEqual(['Großartig 👍', '素晴らしい']);
  });

  it.each([
    ['unterminated-quote.csv', 3, /never closed/],
    ['ragged-row.csv', 3, /5 cells but the header has 3/],
    ['nul-byte.csv', 3, /NUL byte/],
    ['empty.csv', null, /empty/],
    ['header-only.csv', null, /no responses/],
  ])('refuses %s before planning, naming the row', (name, row, message) => {
    const problem = parseProblemOf(fixtureBytes(name));
    expect(problem.row).toBe(row);
    expect(problem.message).toMatch(message);
  });
});

describe('planSurveyColumns: free text is prose', () => {
  it('makes identifiers, ZIP codes and dates metadata, short categories single choice, prose free text', () => {
    const plan = planSurveyColumns(tableOf(fixtureBytes('open-answer-shapes.csv')));
    const byHeader = new Map(plan.columns.map((c) => [c.header, c]));
    expect(byHeader.get('Participant ID')?.role).toBe('metadata');
    expect(byHeader.get('ZIP code')?.role).toBe('metadata');
    expect(byHeader.get('Date of visit')?.role).toBe('metadata');
    for (const header of ['Country', 'Job title', 'How did you hear about us?']) {
      expect(byHeader.get(header)).toMatchObject({ role: 'question', type: 'single-choice' });
    }
    // The options are the answers given more than once, most frequent first; the rest stay as written ("Other").
    expect(byHeader.get('Country')?.options?.slice(0, 1)).toEqual(['Germany']);
    expect(byHeader.get('Country')?.options).not.toContain('Austria');
    expect(byHeader.get('What would you improve, and why?')).toMatchObject({ role: 'question', type: 'free-text' });
  });

  it('keeps a choice write-in box ("Other (please specify)") as free text', () => {
    const rows = [['Role', 'Other (please specify)'], ...Array.from({ length: 12 }, (_, i) => ['Engineer', i % 2 === 0 ? 'Teacher' : `Job ${i}`])];
    const plan = planSurveyColumns(tableFromRows(rows));
    expect(plan.columns[1]).toMatchObject({ role: 'question', type: 'free-text' });
  });
});

describe('planSurveyColumns: scales use only what the survey offered (issue 15, item 7)', () => {
  const only = (header: string, values: readonly string[], format: SurveyImportPlan['format'] = 'generic') => {
    const plan = planSurveyColumns(tableFromRows([['Response ID', header], ...values.map((value, i) => [`r${i}`, value])], format));
    const planned = plan.columns[1];
    if (planned === undefined) throw new Error('no column');
    return planned;
  };

  it('keeps a 1-4 scale 1-4 and a 0-4 scale 0-4: no fifth point, no midpoint', () => {
    expect(only('How hard was it?', ['1', '2', '4', '3', '2', '4'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 4 } });
    expect(only('How hard was it?', ['0', '2', '4', '3', '1'])).toMatchObject({ type: 'scale', scale: { min: 0, max: 4 } });
    expect(only('How hard was it?', ['1', '6', '4', '3', '2'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 6 } });
    // A range the question states still wins.
    expect(only('On a scale of 1 to 5, how hard was it?', ['1', '2', '4', '3'])).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
  });

  it('reads a grid whose rows hold 1..k once each as a ranking over k positions', () => {
    const header = ['Response ID', 'Rank the tools - Terraform', 'Rank the tools - Pulumi', 'Rank the tools - Ansible', 'Rank the tools - Chef'];
    const rankings = [
      ['1', '2', '3', '4'],
      ['2', '1', '4', '3'],
      ['1', '3', '2', '4'],
      ['', '', '', ''],
      ['4', '3', '1', '2'],
    ];
    const plan = planSurveyColumns(tableFromRows([header, ...rankings.map((row, i) => [`r${i}`, ...row])], 'qualtrics'));
    const items = plan.columns.filter((c) => c.role === 'grid-item');
    expect(items).toHaveLength(4);
    expect(items.every((c) => c.type === 'ranking' && c.scale?.min === 1 && c.scale.max === 4)).toBe(true);
    // The same numbers as ratings (a position twice in a row) are a scale, not a ranking.
    const ratings = rankings.map((row, i) => (i === 0 ? ['4', '4', '3', '1'] : row));
    const rated = planSurveyColumns(tableFromRows([header, ...ratings.map((row, i) => [`r${i}`, ...row])], 'qualtrics'));
    expect(rated.columns.filter((c) => c.role === 'grid-item').every((c) => c.type === 'scale')).toBe(true);
  });

  it('reads zero-padded codes and a legacy export’s numeric codes as categories, in number order', () => {
    const districts = ['03', '01', '10', '02', '01', '07', '03', '10', '05', '02', '08', '09', '04', '06'];
    expect(only('District', districts)).toMatchObject({ type: 'single-choice', options: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'] });
    const legacy = only('Which team are you on?', ['3', '1', '4', '2', '1', '3', '5'], 'qualtrics-legacy');
    expect(legacy).toMatchObject({ type: 'single-choice', options: ['1', '2', '3', '4', '5'] });
    // A legacy rating question keeps its scale.
    expect(only('How satisfied are you?', ['3', '1', '4', '2', '5'], 'qualtrics-legacy')).toMatchObject({ type: 'scale', scale: { min: 1, max: 5 } });
  });

  it('gives every pass of a looped question one type, from all its answers', () => {
    const plan = planFixture('qualtrics-loop.csv');
    const passes = plan.columns.filter((c) => c.header.startsWith('How often do you deploy this service?'));
    expect(passes).toHaveLength(3);
    // Alone, the second pass (1/2 only) would be a single choice and the third a 1-3 scale.
    expect(passes.map((c) => c.type)).toEqual(['scale', 'scale', 'scale']);
    expect(passes.every((c) => c.scale?.min === 1 && c.scale.max === 5)).toBe(true);
  });

  it('keeps answer labels beside their numbers, and leaves unlabelled points to their number', () => {
    const planned = only('Probleme beim Deployment?', ['1 - Keine Probleme', '2', '3', '4', '5 - Große Probleme', '2', '3']);
    expect(planned).toMatchObject({ type: 'scale', scale: { min: 1, max: 5, labels: ['1 - Keine Probleme', '', '', '', '5 - Große Probleme'] } });
  });

  it('lists options in their natural order: numeric ranges and scale words, not first seen', () => {
    const sizes = ['51-200', '1-10', '201+', '11-50', '1-10', '51-200', '11-50', '201+', '1-10'];
    expect(only('Company size', sizes)).toMatchObject({ type: 'single-choice', options: ['1-10', '11-50', '51-200', '201+'] });
    const budget = ['More than $1,000', 'Less than $100', '$100 - $500', '$501 - $1,000', 'Less than $100', '$100 - $500', 'More than $1,000', '$501 - $1,000'];
    expect(only('Monthly budget', budget).options).toEqual(['Less than $100', '$100 - $500', '$501 - $1,000', 'More than $1,000']);
    // Two scale words only: a choice, but in scale order.
    const pair = ['Agree', 'Disagree', 'Agree', 'Disagree', 'Agree', 'Disagree'];
    expect(only('Do you agree?', pair).options).toEqual(['Disagree', 'Agree']);
  });
});
