import type { SurveyAnswer, SurveyQuestion } from '../../shared/domain/survey';
import type { GeneratedSurvey } from './generate-survey';

/**
 * The export shapes the benchmark writes. `google-forms`: Timestamp and Email Address first, grid
 * rows as `Title [Row]`, checkboxes joined by ", ". `generic`: a response id, ISO dates, ";" lists.
 * Add the other tools' shapes here as the survey importer learns them.
 */
export const SURVEY_FILE_SHAPES = ['google-forms', 'generic'] as const;

export type SurveyFileShape = (typeof SURVEY_FILE_SHAPES)[number];

/** The CSV file of a generated survey, one line (with its line break) at a time. */
export function* surveyCsvLines(generated: GeneratedSurvey, shape: SurveyFileShape): Generator<string> {
  const questionHeaders = generated.questions.map(questionHeader);
  const header = shape === 'google-forms' ? ['Timestamp', 'Email Address', ...questionHeaders] : ['Response ID', 'Submitted At', 'Email', ...questionHeaders];
  yield csvLine(header);
  const listSeparator = shape === 'google-forms' ? ', ' : ';';
  for (let index = 0; index < generated.responseCount; index += 1) {
    const { response, email, submittedAt } = generated.responseAt(index);
    const cells = generated.questions.map((question) => answerCell(response.answers[question.id] ?? null, listSeparator));
    yield csvLine(
      shape === 'google-forms'
        ? [googleFormsTimestamp(submittedAt), email, ...cells]
        : [response.id, new Date(submittedAt).toISOString(), email, ...cells],
    );
  }
}

function questionHeader(question: SurveyQuestion): string {
  return question.gridTitle === undefined ? question.text : `${question.gridTitle} [${question.text}]`;
}

function answerCell(answer: SurveyAnswer, listSeparator: string): string {
  if (answer === null) return '';
  if (typeof answer === 'string') return answer;
  if (typeof answer === 'number') return String(answer);
  return answer.join(listSeparator);
}

/** RFC 4180: quote cells holding a comma, quote or line break; double the quotes; CRLF line ends. */
function csvLine(cells: readonly string[]): string {
  return `${cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',')}\r\n`;
}

/** Google Forms writes `2025/12/10 9:03:11 AM GMT` (in the form owner's zone; UTC here). */
function googleFormsTimestamp(time: number): string {
  const date = new Date(time);
  const hours = date.getUTCHours();
  const pad = (value: number) => String(value).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())} ${hour12}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'} GMT`;
}
