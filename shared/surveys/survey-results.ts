import type { SurveyAnswer, SurveyQuestion, SurveyQuestionType } from '../domain/survey';

/** How many respondents gave one option (a choice, or a point on a scale). */
export interface OptionCount {
  /** The option as shown: the choice's text, or a scale point's label (its number when unlabelled). */
  readonly option: string;
  /** Scale points only: the point's number. */
  readonly value?: number;
  readonly count: number;
  /**
   * `count` as a percent (0-100, unrounded) of the respondents who answered the question. For a
   * multi-choice question it is the share of those respondents who picked the option, so the
   * percents of its options can add up to more than 100.
   */
  readonly percent: number;
  /** Set when the option is not among the question's options or scale points but was seen in answers. */
  readonly isUnlisted?: true;
}

/** Mean, median and range of a question's numeric answers. */
export interface NumericSummary {
  /** Answers that were numbers (a scale's point labels count as their numbers). */
  readonly count: number;
  readonly mean: number;
  /** The middle answer, or the mean of the two middle answers. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /**
   * Answers far outside the rest (beyond three interquartile ranges of the middle half): slips such
   * as an age typed as 79,365,110. Listed (the farthest first, up to three) with the mean without them.
   */
  readonly outliers?: { readonly count: number; readonly examples: readonly number[]; readonly meanWithout: number };
  /** Every answer a whole year (1900-2100): the median and range mean something, a mean does not. */
  readonly isYear?: true;
}

/** Outlier fences: this many interquartile ranges below the first quartile or above the third. */
const OUTLIER_IQRS = 3;
/** Examples of outliers a summary lists. */
const OUTLIER_EXAMPLES = 3;

const quantile = (sorted: Float64Array, q: number): number => {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? 0) + ((sorted[high] ?? 0) - (sorted[low] ?? 0)) * (position - low);
};

/**
 * Mean, median, range, outliers and whether the answers are years, from answers sorted ascending.
 * With no spread in the middle half (IQR 0), an answer counts as an outlier when it is more than
 * ten times the median's size away from it.
 */
export function summariseNumbers(sorted: Float64Array, sum: number): NumericSummary {
  const n = sorted.length;
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  const summary = { count: n, mean: sum / n, median, min, max };
  const isYear = min >= 1900 && max <= 2100 && sorted.every(Number.isInteger);
  if (isYear) return { ...summary, isYear: true };
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  const reach = iqr > 0 ? OUTLIER_IQRS * iqr : 10 * Math.max(1, Math.abs(median));
  const low = (iqr > 0 ? q1 : median) - reach;
  const high = (iqr > 0 ? q3 : median) + reach;
  let count = 0;
  let outside = 0;
  for (const value of sorted) {
    if (value < low || value > high) {
      count += 1;
      outside += value;
    }
  }
  if (count === 0 || count === n) return summary;
  const examples = [...sorted.filter((value) => value < low || value > high)].sort((a, b) => Math.abs(b - median) - Math.abs(a - median)).slice(0, OUTLIER_EXAMPLES);
  return { ...summary, outliers: { count, examples, meanWithout: (sum - outside) / (n - count) } };
}

/** Net Promoter Score of a 0-10 "would you recommend" question. */
export interface NpsSummary {
  /** Answered 9 or 10. */
  readonly promoters: number;
  /** Answered 7 or 8. */
  readonly passives: number;
  /** Answered 0 to 6. */
  readonly detractors: number;
  /** Percent of promoters minus percent of detractors, rounded half away from zero: -100 to 100. */
  readonly score: number;
}

/** The results of one question over every response given. */
export interface QuestionResult {
  readonly questionId: string;
  readonly type: SurveyQuestionType;
  /** Responses with a non-blank answer. */
  readonly answered: number;
  /** Responses with no answer, a blank one, or an empty selection. */
  readonly skipped: number;
  /**
   * Scale, single-choice, multi-choice and grid-item questions: every listed option in the
   * question's order (scale points from min to max), including those nobody chose, then values
   * seen only in answers, in the order first seen.
   */
  readonly options?: readonly OptionCount[];
  /** Scale and number questions (and grid items read as a scale), when any answer was a number. */
  readonly stats?: NumericSummary;
  /** 0-10 scale questions that ask whether the respondent would recommend something, when answered. */
  readonly nps?: NpsSummary;
}

/** One row of a grid question: how often each of the grid's options was given. */
export interface GridRowResult {
  readonly questionId: string;
  /** The row's label: the `[Row]` part of `Question [Row]`, or the question's text. */
  readonly label: string;
  readonly answered: number;
  /** Aligned with GridResult.options. */
  readonly counts: readonly number[];
  /** Rankings: the row's mean position (1 is first), when anyone ranked it. */
  readonly meanRank?: number;
}

/** A grid (matrix) question: its grid-item questions with the same gridTitle, as rows x options. */
export interface GridResult {
  readonly title: string;
  /** Every option of its rows, in the first row's order, then options only later rows have. */
  readonly options: readonly string[];
  /** A ranking: options are the positions 1..k, rows the items ranked, best mean rank first. */
  readonly isRanking?: true;
  readonly rows: readonly GridRowResult[];
}

/** Results of every question, in the order the questions were given, and of every grid. */
export interface SurveyResults {
  readonly responseCount: number;
  readonly questions: readonly QuestionResult[];
  readonly grids: readonly GridResult[];
}

// "Would you recommend", also in German, Spanish, Portuguese, French, Italian, Dutch, Nordic, Polish, Japanese, Chinese, Korean.
const RECOMMEND =
  /recommend|empfehl|recomend|recomie|recommand|raccomand|aanbevel|aanraden|rekommend|anbefal|polecił|polecil|poleci|おすすめ|お勧め|推奨|勧め|推荐|推薦|추천/i;

/** Whether a question is a Net Promoter Score question: a 0-10 scale asking about recommending. */
export function isNpsQuestion(question: SurveyQuestion): boolean {
  const isScale = question.type === 'scale' || (question.type === 'grid-item' && question.itemType === 'scale');
  return isScale && question.scale?.min === 0 && question.scale.max === 10 && RECOMMEND.test(question.text);
}

const NON_BLANK = /\S/;

/** Whether text has a non-space character; checks the first character before running the regex. */
function hasText(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || NON_BLANK.test(text);
}

/** Whether an answer counts as skipped: none, blank text, or an empty selection. */
export function isSkippedAnswer(answer: SurveyAnswer | undefined): boolean {
  if (answer === null || answer === undefined) return true;
  if (typeof answer === 'number') return Number.isNaN(answer);
  if (typeof answer === 'string') return !hasText(answer);
  for (const item of answer) if (hasText(item)) return false;
  return true;
}

type TallyKind = 'scale' | 'choice' | 'number' | 'text';

function tallyKind(question: SurveyQuestion): TallyKind {
  const type = question.type === 'grid-item' ? (question.itemType ?? (question.scale === undefined ? 'single-choice' : 'scale')) : question.type;
  // A ranking counts its positions as a scale's points: how many put an item 1st, 2nd…, and its mean rank.
  if (type === 'scale' || type === 'ranking') return question.scale === undefined ? 'number' : 'scale';
  if (type === 'single-choice' || type === 'multi-choice') return 'choice';
  return type === 'number' ? 'number' : 'text';
}

/** A number read from a text answer, or NaN: blank text is not zero. */
function numberFromText(text: string): number {
  return hasText(text) ? Number(text) : Number.NaN;
}

/** Per-question running totals: fixed arrays filled in place, so counting allocates nothing per answer. */
class Tally {
  readonly kind: TallyKind;
  answered = 0;
  /** Option slots: listed options (or scale points) first, then unlisted values as they appear. */
  readonly counts: number[] = [];
  readonly names: string[] = [];
  private readonly slots = new Map<string, number>();
  readonly listed: number;
  readonly scaleMin: number;
  readonly scaleMax: number;
  private values = new Float64Array(64);
  valueCount = 0;
  private sum = 0;

  constructor(readonly question: SurveyQuestion) {
    this.kind = tallyKind(question);
    const scale = question.scale;
    this.scaleMin = scale?.min ?? 0;
    this.scaleMax = scale?.max ?? -1;
    if (this.kind === 'scale' && scale !== undefined) {
      for (let point = scale.min; point <= scale.max; point += 1) {
        // Points the file gave no words for ('' or none) are shown as their number.
        const label = scale.labels?.[point - scale.min];
        const isLabelled = label !== undefined && label !== '';
        this.addSlot(isLabelled ? label : String(point));
        if (isLabelled) this.slots.set(String(point), point - scale.min);
      }
    } else if (this.kind === 'choice') {
      for (const option of question.options ?? []) if (!this.slots.has(option)) this.addSlot(option);
    }
    this.listed = this.counts.length;
  }

  private addSlot(name: string): number {
    const slot = this.counts.length;
    this.counts.push(0);
    this.names.push(name);
    this.slots.set(name, slot);
    return slot;
  }

  private countName(name: string): void {
    const slot = this.slots.get(name) ?? this.addSlot(name);
    this.counts[slot] = (this.counts[slot] ?? 0) + 1;
  }

  private addValue(value: number): void {
    if (this.valueCount === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.valueCount] = value;
    this.valueCount += 1;
    this.sum += value;
  }

  private countScalePoint(value: number): void {
    this.addValue(value);
    const slot = value - this.scaleMin;
    if (Number.isInteger(slot) && slot >= 0 && value <= this.scaleMax) this.counts[slot] = (this.counts[slot] ?? 0) + 1;
    else this.countName(String(value));
  }

  add(answer: SurveyAnswer | undefined): void {
    if (isSkippedAnswer(answer)) return;
    this.answered += 1;
    if (this.kind === 'text' || answer === null || answer === undefined) return;
    if (this.kind === 'choice') {
      if (typeof answer === 'string') this.countName(answer);
      else if (typeof answer === 'number') this.countName(String(answer));
      else this.countPicks(answer);
      return;
    }
    if (typeof answer === 'number') {
      if (this.kind === 'scale') this.countScalePoint(answer);
      else this.addValue(answer);
      return;
    }
    if (typeof answer !== 'string') return;
    if (this.kind === 'scale') {
      const slot = this.slots.get(answer);
      if (slot !== undefined && slot < this.listed) {
        this.countScalePoint(this.scaleMin + slot);
        return;
      }
    }
    const value = numberFromText(answer);
    if (!Number.isFinite(value)) {
      if (this.kind === 'scale') this.countName(answer);
      return;
    }
    if (this.kind === 'scale') this.countScalePoint(value);
    else this.addValue(value);
  }

  private countPicks(picks: readonly string[]): void {
    for (let i = 0; i < picks.length; i += 1) {
      const pick = picks[i] ?? '';
      if (!hasText(pick)) continue;
      // A respondent picks an option once, even if the file repeated it.
      let isRepeat = false;
      for (let j = 0; j < i && !isRepeat; j += 1) isRepeat = picks[j] === pick;
      if (!isRepeat) this.countName(pick);
    }
  }

  stats(): NumericSummary | undefined {
    const n = this.valueCount;
    if (n === 0) return undefined;
    return summariseNumbers(this.values.subarray(0, n).sort(), this.sum);
  }

  nps(): NpsSummary | undefined {
    if (!isNpsQuestion(this.question)) return undefined;
    let promoters = 0;
    let passives = 0;
    let detractors = 0;
    for (let point = 0; point <= 10; point += 1) {
      const count = this.counts[point] ?? 0;
      if (point >= 9) promoters += count;
      else if (point >= 7) passives += count;
      else detractors += count;
    }
    const total = promoters + passives + detractors;
    if (total === 0) return undefined;
    const net = ((promoters - detractors) * 100) / total;
    return { promoters, passives, detractors, score: Math.sign(net) * Math.round(Math.abs(net)) || 0 };
  }

  result(responseCount: number): QuestionResult {
    const { id, type } = this.question;
    const base = { questionId: id, type, answered: this.answered, skipped: responseCount - this.answered };
    if (this.kind === 'text') return base;
    const stats = this.stats();
    const nps = this.nps();
    return {
      ...base,
      ...(this.kind === 'number' ? {} : { options: this.optionCounts() }),
      ...(stats === undefined ? {} : { stats }),
      ...(nps === undefined ? {} : { nps }),
    };
  }

  private optionCounts(): OptionCount[] {
    return this.counts.map((count, slot) => ({
      option: this.names[slot] ?? '',
      ...(this.kind === 'scale' && slot < this.listed ? { value: this.scaleMin + slot } : {}),
      count,
      percent: this.answered === 0 ? 0 : (count * 100) / this.answered,
      ...(slot < this.listed ? {} : { isUnlisted: true as const }),
    }));
  }
}

function gridRowLabel(question: SurveyQuestion, title: string): string {
  const bracket = /\[([^\]]*)\]\s*$/.exec(question.text);
  return bracket !== null && question.text.startsWith(title) ? (bracket[1] ?? '').trim() : question.text;
}

function gridResults(questions: readonly SurveyQuestion[], results: readonly QuestionResult[]): GridResult[] {
  const grids = new Map<string, { rows: GridRowResult[]; options: string[]; results: QuestionResult[]; questions: SurveyQuestion[] }>();
  questions.forEach((question, index) => {
    const result = results[index];
    if (question.type !== 'grid-item' || result === undefined) return;
    const title = question.gridTitle ?? question.text;
    let grid = grids.get(title);
    if (grid === undefined) {
      grid = { rows: [], options: [], results: [], questions: [] };
      grids.set(title, grid);
    }
    grid.questions.push(question);
    grid.results.push(result);
    for (const { option } of result.options ?? []) if (!grid.options.includes(option)) grid.options.push(option);
  });
  return [...grids].map(([title, grid]) => {
    const isRanking = grid.questions.every((question) => question.itemType === 'ranking');
    const rows: GridRowResult[] = grid.results.map((result, i) => {
      const byOption = new Map((result.options ?? []).map((option) => [option.option, option.count]));
      const question = grid.questions[i];
      return {
        questionId: result.questionId,
        label: question === undefined ? '' : gridRowLabel(question, title),
        answered: result.answered,
        counts: grid.options.map((option) => byOption.get(option) ?? 0),
        ...(isRanking && result.stats !== undefined ? { meanRank: result.stats.mean } : {}),
      };
    });
    if (!isRanking) return { title, options: grid.options, rows };
    const byRank = [...rows].sort((a, b) => (a.meanRank ?? Infinity) - (b.meanRank ?? Infinity));
    return { title, options: grid.options, isRanking: true as const, rows: byRank };
  });
}

/**
 * Counts every question's answers in one pass over the responses (each a record of answers by
 * question id): answered and skipped, counts and percents per option, mean/median/min/max of
 * numeric answers, NPS for recommendation questions, and grid items gathered into grids. Free
 * text is only counted. Multi-choice answers are arrays of picks (a single string is one pick);
 * scale answers are numbers, numeric text or a point's label. Runs in linear time, allocating
 * nothing per answer except for values not seen before, so 100,000 responses take milliseconds.
 */
export function computeSurveyResults(
  questions: readonly SurveyQuestion[],
  responses: Iterable<Readonly<Record<string, SurveyAnswer>>>,
): SurveyResults {
  const tallies = questions.map((question) => new Tally(question));
  const ids = questions.map((question) => question.id);
  let responseCount = 0;
  for (const answers of responses) {
    responseCount += 1;
    for (let i = 0; i < tallies.length; i += 1) tallies[i]?.add(answers[ids[i] ?? '']);
  }
  const results = tallies.map((tally) => tally.result(responseCount));
  return { responseCount, questions: results, grids: gridResults(questions, results) };
}

/** A test on one answer, to find respondents to follow up with. */
export type AnswerCondition =
  /** A numeric answer (a scale point or number) between min and max, inclusive; either bound may be left out. */
  | { readonly kind: 'range'; readonly min?: number; readonly max?: number }
  /** The answer is one of the values; for multi-choice, at least one pick is. Scale points match by number or label. */
  | { readonly kind: 'oneOf'; readonly values: readonly string[] }
  /** The answer contains the text, ignoring case (any pick, for multi-choice). */
  | { readonly kind: 'contains'; readonly text: string }
  | { readonly kind: 'answered' }
  | { readonly kind: 'skipped' };

function numericAnswer(question: SurveyQuestion, answer: SurveyAnswer | undefined): number {
  if (typeof answer === 'number') return answer;
  if (typeof answer !== 'string') return Number.NaN;
  const scale = question.scale;
  const labelIndex = scale?.labels?.indexOf(answer) ?? -1;
  if (scale !== undefined && labelIndex >= 0) return scale.min + labelIndex;
  return numberFromText(answer);
}

/** The texts an answer can match by: each pick, or the answer with a scale point's number and label. */
function answerTexts(question: SurveyQuestion, answer: SurveyAnswer | undefined): readonly string[] {
  if (answer === null || answer === undefined) return [];
  if (typeof answer === 'object') return answer;
  const text = typeof answer === 'number' ? String(answer) : answer;
  const scale = question.scale;
  const value = numericAnswer(question, answer);
  if (scale === undefined || !Number.isFinite(value)) return [text];
  const label = scale.labels?.[value - scale.min];
  return label === undefined ? [text, String(value)] : [text, String(value), label];
}

/**
 * Builds a test of answers to one question, to run over many responses: the condition's text is
 * prepared once. Blank answers and empty selections count as skipped.
 */
export function answerPredicate(question: SurveyQuestion, condition: AnswerCondition): (answer: SurveyAnswer | undefined) => boolean {
  switch (condition.kind) {
    case 'answered':
      return (answer) => !isSkippedAnswer(answer);
    case 'skipped':
      return isSkippedAnswer;
    case 'range': {
      const min = condition.min ?? -Infinity;
      const max = condition.max ?? Infinity;
      return (answer) => {
        const value = numericAnswer(question, answer);
        return value >= min && value <= max;
      };
    }
    case 'oneOf': {
      const values = new Set(condition.values.map((value) => value.trim()));
      return (answer) => answerTexts(question, answer).some((text) => values.has(text) || values.has(text.trim()));
    }
    case 'contains': {
      const needle = condition.text.trim().toLowerCase();
      if (needle === '') return (answer) => !isSkippedAnswer(answer);
      return (answer) => answerTexts(question, answer).some((text) => text.toLowerCase().includes(needle));
    }
  }
}

/** Whether one answer to a question meets a condition; use answerPredicate to test many. */
export function answerMatches(question: SurveyQuestion, answer: SurveyAnswer | undefined, condition: AnswerCondition): boolean {
  return answerPredicate(question, condition)(answer);
}

const SHORT_QUESTION = 32;

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SHORT_QUESTION) return flat;
  const cut = flat.slice(0, SHORT_QUESTION);
  const space = cut.lastIndexOf(' ');
  return `${(space > SHORT_QUESTION / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.?!-]+$/, '')}…`;
}

function listOf(values: readonly string[]): string {
  const shown = values.map((value) => (/^-?\d+(\.\d+)?$/.test(value) ? value : `"${value}"`));
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1] ?? ''}`;
}

/** A short description of a condition for filter chips and exports, e.g. `"How satisfied are you…" is 1–2`. */
export function describeCondition(question: SurveyQuestion, condition: AnswerCondition): string {
  const subject = `"${shortText(question.text)}"`;
  switch (condition.kind) {
    case 'answered':
      return `${subject} was answered`;
    case 'skipped':
      return `${subject} was skipped`;
    case 'contains':
      return `${subject} contains "${condition.text.trim()}"`;
    case 'oneOf': {
      if (condition.values.length === 0) return `${subject} is none of the options`;
      const verb = question.type === 'multi-choice' ? 'includes' : 'is';
      return `${subject} ${verb} ${listOf(condition.values)}`;
    }
    case 'range': {
      const { min, max } = condition;
      if (min !== undefined && max !== undefined) return min === max ? `${subject} is ${min}` : `${subject} is ${min}–${max}`;
      if (min !== undefined) return `${subject} is ${min} or more`;
      if (max !== undefined) return `${subject} is ${max} or less`;
      return `${subject} has a number`;
    }
  }
}
