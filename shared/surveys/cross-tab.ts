import type { SurveyAnswer, SurveyQuestion } from '../domain/survey';
import { isSkippedAnswer } from './survey-results';

/**
 * One question by another: how the answers to the row question split over the answers to the
 * column question. A multiple-choice answer counts under each option picked.
 */
export interface CrossTab {
  readonly rowLabels: readonly string[];
  readonly columnLabels: readonly string[];
  /** counts[row][column]: responses with that row answer and that column answer. */
  readonly counts: readonly (readonly number[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  /** Responses that answered both questions. */
  readonly respondents: number;
  /** Responses that skipped one of the two, left out of the table. */
  readonly skipped: number;
}

type Kind = 'scale' | 'choice';

function kindOf(question: SurveyQuestion): Kind | null {
  const type = question.type === 'grid-item' ? (question.itemType ?? (question.scale === undefined ? 'single-choice' : 'scale')) : question.type;
  if ((type === 'scale' || type === 'ranking') && question.scale !== undefined) return 'scale';
  if (type === 'single-choice' || type === 'multi-choice') return 'choice';
  return null;
}

/** Whether a question has categories a cross-tab can split by: scales and choice questions (not free text or plain numbers). */
export function canCrossTab(question: SurveyQuestion): boolean {
  return kindOf(question) !== null;
}

/** The categories of a question, in its own order: scale points low to high, listed options, then answers given that were not listed. */
class Categories {
  readonly labels: string[] = [];
  private readonly slots = new Map<string, number>();
  private readonly kind: Kind;

  constructor(private readonly question: SurveyQuestion) {
    this.kind = kindOf(question) ?? 'choice';
    const scale = question.scale;
    if (this.kind === 'scale' && scale !== undefined) {
      for (let point = scale.min; point <= scale.max; point += 1) {
        const label = scale.labels?.[point - scale.min];
        this.add(String(point), label === undefined || label === '' ? String(point) : `${point} (${label})`);
        if (label !== undefined && label !== '') this.slots.set(label, this.labels.length - 1);
      }
    } else {
      for (const option of question.options ?? []) if (!this.slots.has(option)) this.add(option, option);
    }
  }

  private add(key: string, label: string): number {
    this.labels.push(label);
    this.slots.set(key, this.labels.length - 1);
    return this.labels.length - 1;
  }

  /** The category slots an answer falls in (several for a multiple choice), adding unlisted ones. */
  slotsOf(answer: SurveyAnswer | undefined): number[] {
    if (answer === null || answer === undefined) return [];
    const values = typeof answer === 'object' ? answer.map((item) => item.trim()).filter((item) => item !== '') : [String(answer).trim()];
    return [...new Set(values.map((value) => this.slots.get(value) ?? this.add(value, value)))];
  }

  get id(): string {
    return this.question.id;
  }
}

/** The cross-tab of `rows` by `columns` over the responses' answers; responses that skipped either question are counted apart. */
export function crossTabulate(rows: SurveyQuestion, columns: SurveyQuestion, responses: Iterable<{ readonly answers: Readonly<Record<string, SurveyAnswer>> }>): CrossTab {
  const rowCategories = new Categories(rows);
  const columnCategories = new Categories(columns);
  const cells = new Map<string, number>();
  let respondents = 0;
  let skipped = 0;
  for (const { answers } of responses) {
    const rowAnswer = answers[rowCategories.id];
    const columnAnswer = answers[columnCategories.id];
    if (isSkippedAnswer(rowAnswer) || isSkippedAnswer(columnAnswer)) {
      skipped += 1;
      continue;
    }
    respondents += 1;
    for (const row of rowCategories.slotsOf(rowAnswer)) {
      for (const column of columnCategories.slotsOf(columnAnswer)) cells.set(`${row}:${column}`, (cells.get(`${row}:${column}`) ?? 0) + 1);
    }
  }
  const counts = rowCategories.labels.map((_, row) => columnCategories.labels.map((__, column) => cells.get(`${row}:${column}`) ?? 0));
  return {
    rowLabels: rowCategories.labels,
    columnLabels: columnCategories.labels,
    counts,
    rowTotals: counts.map((row) => row.reduce((sum, count) => sum + count, 0)),
    columnTotals: columnCategories.labels.map((_, column) => counts.reduce((sum, row) => sum + (row[column] ?? 0), 0)),
    respondents,
    skipped,
  };
}

/** A count as a share of its row total, rounded to a whole percent; "–" for an empty row. */
export function rowPercent(count: number, rowTotal: number): string {
  return rowTotal === 0 ? '–' : `${Math.round((count / rowTotal) * 100)}%`;
}
