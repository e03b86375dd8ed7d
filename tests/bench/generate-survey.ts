import type { Survey, SurveyAnswer, SurveyQuestion, SurveyQuestionType, SurveyResponse } from '../../shared/domain/survey';
import { createSeededRandom, hashSeed, type SeededRandom } from './seeded-random';
import { FIRST_NAMES, LAST_NAMES, ORGANISATIONS, PROBLEMS, ROLES, SYSTEMS, WISHES } from './workspace-vocabulary';
import { WORKSPACE_REFERENCE_TIME } from './generate-workspace';

export interface SurveyOptions {
  readonly seed: number;
  readonly responseCount: number;
}

/** One respondent's row: the record an importer would store, plus what the file shows about them. */
export interface GeneratedResponse {
  readonly response: SurveyResponse;
  readonly email: string;
  readonly submittedAt: number;
}

export interface GeneratedSurvey {
  readonly survey: Survey;
  /** Twenty questions, in file column order. */
  readonly questions: readonly SurveyQuestion[];
  readonly responseCount: number;
  /** Each response depends only on the seed and its index. */
  responseAt(index: number): GeneratedResponse;
}

interface QuestionSpec {
  readonly text: string;
  readonly type: SurveyQuestionType;
  readonly options?: readonly string[];
  readonly scale?: { readonly min: number; readonly max: number };
  readonly gridTitle?: string;
  /** Share of respondents who leave it empty. */
  readonly skipRate: number;
}

const GRID_TITLE = 'Rate each part of the platform';
const GRID_OPTIONS = ['Poor', 'Fair', 'Good', 'Excellent'] as const;

const QUESTION_SPECS: readonly QuestionSpec[] = [
  { text: 'How satisfied are you with the CI pipeline?', type: 'scale', scale: { min: 1, max: 5 }, skipRate: 0 },
  { text: 'How easy is it to get a new service to production?', type: 'scale', scale: { min: 1, max: 5 }, skipRate: 0 },
  { text: 'How much do you trust the alerts you receive?', type: 'scale', scale: { min: 1, max: 5 }, skipRate: 0.02 },
  { text: 'How likely are you to recommend the platform to a colleague?', type: 'scale', scale: { min: 0, max: 10 }, skipRate: 0 },
  { text: 'Which part of the company do you work in?', type: 'single-choice', options: ORGANISATIONS.slice(0, 10), skipRate: 0 },
  { text: 'How often do you deploy?', type: 'single-choice', options: ['Several times a day', 'Daily', 'Weekly', 'Monthly', 'Rarely'], skipRate: 0 },
  { text: 'What is your role?', type: 'single-choice', options: ROLES.slice(0, 8), skipRate: 0.01 },
  {
    text: 'Which tools do you use every week?',
    type: 'multi-choice',
    options: ['CI pipeline', 'Deploy pipeline', 'Grafana', 'Log search', 'Feature flags', 'Service catalog', 'Terraform', 'Kubernetes dashboard'],
    skipRate: 0.03,
  },
  {
    text: 'What slows you down most?',
    type: 'multi-choice',
    options: ['Slow builds', 'Flaky tests', 'Waiting for reviews', 'Access requests', 'Unclear ownership', 'Missing docs', 'Environments'],
    skipRate: 0.05,
  },
  { text: 'How many hours a week do you lose to tooling problems?', type: 'number', skipRate: 0.08 },
  { text: 'How many services does your team own?', type: 'number', skipRate: 0.1 },
  { text: 'CI', type: 'grid-item', gridTitle: GRID_TITLE, options: GRID_OPTIONS, skipRate: 0.02 },
  { text: 'Deploys', type: 'grid-item', gridTitle: GRID_TITLE, options: GRID_OPTIONS, skipRate: 0.02 },
  { text: 'Observability', type: 'grid-item', gridTitle: GRID_TITLE, options: GRID_OPTIONS, skipRate: 0.03 },
  { text: 'Databases', type: 'grid-item', gridTitle: GRID_TITLE, options: GRID_OPTIONS, skipRate: 0.04 },
  { text: 'How well documented is the platform?', type: 'scale', scale: { min: 1, max: 5 }, skipRate: 0.02 },
  { text: 'What is the single biggest problem you face with our tools?', type: 'free-text', skipRate: 0.25 },
  { text: 'If you could change one thing, what would it be?', type: 'free-text', skipRate: 0.35 },
  { text: 'Anything else you want to tell us?', type: 'free-text', skipRate: 0.7 },
  { text: 'May we contact you for a follow-up chat?', type: 'single-choice', options: ['Yes', 'No'], skipRate: 0 },
];

const THREE_WEEKS_MS = 21 * 24 * 60 * 60 * 1000;

/** A reproducible survey of twenty questions (every question type) and `responseCount` responses. */
export function generateSurvey({ seed, responseCount }: SurveyOptions): GeneratedSurvey {
  if (!Number.isInteger(responseCount) || responseCount < 0) throw new RangeError(`A survey needs a whole number of responses, not ${responseCount}.`);
  const random = createSeededRandom(hashSeed(seed, 'survey-file'));
  const surveyId = random.uuid();
  const importedAt = WORKSPACE_REFERENCE_TIME;
  const survey: Survey = {
    id: surveyId,
    title: 'Platform developer survey',
    sourceFileName: 'platform-developer-survey.csv',
    importedAt,
    createdAt: importedAt,
    updatedAt: importedAt,
  };
  const questions = QUESTION_SPECS.map(
    (spec, position): SurveyQuestion => ({
      id: random.uuid(),
      surveyId,
      position,
      text: spec.text,
      type: spec.type,
      ...(spec.options === undefined ? {} : { options: spec.options }),
      ...(spec.scale === undefined ? {} : { scale: spec.scale }),
      ...(spec.gridTitle === undefined ? {} : { gridTitle: spec.gridTitle }),
    }),
  );
  const firstSubmittedAt = importedAt - THREE_WEEKS_MS;
  const step = responseCount > 0 ? THREE_WEEKS_MS / responseCount : 0;

  return {
    survey,
    questions,
    responseCount,
    responseAt(index) {
      if (!Number.isInteger(index) || index < 0 || index >= responseCount) throw new RangeError(`No response ${index} in a survey of ${responseCount}.`);
      const row = createSeededRandom(hashSeed(seed, 'survey-response', index));
      const first = row.pick(FIRST_NAMES);
      const last = row.pick(LAST_NAMES);
      const email = `${first}.${last}${index}@example.com`.toLowerCase().replace(/[^a-z0-9.@]+/g, '');
      // Whole seconds, ascending like a real export.
      const submittedAt = Math.floor((firstSubmittedAt + index * step + row.int(0, Math.max(0, Math.floor(step)))) / 1000) * 1000;
      const satisfaction = row.next();
      const answers: Record<string, SurveyAnswer> = {};
      for (const [position, spec] of QUESTION_SPECS.entries()) {
        const question = questions[position];
        if (question !== undefined) answers[question.id] = row.chance(spec.skipRate) ? null : answer(spec, row, satisfaction);
      }
      return {
        response: { id: row.uuid(), surveyId, respondentKey: email, submittedAt, answers },
        email,
        submittedAt,
      };
    },
  };
}

/** Answers lean on one per-respondent mood, so scale questions correlate as they do in real surveys. */
function answer(spec: QuestionSpec, random: SeededRandom, satisfaction: number): SurveyAnswer {
  switch (spec.type) {
    case 'scale': {
      const { min, max } = spec.scale ?? { min: 1, max: 5 };
      const leaning = min + satisfaction * (max - min);
      return Math.min(max, Math.max(min, Math.round(random.normal(leaning, (max - min) / 5))));
    }
    case 'number':
      return Math.max(0, Math.round(random.normal(spec.text.includes('hours') ? 4 : 6, 3)));
    case 'single-choice':
    case 'ranking':
    case 'grid-item':
      return random.pick(spec.options ?? ['']);
    case 'multi-choice': {
      const options = spec.options ?? [];
      const chosen = new Set(random.sample(options, random.int(1, Math.min(4, options.length))));
      return options.filter((option) => chosen.has(option));
    }
    case 'free-text':
      return freeText(random);
  }
}

function freeText(random: SeededRandom): string {
  const parts = Array.from({ length: random.int(1, 3) }, () => {
    switch (random.int(0, 3)) {
      case 0:
        return `The ${random.pick(SYSTEMS)} ${random.pick(PROBLEMS)}.`;
      case 1:
        return `I would like ${random.pick(WISHES)}.`;
      case 2:
        return `"${random.pick(SYSTEMS)}", honestly, it ${random.pick(PROBLEMS)}.`;
      default:
        return `Please fix the ${random.pick(SYSTEMS)}, it ${random.pick(PROBLEMS)}!`;
    }
  });
  // Some people press Enter inside a free-text box; files must quote those answers.
  return parts.join(random.chance(0.05) ? '\n' : ' ');
}
