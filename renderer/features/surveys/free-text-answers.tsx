import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import type { SurveyQuestion } from '../../../shared/domain/survey';
import { freeTextLabel, isFreeTextQuestion } from '../../../shared/surveys/free-text-questions';
import { respondentPath } from '../../../shared/surveys/survey-routes';
import { formatDay } from '../../components/format-date';
import { useRepositories } from '../../db';
import type { FreeTextAnswerRow, SurveyResultsClient } from '../../surveys';

const LIMIT = 200;

interface FreeTextAnswersProps {
  readonly client: SurveyResultsClient;
  readonly surveyId: string;
  readonly questions: readonly SurveyQuestion[];
  /** The question shown first (a results card's link); the first free-text question otherwise. */
  readonly initialQuestionId?: string | undefined;
}

/** A free-text question's answers, filtered as you type, each with who gave it. */
export function FreeTextAnswers({ client, surveyId, questions, initialQuestionId }: FreeTextAnswersProps) {
  // Free-text questions and the free-text rows of grids and multi-field questions ("Question › Row").
  const freeText = questions.filter(isFreeTextQuestion);
  const [questionId, setQuestionId] = useState(initialQuestionId !== undefined && freeText.some((q) => q.id === initialQuestionId) ? initialQuestionId : (freeText[0]?.id ?? ''));
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<{ total: number; answers: readonly FreeTextAnswerRow[] } | null>(null);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const { contacts } = useRepositories();
  const searchId = useId();

  useEffect(() => {
    if (questionId === '') return;
    let isCurrent = true;
    const timer = setTimeout(() => {
      void client.ask({ type: 'answers', surveyId, questionId, query, limit: LIMIT }).then(async (value) => {
        const people = await contacts.getMany([...new Set(value.answers.flatMap((answer) => (answer.contactId === undefined ? [] : [answer.contactId])))]);
        if (!isCurrent) return;
        setNames(new Map(people.map((person) => [person.id, person.name])));
        setShown({ total: value.total, answers: value.answers });
      });
    }, 120);
    return () => {
      isCurrent = false;
      clearTimeout(timer);
    };
  }, [client, contacts, query, questionId, surveyId]);

  if (freeText.length === 0) return <p className="empty-state">This survey has no free-text questions.</p>;
  return (
    <div className="free-text">
      <div className="free-text__bar">
        <label className="field">
          <span className="field__label">Question</span>
          <select value={questionId} onChange={(event) => setQuestionId(event.target.value)}>
            {freeText.map((question) => (
              <option key={question.id} value={question.id}>
                {freeTextLabel(question)}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label className="field__label" htmlFor={searchId}>
            Find in answers
          </label>
          <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder="e.g. flaky" />
        </div>
      </div>
      {shown === null ? (
        <p className="muted">Loading answers…</p>
      ) : (
        <>
          <p className="muted" role="status">
            {shown.total.toLocaleString()} {shown.total === 1 ? 'answer' : 'answers'}
            {query.trim() !== '' && ` containing "${query.trim()}"`}
            {shown.total > shown.answers.length && ` · showing the first ${shown.answers.length}`}
          </p>
          <ul className="free-text__list" aria-label="Answers">
            {shown.answers.map((answer) => (
              <li key={answer.responseId} className="free-text__answer">
                <blockquote className="quote">{answer.text}</blockquote>
                <p className="muted">
                  <Link to={respondentPath(surveyId, answer.responseId)}>
                    {answer.contactId === undefined ? 'Anonymous' : (names.get(answer.contactId) ?? 'Unknown person')}
                  </Link>
                  {answer.submittedAt !== undefined && ` · ${formatDay(answer.submittedAt)}`}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
