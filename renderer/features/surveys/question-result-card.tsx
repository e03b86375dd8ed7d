import { choiceDisplay, type ChoiceDisplay } from '../../../shared/surveys/choice-display';
import type { SurveyQuestion } from '../../../shared/domain/survey';
import { freeTextLabel } from '../../../shared/surveys/free-text-questions';
import type { GridResult, OptionCount, QuestionResult } from '../../../shared/surveys/survey-results';

const TYPE_LABELS: Readonly<Record<SurveyQuestion['type'], string>> = {
  scale: 'Scale',
  number: 'Number',
  'single-choice': 'Single choice',
  'multi-choice': 'Multiple choice',
  'free-text': 'Free text',
  ranking: 'Ranking',
  'grid-item': 'Grid row',
};

/** Bars drawn per option; long tails of rarely given values are summed into one "Other" bar. */
const MAX_BARS = 15;

const formatPercent = (percent: number) => `${percent >= 10 || percent === 0 ? Math.round(percent) : percent.toFixed(1)}%`;
const formatNumber = (value: number) => (Number.isInteger(value) ? value.toLocaleString() : value.toLocaleString(undefined, { maximumFractionDigits: 2 }));

/** One question's results: its distribution as a bar chart with counts and percents, stats and NPS where they apply. */
export function QuestionResultCard({ question, result }: { readonly question: SurveyQuestion; readonly result: QuestionResult }) {
  const total = result.answered + result.skipped;
  return (
    <article className="panel result-card" aria-label={question.text}>
      <header className="result-card__header">
        <h3>{question.text}</h3>
        <span className="badge badge--neutral">
          {TYPE_LABELS[question.type]}
          {question.scale !== undefined && question.type === 'scale' ? ` ${question.scale.min}–${question.scale.max}` : ''}
        </span>
      </header>
      <p className="result-card__answered muted">
        {result.answered.toLocaleString()} of {total.toLocaleString()} answered
        {question.type === 'multi-choice' && ' · percents are of those who answered; one person can pick several'}
      </p>
      {result.nps !== undefined && <NpsLine nps={result.nps} />}
      {result.stats !== undefined && <NumberSummaryLine stats={result.stats} />}
      {result.options !== undefined && result.options.length > 0 && question.type !== 'number' && <DistributionChart display={choiceDisplay(question, result.options)} />}
      {question.type === 'free-text' && <p className="muted">The answers are listed under Free-text answers, and each is a note in Discovery.</p>}
    </article>
  );
}

/**
 * Median and range first; the mean only where it means something: not for years, and without the
 * outliers (named) when a few answers are far outside the rest.
 */
function NumberSummaryLine({ stats }: { readonly stats: NonNullable<QuestionResult['stats']> }) {
  const year = (value: number) => String(value);
  if (stats.isYear === true) {
    return (
      <p className="result-card__stats">
        Median year <strong>{year(stats.median)}</strong> · range {year(stats.min)}–{year(stats.max)}
      </p>
    );
  }
  const { outliers } = stats;
  return (
    <p className="result-card__stats">
      Median <strong>{formatNumber(stats.median)}</strong> · range {formatNumber(stats.min)}–{formatNumber(stats.max)} · mean{' '}
      <strong>{formatNumber(outliers === undefined ? stats.mean : outliers.meanWithout)}</strong>
      {outliers !== undefined && (
        <span className="result-card__outliers">
          {' '}
          (without {outliers.count.toLocaleString()} {outliers.count === 1 ? 'outlier' : 'outliers'}: {outliers.examples.map(formatNumber).join(', ')}
          {outliers.count > outliers.examples.length ? ', …' : ''})
        </span>
      )}
    </p>
  );
}

function NpsLine({ nps }: { readonly nps: NonNullable<QuestionResult['nps']> }) {
  const tone = nps.score >= 30 ? 'ok' : nps.score >= 0 ? 'warning' : 'danger';
  return (
    <p className="result-card__nps">
      <span className={`badge badge--${tone}`}>NPS {nps.score > 0 ? `+${nps.score}` : nps.score}</span>{' '}
      <span className="muted">
        {nps.promoters.toLocaleString()} promoters (9–10) · {nps.passives.toLocaleString()} passives (7–8) · {nps.detractors.toLocaleString()} detractors
        (0–6)
      </span>
    </p>
  );
}

interface ChartBar {
  readonly label: string;
  readonly count: number;
  readonly percent: number;
  readonly text: string;
}

function barsOf(options: readonly OptionCount[]): ChartBar[] {
  const bars = options.map((option) => ({ label: option.option, count: option.count, percent: option.percent, text: `${option.count.toLocaleString()} (${formatPercent(option.percent)})` }));
  if (bars.length <= MAX_BARS) return bars;
  const kept = [...bars].sort((a, b) => b.count - a.count).slice(0, MAX_BARS - 1);
  const keptLabels = new Set(kept.map((bar) => bar.label));
  const rest = bars.filter((bar) => !keptLabels.has(bar.label));
  const count = rest.reduce((sum, bar) => sum + bar.count, 0);
  const percent = rest.reduce((sum, bar) => sum + bar.percent, 0);
  return [
    ...bars.filter((bar) => keptLabels.has(bar.label)),
    { label: `${rest.length} other answers`, count, percent, text: `${count.toLocaleString()} (${formatPercent(percent)})` },
  ];
}

/**
 * A horizontal bar per option (scales and ranges in their order, other choices most chosen first,
 * one-off write-ins folded into "Other (N)"), each labelled with its count and percent.
 * Plain HTML and CSS, not a chart library: a survey of thousands of questions draws hundreds of
 * these as it scrolls, and a chart library's measuring and state took a tenth of a second each.
 */
function DistributionChart({ display }: { readonly display: ChoiceDisplay }) {
  const bars = barsOf(display.shown);
  const most = Math.max(1, ...bars.map((bar) => bar.count));
  const { oneOffs } = display;
  return (
    <figure className="result-card__chart">
      <ul className="result-bars">
        {bars.map((bar) => (
          <BarRow key={bar.label} bar={bar} most={most} />
        ))}
      </ul>
      {oneOffs.length > 0 && (
        <details className="result-bars__other">
          <summary>
            Other ({oneOffs.length.toLocaleString()}) <span className="muted">· answers given once each</span>
          </summary>
          <ul className="result-bars" aria-label="Answers given once each">
            {barsOf(oneOffs).map((bar) => (
              <BarRow key={bar.label} bar={bar} most={most} />
            ))}
          </ul>
        </details>
      )}
    </figure>
  );
}

function BarRow({ bar, most }: { readonly bar: ChartBar; readonly most: number }) {
  return (
    <li className="result-bars__row">
      <span className="result-bars__label" title={bar.label}>
        {bar.label}
      </span>
      <span className="result-bars__track" aria-hidden="true">
        <span className="result-bars__bar" style={{ width: `${(bar.count / most) * 100}%` }} />
      </span>
      <span className="result-bars__value">{bar.text}</span>
    </li>
  );
}

/** `1` → `1st`, `2` → `2nd`: a ranking's positions. */
function ordinal(position: string): string {
  const n = Number(position);
  if (!Number.isInteger(n)) return position;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A grid (matrix) question: rows by options, each cell its count and share of the row, shaded by that share. */
interface GridResultCardProps {
  readonly grid: GridResult;
  /** The grid's rows answered in words: read under Free-text answers, not counted in the table. */
  readonly textRows?: readonly SurveyQuestion[];
  readonly onShowAnswers?: (questionId: string) => void;
}

export function GridResultCard({ grid, textRows = [], onShowAnswers }: GridResultCardProps) {
  const textIds = new Set(textRows.map((row) => row.id));
  const counted = grid.rows.filter((row) => !textIds.has(row.questionId));
  return (
    <article className="panel result-card" aria-label={grid.title}>
      <header className="result-card__header">
        <h3>{grid.title}</h3>
        <span className="badge badge--neutral">{counted.length === 0 ? 'Free text' : grid.isRanking === true ? 'Ranking' : 'Grid'}</span>
      </header>
      {grid.isRanking === true && <p className="muted">Items by mean rank (1 is first); each cell is how many put the item in that place.</p>}
      {textRows.length > 0 && (
        <div className="result-card__text-rows">
          <p className="muted">Answered in words, listed under Free-text answers (each is a note in Discovery):</p>
          <ul>
            {textRows.map((row) => (
              <li key={row.id}>
                <button type="button" className="link-button" onClick={() => onShowAnswers?.(row.id)}>
                  {freeTextLabel(row)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {counted.length > 0 && (
      <div className="result-grid">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{grid.isRanking === true ? 'Item' : 'Row'}</th>
              {grid.isRanking === true && (
                <th scope="col" className="numeric">
                  Mean rank
                </th>
              )}
              {grid.options.map((option) => (
                <th key={option} scope="col" className="numeric">
                  {grid.isRanking === true ? ordinal(option) : option}
                </th>
              ))}
              <th scope="col" className="numeric">
                Answered
              </th>
            </tr>
          </thead>
          <tbody>
            {counted.map((row) => (
              <tr key={row.questionId}>
                <th scope="row">{row.label}</th>
                {grid.isRanking === true && <td className="numeric">{row.meanRank === undefined ? '–' : formatNumber(row.meanRank)}</td>}
                {row.counts.map((count, index) => {
                  const share = row.answered === 0 ? 0 : count / row.answered;
                  return (
                    <td key={grid.options[index] ?? index} className="numeric result-grid__cell" style={{ backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round(share * 45)}%, transparent)` }}>
                      {count.toLocaleString()} <span className="muted">({formatPercent(share * 100)})</span>
                    </td>
                  );
                })}
                <td className="numeric">{row.answered.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      )}
    </article>
  );
}
