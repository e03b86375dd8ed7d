import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { SurveyQuestion } from '../../../shared/domain/survey';
import { surveyResultsCsv } from '../../../shared/surveys/export-survey-results';
import { isFreeTextQuestion } from '../../../shared/surveys/free-text-questions';
import type { SurveyResults } from '../../../shared/surveys/survey-results';
import { formatDay } from '../../components/format-date';
import { useToast } from '../../components/toast';
import { useDatabase, useRepositories } from '../../db';
import { usePlatform } from '../../platform';
import { createSurveyResultsClient, type SurveyResultsClient } from '../../surveys';
import { CrossTabView } from './cross-tab-view';
import { FreeTextAnswers } from './free-text-answers';
import { QuestionResultCard, GridResultCard } from './question-result-card';
import { RespondentsPanel } from './respondents-panel';
import { ResultCardList, type ResultCardEntry } from './result-card-list';
import { formatLabel } from './survey-format-label';
import { userMessage } from '../../errors/user-message';

type Tab = 'results' | 'cross-tab' | 'answers' | 'respondents';

const TABS: readonly { readonly id: Tab; readonly label: string }[] = [
  { id: 'results', label: 'Results' },
  { id: 'cross-tab', label: 'Cross-tab' },
  { id: 'answers', label: 'Free-text answers' },
  { id: 'respondents', label: 'Respondents & follow-ups' },
];

/** One survey's results: charts per question, free-text answers, respondents and follow-ups. */
export function SurveyResultsView({ surveyId }: { readonly surveyId: string }) {
  const { db } = useDatabase();
  const { surveys } = useRepositories();
  const survey = useLiveQuery(async () => (await surveys.get(surveyId)) ?? null, [surveys, surveyId]);
  const questions = useLiveQuery(() => surveys.questions(surveyId), [surveys, surveyId]);
  const [client] = useState<SurveyResultsClient>(() => createSurveyResultsClient(db.name));
  const [tab, setTab] = useState<Tab>('results');
  const [answersOf, setAnswersOf] = useState<string | undefined>(undefined);
  const showAnswers = useCallback((questionId: string) => {
    setAnswersOf(questionId);
    setTab('answers');
  }, []);

  useEffect(() => () => client.dispose(), [client]);

  if (survey === undefined || questions === undefined) return <p className="muted">Loading the survey…</p>;
  if (survey === null) {
    return (
      <div className="empty-state">
        <h2>This survey is not in the workspace</h2>
        <p>
          <Link to="/surveys">Back to all surveys</Link>
        </p>
      </div>
    );
  }
  return (
    <section className="survey-results" aria-label="Survey results">
      <Link to="/surveys" className="survey-results__back">
        ← All surveys
      </Link>
      <header className="survey-results__header">
        <h2>{survey.title}</h2>
        <p className="muted">
          {(survey.responseCount ?? 0).toLocaleString()} responses · {questions.length} questions · {formatLabel(survey.format)} ·{' '}
          {survey.sourceFileName} · last imported {formatDay(survey.importedAt)}
        </p>
      </header>
      <div className="tabs" role="tablist" aria-label="Survey views">
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            aria-selected={tab === entry.id}
            className="tabs__tab tabs__tab--button"
            aria-current={tab === entry.id ? 'page' : undefined}
            onClick={() => setTab(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </div>
      {tab === 'results' ? (
        <ResultsTab client={client} surveyId={surveyId} title={survey.title} questions={questions} version={survey.updatedAt} onShowAnswers={showAnswers} />
      ) : tab === 'cross-tab' ? (
        <CrossTabView surveyId={surveyId} questions={questions} />
      ) : tab === 'answers' ? (
        <FreeTextAnswers key={answersOf} client={client} surveyId={surveyId} questions={questions} initialQuestionId={answersOf} />
      ) : (
        <RespondentsPanel client={client} survey={survey} questions={questions} />
      )}
    </section>
  );
}

interface ResultsTabProps {
  readonly client: SurveyResultsClient;
  readonly surveyId: string;
  readonly title: string;
  readonly questions: readonly SurveyQuestion[];
  /** Changes when the survey is re-imported, so results are computed again. */
  readonly version: number;
  /** Opens the Free-text answers tab on this question. */
  readonly onShowAnswers: (questionId: string) => void;
}

function ResultsTab({ client, surveyId, title, questions, version, onShowAnswers }: ResultsTabProps) {
  const [results, setResults] = useState<SurveyResults | null>(null);
  const [error, setError] = useState<string | null>(null);
  const platform = usePlatform();
  const showToast = useToast();
  const cards = useMemo(() => (results === null ? [] : questionCards(questions, results, onShowAnswers)), [questions, results, onShowAnswers]);

  useEffect(() => {
    let isCurrent = true;
    client.invalidate(surveyId);
    client.ask({ type: 'results', surveyId }).then(
      (value) => isCurrent && setResults(value.results),
      (reason: unknown) => isCurrent && setError(userMessage(reason, 'reading the survey results')),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, surveyId, version]);


  const save = async (name: string, text: string) => {
    const saved = await platform.saveFile({ title: 'Export survey results', suggestedName: name, bytes: new TextEncoder().encode(text) });
    if (!saved.ok) showToast({ message: `Not exported: ${saved.error.message}` });
    else if (saved.value !== null) showToast({ message: `Exported ${saved.value.path}` });
  };

  if (error !== null) return <p className="notice notice--error">The results could not be computed: {error}</p>;
  if (results === null) {
    return (
      <p className="muted" role="status">
        Counting the answers…
      </p>
    );
  }
  const fileBase = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'survey';
  return (
    <div className="survey-results__body">
      <div className="survey-results__actions">
        <button type="button" className="button" onClick={() => void save(`${fileBase}-results.csv`, surveyResultsCsv(questions, results))}>
          Export results (CSV)
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void client.ask({ type: 'responsesCsv', surveyId }).then((value) => save(`${fileBase}-responses.csv`, value.text))}
        >
          Export responses (CSV)
        </button>
      </div>
      <ResultCardList cards={cards} />
    </div>
  );
}

/** Height of a card's header and counts, and of one bar or grid row, for a first guess before it is measured. */
const CARD_BASE_HEIGHT = 110;
const ROW_HEIGHT = 30;
const MAX_ESTIMATED_BARS = 15;

/** A card per question in column order; a grid's rows share one card, where its first row is. */
function questionCards(questions: readonly SurveyQuestion[], results: SurveyResults, onShowAnswers: (questionId: string) => void): ResultCardEntry[] {
  const resultById = new Map(results.questions.map((result) => [result.questionId, result]));
  const gridByTitle = new Map(results.grids.map((grid) => [grid.title, grid]));
  const shownGrids = new Set<string>();
  // Rows answered in words (a text-entry matrix, a multi-field question), by grid, in one pass.
  const textRowsByGrid = new Map<string, SurveyQuestion[]>();
  for (const row of questions) {
    if (row.type !== 'grid-item' || !isFreeTextQuestion(row)) continue;
    const title = row.gridTitle ?? row.text;
    textRowsByGrid.set(title, [...(textRowsByGrid.get(title) ?? []), row]);
  }
  const cards: ResultCardEntry[] = [];
  for (const question of questions) {
    if (question.type === 'grid-item') {
      const title = question.gridTitle ?? question.text;
      const grid = gridByTitle.get(title);
      if (grid === undefined || shownGrids.has(title)) continue;
      shownGrids.add(title);
      // Rows answered in words are read under Free-text answers.
      const textRows = textRowsByGrid.get(title) ?? [];
      cards.push({
        key: `grid:${title}`,
        estimatedHeight: CARD_BASE_HEIGHT + grid.rows.length * ROW_HEIGHT,
        render: () => <GridResultCard grid={grid} textRows={textRows} onShowAnswers={onShowAnswers} />,
      });
      continue;
    }
    const result = resultById.get(question.id);
    if (result === undefined) continue;
    const bars = Math.min(MAX_ESTIMATED_BARS, result.options?.length ?? 0);
    cards.push({ key: question.id, estimatedHeight: CARD_BASE_HEIGHT + bars * ROW_HEIGHT, render: () => <QuestionResultCard question={question} result={result} /> });
  }
  return cards;
}
