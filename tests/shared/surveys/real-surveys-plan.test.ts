import { describe, expect, it } from 'vitest';
import type { SurveyFormat } from '../../../shared/surveys/detect-survey-format';
import { planSurveyColumns } from '../../../shared/surveys/plan-survey-columns';
import { readSurveyResponses } from '../../../shared/surveys/read-survey-responses';
import type { SurveyColumnPlan, SurveyColumnRole, SurveyImportPlan } from '../../../shared/surveys/survey-import-plan';
import { HAS_REAL_SURVEYS, NO_REAL_SURVEYS_REASON, realSurveyBytes, tableOf } from './survey-fixtures';

if (!HAS_REAL_SURVEYS) console.warn(`Skipping the real survey exports: ${NO_REAL_SURVEYS_REASON}`);

function planReal(file: string) {
  const table = tableOf(realSurveyBytes(file));
  const plan = planSurveyColumns(table, { fileName: file });
  const read = readSurveyResponses(table, plan.columns);
  if (!read.ok) throw new Error(`${file}: ${read.problems.map((p) => `row ${p.row}: ${p.message}`).join('\n')}`);
  return { table, plan, ...read };
}

const byHeader = (plan: SurveyImportPlan, header: string): SurveyColumnPlan => {
  const column = plan.columns.find((candidate) => candidate.header === header);
  if (column === undefined) throw new Error(`no column "${header}"`);
  return column;
};

const countRole = (plan: SurveyImportPlan, role: SurveyColumnRole): number => plan.columns.filter((c) => c.role === role).length;

interface Expectation {
  readonly file: string;
  readonly format: SurveyFormat;
  readonly key: string | null;
  readonly submittedAt: string;
  /** Questions the plan makes (question columns, grid rows, groups of options). */
  readonly questions: number;
}

const cases: readonly Expectation[] = [
  { file: 'rmer-music-emotion-2016.csv', format: 'qualtrics', key: 'Response ID', submittedAt: 'Recorded Date', questions: 107 },
  { file: 'qualtricstools-sidebyside-2016-singlequote-importid.csv', format: 'qualtrics', key: 'ResponseID', submittedAt: 'EndDate', questions: 54 },
  { file: 'qualtricstools-many-question-types-legacy.csv', format: 'qualtrics-legacy', key: 'ResponseID', submittedAt: 'EndDate', questions: 108 },
  { file: 'fivethirtyeight-steak-risk-survey.csv', format: 'surveymonkey', key: 'RespondentID', submittedAt: '', questions: 14 },
  { file: 'osmi-mental-health-2018.csv', format: 'typeform', key: '#', submittedAt: 'Submit Date (UTC)', questions: 83 },
  { file: 'spack-user-survey-2021.csv', format: 'google-forms', key: null, submittedAt: 'Timestamp', questions: 53 },
  { file: 'dask-user-survey-2019.csv', format: 'google-forms', key: null, submittedAt: 'Timestamp', questions: 23 },
  { file: 'rstudio-r-community-survey-2019-es.csv', format: 'google-forms', key: null, submittedAt: 'Timestamp', questions: 51 },
  { file: 'cpp-developer-survey-2016-full-headings.csv', format: 'limesurvey', key: 'Response ID', submittedAt: 'Date submitted', questions: 155 },
];

describe.skipIf(!HAS_REAL_SURVEYS)('planning and reading the real exports', () => {
  it.each(cases)('$file: roles, respondent keys and a sensible number of questions', ({ file, format, key, submittedAt, questions }) => {
    const { table, plan, questions: planned, responses } = planReal(file);
    expect(plan.format).toBe(format);
    expect(plan.responseCount).toBe(table.rows.length);
    expect(responses).toHaveLength(table.rows.length);
    expect(planned).toHaveLength(questions);
    expect(countRole(plan, 'respondent-key')).toBe(key === null ? 0 : 1);
    if (key !== null) expect(byHeader(plan, key).role).toBe('respondent-key');
    if (submittedAt !== '') expect(byHeader(plan, submittedAt).role).toBe('submitted-at');
    // Respondent keys identify every response; question keys every question.
    expect(new Set(responses.map((r) => r.respondentKey)).size).toBe(responses.length);
    expect(new Set(planned.map((q) => q.key)).size).toBe(planned.length);
    expect(responses[0]?.row).toBe(table.headerRows.length + 1);
    // Every header is shown once, without HTML.
    expect(new Set(plan.columns.map((c) => c.header)).size).toBe(plan.columns.length);
    expect(plan.columns.every((c) => !/<\/?[a-z]+>/i.test(c.header))).toBe(true);
    expect(plan.title).not.toBe('');
  });

  it('dates every response that has a submit time', { timeout: 30_000 }, () => {
    for (const { file, submittedAt } of cases) {
      if (submittedAt === '') continue;
      const { plan, table, responses } = planReal(file);
      const index = byHeader(plan, submittedAt).index;
      const dated = table.rows.filter((row) => (row[index] ?? '').trim() !== '').length;
      expect(responses.filter((r) => r.submittedAt !== undefined), file).toHaveLength(dated);
    }
  });

  it('reads the Google Forms grids as grid rows', () => {
    const spack = planReal('spack-user-survey-2021.csv');
    const rank = spack.plan.columns.filter((c) => c.group === 'Rank these TBD Spack features by importance');
    expect(rank).toHaveLength(15);
    expect(rank.every((c) => c.role === 'grid-item' && c.type === 'single-choice')).toBe(true);
    expect(rank[0]?.item).toBe('Better error messages');
    expect(countRole(spack.plan, 'grid-item')).toBe(19);

    const dask = planReal('dask-user-survey-2019.csv');
    const grid = dask.plan.columns.filter((c) => c.role === 'grid-item');
    expect(grid).toHaveLength(10);
    expect(grid.every((c) => c.group === 'What common feature requests do you care about most?')).toBe(true);
    expect(grid[4]?.item).toBe('Improve Scaling');
    expect(dask.questions.find((q) => q.text === 'GPUs')).toMatchObject({ type: 'grid-item', itemType: 'single-choice' });
  });

  it('splits Google Forms checkbox answers on `, ` or `;` by the options they use', () => {
    const spack = planReal('spack-user-survey-2021.csv');
    expect(byHeader(spack.plan, 'Which processors do you expect to use with Spack in the next year?')).toMatchObject({
      type: 'multi-choice',
      separator: ', ',
      options: ['AMD', 'Intel', 'ARM', 'IBM Power'],
    });
    expect(byHeader(spack.plan, 'If we had a (virtual) Spack user meeting, would you attend?').type).toBe('single-choice');
    const dask = planReal('dask-user-survey-2019.csv');
    expect(byHeader(dask.plan, 'Dask APIs')).toMatchObject({ type: 'multi-choice', separator: ';' });
    const launch = dask.responses.map((r) => r.answers['if you use a cluster, how do you launch dask?']).find((answer) => Array.isArray(answer) && answer.length > 1);
    expect(launch).toContain('HPC resource manager (SLURM, PBS, SGE, LSF or similar)');
    const rstudio = planReal('rstudio-r-community-survey-2019-es.csv');
    expect(byHeader(rstudio.plan, '¿Cómo descubre nuevos paquetes o paquetes que no le son familiares?').options).toContain(
      'Listas de correo electrónico como r-help, r-packages o r-pkg-devel',
    );
  });

  it('keeps multi-line answers and non-ASCII text', () => {
    const rstudio = planReal('rstudio-r-community-survey-2019-es.csv');
    const answers = rstudio.responses.flatMap((r) => Object.values(r.answers)).filter((a): a is string => typeof a === 'string');
    expect(answers.some((a) => a.includes('\n'))).toBe(true);
    expect(answers.some((a) => /[áéíóúñ¿]/.test(a))).toBe(true);
    expect(byHeader(rstudio.plan, '¿Cómo calificarías tu nivel de experiencia usando R?')).toMatchObject({ type: 'single-choice' });

    const cpp = planReal('cpp-developer-survey-2016-full-headings.csv');
    const multiLine = cpp.responses.flatMap((r) => Object.values(r.answers)).filter((a) => typeof a === 'string' && a.includes('\n'));
    expect(multiLine.length).toBeGreaterThan(50);
    expect(multiLine.every((a) => typeof a === 'string' && !a.includes('\r'))).toBe(true);

    const osmi = planReal('osmi-mental-health-2018.csv');
    expect(osmi.responses.some((r) => Object.values(r.answers).some((a) => typeof a === 'string' && a.includes('\n')))).toBe(true);
  });

  it('reads the Qualtrics files: metadata, scales, grids, options and test responses', () => {
    const rmer = planReal('rmer-music-emotion-2016.csv');
    expect(countRole(rmer.plan, 'metadata')).toBe(29);
    expect(byHeader(rmer.plan, 'Timing - Page Submit').role).toBe('metadata');
    expect(byHeader(rmer.plan, 'Music makes me feel happy')).toMatchObject({ type: 'scale', scale: { min: 1, max: 7 } });
    expect(rmer.plan.notices).toContain('44 responses are incomplete (Finished is False); they are imported with the answers given.');
    expect(rmer.plan.notices.some((n) => n.startsWith('2 responses are survey preview or test'))).toBe(true);

    const insights = planReal('qualtricstools-sidebyside-2016-singlequote-importid.csv');
    expect(countRole(insights.plan, 'grid-item')).toBeGreaterThan(30);
    expect(insights.plan.notices.some((n) => n.startsWith('25 responses are survey preview or test'))).toBe(true);

    const legacy = planReal('qualtricstools-many-question-types-legacy.csv');
    const fruits = legacy.plan.columns.filter((c) => c.role === 'choice-option' && c.group?.startsWith('This is a multiple choice multiple answer'));
    expect(fruits.map((c) => c.item)).toEqual(Array.from({ length: 4 }, () => ['Oranges', 'Blueberries', 'Strawberries']).flat());
    expect(new Set(fruits.map((c) => c.group)).size).toBe(4);
    expect(legacy.responses[0]?.answers['this is a multiple choice multiple answer vertical question, please choose one of the fruits below.']).toEqual(['Oranges', 'Strawberries']);
  });

  it('reads the SurveyMonkey file with <br> in its question text', () => {
    const steak = planReal('fivethirtyeight-steak-risk-survey.csv');
    expect(steak.plan.columns[1]?.header).toMatch(/^Consider the following hypothetical situations: In Lottery A/);
    expect(steak.plan.columns.slice(1).every((c) => c.role === 'question' && c.type === 'single-choice')).toBe(true);
  });

  it('reads the Typeform file: per-option checkbox columns and duplicate titles', () => {
    const osmi = planReal('osmi-mental-health-2018.csv');
    const groups = new Set(osmi.plan.columns.filter((c) => c.role === 'choice-option').map((c) => c.group));
    expect(groups.size).toBe(2);
    // The export names no question for its checkbox lists: each is placed by the question it
    // follows (an unanswered list came first, so these are the second and third), never titled by an option.
    expect([...groups]).toEqual([
      'Second checkbox list after “Have you ever been diagnosed with a mental health disorder?”',
      'Third checkbox list after “Have you ever been diagnosed with a mental health disorder?”',
    ]);
    const options = osmi.plan.columns.filter((c) => c.group === [...groups][0]).map((c) => c.item);
    expect(options[0]).toBe('Anxiety Disorder (Generalized, Social, Phobia, etc)');
    // The second "Why or why not?" is named by the question it follows, not numbered.
    expect(byHeader(osmi.plan, 'Why or why not? (after “Would you bring up your mental health with a potential empl…”)').type).toBe('free-text');
    expect(byHeader(osmi.plan, 'Overall, how much importance does your employer place on physical health?')).toMatchObject({ type: 'scale', scale: { min: 0, max: 10 } });
    expect(countRole(osmi.plan, 'ignore')).toBe(14);
  });

  it('reads the LimeSurvey file: bracket grids, word scales and incomplete responses', () => {
    const cpp = planReal('cpp-developer-survey-2016-full-headings.csv');
    expect(byHeader(cpp.plan, '7 - How would you describe your roles in this project? [Core Developer]')).toMatchObject({ role: 'grid-item', type: 'single-choice' });
    expect(byHeader(cpp.plan, '7 - How would you describe your roles in this project? [Other]')).toMatchObject({ role: 'grid-item', type: 'free-text' });
    expect(byHeader(cpp.plan, '6 - Describe your participation in this project: [Other]')).toMatchObject({ role: 'question', type: 'free-text' });
    const agreement = cpp.plan.columns.filter((c) => c.group?.startsWith('13 - Regarding difficulties'));
    expect(agreement).toHaveLength(5);
    expect(agreement.every((c) => c.type === 'scale' && c.scale?.labels?.[4] === 'Strongly agree')).toBe(true);
    expect(cpp.plan.notices).toContain('268 responses are incomplete (no submit date); they are imported with the answers given.');
  });
});
