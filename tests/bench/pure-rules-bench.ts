// Node micro-benchmark of the pure rules that must stay fast at scale (not part of npm test; the
// unit tests check what they compute, never how fast). Run: node tests/bench/pure-rules.bench.mjs
import { sanitizeRichText } from '../../shared/rich-text/sanitize-rich-text';
import { computeSurveyResults } from '../../shared/surveys/survey-results';
import { manySurveyResponses } from '../shared/surveys/many-survey-responses';
import { percentile } from './percentile';

/** The median time of `runs` calls of `work`, in milliseconds. */
function medianMs(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return percentile(times, 50);
}

const round = (ms: number): number => Math.round(ms * 10) / 10;

/** Prints each figure with a raw baseline taken in the same run (compare the ratios; machines are noisy). */
export function runPureRulesBench(): Record<string, number> {
  const { questions, responses } = manySurveyResponses(100_000);
  const results = medianMs(5, () => computeSurveyResults(questions, responses));
  // Baseline: visit every answer once, doing nothing with it.
  const visit = medianMs(5, () => {
    let answered = 0;
    for (const response of responses) for (const question of questions) if (response[question.id] !== null) answered += 1;
    return answered;
  });

  const huge = { type: 'doc', content: Array.from({ length: 300_000 }, (_, index) => ({ type: 'paragraph', content: [{ type: 'text', text: `line ${index}` }] })) };
  const sanitize = medianMs(3, () => sanitizeRichText(huge));
  // Baseline: a plain deep copy of the same tree through JSON, as a stored document is read.
  const copy = medianMs(3, () => JSON.parse(JSON.stringify(huge)));

  const figures = {
    'rules.survey_results_ms.100k_responses_x20': round(results),
    'rules.survey_results_baseline_visit_ms.100k_responses_x20': round(visit),
    'rules.sanitize_rich_text_ms.300k_paragraphs': round(sanitize),
    'rules.sanitize_rich_text_baseline_json_copy_ms.300k_paragraphs': round(copy),
  };
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value} ms`);
  console.log(`survey results: ${(results / visit).toFixed(1)}x a plain visit of every answer`);
  console.log(`rich-text cleaning: ${(sanitize / copy).toFixed(1)}x a JSON copy of the document`);
  return figures;
}
