import type { Survey, SurveyAnswer, SurveyQuestion, SurveyResponse } from '../../shared/domain/survey';
import { createSeededRandom, hashSeed } from './seeded-random';
import { WORKSPACE_REFERENCE_TIME } from './generate-workspace';

export interface WideSurveyOptions {
  readonly seed: number;
  readonly questionCount: number;
  readonly responseCount: number;
}

export interface GeneratedWideSurvey {
  readonly survey: Survey;
  readonly questions: readonly SurveyQuestion[];
  readonly responses: readonly SurveyResponse[];
}

const AGREEMENT = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'];
const TEAMS = ['Platform', 'Data', 'Payments', 'Search', 'Mobile', 'Infra', 'Security', 'Growth'];
const TOOLS = ['CI pipeline', 'Deploys', 'Grafana', 'Log search', 'Feature flags', 'Terraform'];
const WORDS = ['slow', 'builds', 'flaky', 'tests', 'docs', 'access', 'review', 'deploy', 'alerts', 'cost', 'owners', 'staging'];

/**
 * A reproducible survey as wide as the widest real exports (thousands of questions): a repeating
 * mix of scales, single and multiple choices, numbers, free text and grids of five rows, so the
 * results screen has every kind of card to draw.
 */
export function generateWideSurvey({ seed, questionCount, responseCount }: WideSurveyOptions): GeneratedWideSurvey {
  const random = createSeededRandom(hashSeed(seed, 'wide-survey'));
  const surveyId = random.uuid();
  const importedAt = WORKSPACE_REFERENCE_TIME;
  const survey: Survey = { id: surveyId, title: `Wide survey of ${questionCount} questions`, sourceFileName: 'wide-survey.csv', importedAt, responseCount, createdAt: importedAt, updatedAt: importedAt };
  const questions: SurveyQuestion[] = [];
  for (let position = 0; position < questionCount; position += 1) {
    const base = { id: random.uuid(), surveyId, position, key: `q${position}` };
    const block = Math.floor(position / 5);
    switch (position % 10) {
      case 0:
      case 1:
        questions.push({ ...base, text: `Q${position + 1}. How satisfied are you with part ${position + 1}?`, type: 'scale', scale: { min: 1, max: 5 } });
        break;
      case 2:
        questions.push({ ...base, text: `Q${position + 1}. Which team are you on (${position + 1})?`, type: 'single-choice', options: TEAMS });
        break;
      case 3:
        questions.push({ ...base, text: `Q${position + 1}. Which tools do you use (${position + 1})?`, type: 'multi-choice', options: TOOLS });
        break;
      case 4:
        questions.push({ ...base, text: `Q${position + 1}. How many hours a week do you lose (${position + 1})?`, type: 'number' });
        break;
      case 5:
        questions.push({ ...base, text: `Q${position + 1}. What would you change (${position + 1})?`, type: 'free-text' });
        break;
      default:
        questions.push({
          ...base,
          text: `Row ${(position % 10) - 5}`,
          type: 'grid-item',
          gridTitle: `Q${block}. Rate each statement`,
          itemType: 'single-choice',
          options: AGREEMENT,
        });
    }
  }
  const responses: SurveyResponse[] = [];
  for (let index = 0; index < responseCount; index += 1) {
    const row = createSeededRandom(hashSeed(seed, 'wide-response', index));
    const answers: Record<string, SurveyAnswer> = {};
    for (const question of questions) {
      if (row.chance(0.1)) {
        answers[question.id] = null;
        continue;
      }
      switch (question.type) {
        case 'scale':
          answers[question.id] = row.int(1, 5);
          break;
        case 'single-choice':
          answers[question.id] = row.pick(TEAMS);
          break;
        case 'multi-choice':
          answers[question.id] = row.sample(TOOLS, row.int(1, 3));
          break;
        case 'number':
          answers[question.id] = row.int(0, 40);
          break;
        case 'free-text':
          answers[question.id] = row.sample(WORDS, 6).join(' ');
          break;
        case 'grid-item':
          answers[question.id] = row.pick(AGREEMENT);
          break;
      }
    }
    responses.push({ id: row.uuid(), surveyId, respondentKey: `r${index}`, submittedAt: importedAt - index * 60_000, answers });
  }
  return { survey, questions, responses };
}
