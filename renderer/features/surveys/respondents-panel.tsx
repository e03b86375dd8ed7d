import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Survey, SurveyQuestion } from '../../../shared/domain/survey';
import { followUpChatBody } from '../../../shared/surveys/follow-up-chat';
import { promptingAnswers } from '../../../shared/surveys/format-answer';
import { respondentPath } from '../../../shared/surveys/survey-routes';
import { describeCondition, type AnswerCondition } from '../../../shared/surveys/survey-results';
import { formatDay } from '../../components/format-date';
import { useToast } from '../../components/toast';
import { useDatabase, useRepositories } from '../../db';
import type { RespondentFilter, RespondentRow, SurveyResultsClient } from '../../surveys';
import { FollowUpBadge } from './respondent-page';

const LIMIT = 300;

interface RespondentsPanelProps {
  readonly client: SurveyResultsClient;
  readonly survey: Survey;
  readonly questions: readonly SurveyQuestion[];
}

/**
 * Respondents filtered by their answers (e.g. low satisfaction), marked "to follow up"; a marked
 * respondent with a contact turns into a coffee-chat note with that person in one step.
 */
export function RespondentsPanel({ client, survey, questions }: RespondentsPanelProps) {
  const [filters, setFilters] = useState<readonly RespondentFilter[]>([]);
  const [followUpOnly, setFollowUpOnly] = useState(false);
  const [shown, setShown] = useState<{ total: number; respondents: readonly RespondentRow[] } | null>(null);
  const [people, setPeople] = useState<ReadonlyMap<string, { name: string; email?: string; team?: string }>>(new Map());
  const [version, setVersion] = useState(0);
  const { contacts, surveys } = useRepositories();
  const { isReadOnly } = useDatabase();
  const showToast = useToast();
  const navigate = useNavigate();
  const byId = new Map(questions.map((question) => [question.id, question]));

  useEffect(() => {
    let isCurrent = true;
    void client.ask({ type: 'respondents', surveyId: survey.id, filters, followUpOnly, limit: LIMIT }).then(async (value) => {
      const ids = [...new Set(value.respondents.flatMap((row) => (row.contactId === undefined ? [] : [row.contactId])))];
      const found = await contacts.getMany(ids);
      if (!isCurrent) return;
      setPeople(
        new Map(
          found.map((person) => [
            person.id,
            { name: person.name, ...(person.email === undefined ? {} : { email: person.email }), ...(person.team === undefined ? {} : { team: person.team }) },
          ]),
        ),
      );
      setShown({ total: value.total, respondents: value.respondents });
    });
    return () => {
      isCurrent = false;
    };
  }, [client, contacts, filters, followUpOnly, survey.id, version]);

  const setFollowUp = useCallback(
    async (rows: readonly RespondentRow[], state: 'marked' | 'done' | 'none') => {
      for (const row of rows) await surveys.setFollowUp(row.responseId, state);
      client.invalidate(survey.id);
      setVersion((current) => current + 1);
    },
    [client, survey.id, surveys],
  );

  const startChat = async (row: RespondentRow) => {
    if (row.contactId === undefined) return;
    const person = people.get(row.contactId);
    const [response] = await surveys.responses([row.responseId]);
    if (response === undefined) return;
    // The answers that found this respondent (the active filters) open the chat, with the person's team.
    const prompting = promptingAnswers(questions, response.answers, filters.map((filter) => filter.questionId));
    const note = await surveys.planFollowUpChat(row.responseId, {
      channel: 'coffee-chat',
      title: `Follow-up with ${person?.name ?? 'respondent'} on ${survey.title}`,
      body: followUpChatBody({ surveyTitle: survey.title, answers: prompting, team: person?.team }),
      occurredAt: Date.now(),
      personIds: [row.contactId],
      ...(person?.team === undefined || person.team === '' ? {} : { teams: [person.team] }),
      tags: ['survey follow-up'],
    });
    client.invalidate(survey.id);
    if (note === undefined) return;
    showToast({ message: `Planned a coffee chat with ${person?.name ?? 'the respondent'}; the follow-up is done once the chat's note is written.` });
    await navigate(`/discovery/notes/${note.id}`, { state: { isNew: true } });
  };

  const unmarked = shown?.respondents.filter((row) => row.followUp === undefined) ?? [];
  return (
    <div className="respondents">
      <FilterBuilder questions={questions} onAdd={(filter) => setFilters((current) => [...current, filter])} />
      <div className="respondents__filters" aria-label="Active filters">
        {filters.map((filter, index) => {
          const question = byId.get(filter.questionId);
          const label = question === undefined ? 'A removed question' : describeCondition(question, filter.condition);
          return (
            <span key={`${filter.questionId}-${index}`} className="chip">
              {label}
              <button type="button" className="chip__remove" aria-label={`Remove filter: ${label}`} onClick={() => setFilters((current) => current.filter((_, at) => at !== index))}>
                ×
              </button>
            </span>
          );
        })}
        <label className="checkbox">
          <input type="checkbox" checked={followUpOnly} onChange={(event) => setFollowUpOnly(event.target.checked)} />
          Only those to follow up
        </label>
      </div>
      {shown === null ? (
        <p className="muted">Loading respondents…</p>
      ) : (
        <>
          <div className="respondents__bar">
            <p className="muted" role="status">
              {shown.total.toLocaleString()} {shown.total === 1 ? 'respondent' : 'respondents'}
              {shown.total > shown.respondents.length && ` · showing the first ${shown.respondents.length}`}
            </p>
            {unmarked.length > 0 && !isReadOnly && (
              <button type="button" className="button" onClick={() => void setFollowUp(unmarked, 'marked')}>
                Mark {unmarked.length === 1 ? 'this respondent' : `these ${unmarked.length.toLocaleString()}`} to follow up
              </button>
            )}
          </div>
          {shown.respondents.length === 0 ? (
            <p className="empty-state">{followUpOnly ? 'Nobody is marked to follow up yet.' : 'No respondent gave these answers.'}</p>
          ) : (
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Respondent</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Follow-up</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.respondents.map((row) => {
                  const person = row.contactId === undefined ? undefined : people.get(row.contactId);
                  const name = person?.name ?? `Anonymous (${row.respondentKey.slice(0, 12)})`;
                  return (
                    <tr key={row.responseId}>
                      <th scope="row">
                        <Link to={respondentPath(survey.id, row.responseId)}>{name}</Link>
                        {person?.email !== undefined && person.email !== person.name && <span className="muted"> · {person.email}</span>}
                      </th>
                      <td>{row.submittedAt === undefined ? '—' : formatDay(row.submittedAt)}</td>
                      <td>
                        {row.followUp === undefined ? <span className="muted">—</span> : <FollowUpBadge response={row} />}
                      </td>
                      <td>
                        <div className="respondents__actions">
                        {!isReadOnly && row.followUp === undefined && (
                          <button type="button" className="button button--small" onClick={() => void setFollowUp([row], 'marked')} aria-label={`Mark ${name} to follow up`}>
                            Follow up
                          </button>
                        )}
                        {!isReadOnly && row.followUp !== undefined && row.followUp.chatNoteId === undefined && row.contactId !== undefined && (
                          <button type="button" className="button button--small button--primary" onClick={() => void startChat(row)} aria-label={`Plan a coffee chat with ${name}`}>
                            Plan a coffee chat
                          </button>
                        )}
                        {!isReadOnly && row.followUp !== undefined && (
                          <button type="button" className="button button--small button--quiet" onClick={() => void setFollowUp([row], 'none')} aria-label={`Unmark ${name}`}>
                            Unmark
                          </button>
                        )}
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

/** Picks a question and a condition that suits its type (a range for scales and numbers, options for choices, text for free text). */
function FilterBuilder({ questions, onAdd }: { readonly questions: readonly SurveyQuestion[]; readonly onAdd: (filter: RespondentFilter) => void }) {
  const [questionId, setQuestionId] = useState(questions.find((question) => question.type === 'scale')?.id ?? questions[0]?.id ?? '');
  const question = questions.find((candidate) => candidate.id === questionId);
  const [min, setMin] = useState('');
  const [max, setMax] = useState('');
  const [value, setValue] = useState('');
  const [text, setText] = useState('');
  if (question === undefined) return null;
  const isNumeric = question.type === 'scale' || question.type === 'number' || question.type === 'ranking' || (question.type === 'grid-item' && (question.itemType === 'scale' || question.itemType === 'ranking'));
  const options = question.options ?? question.scale?.labels ?? [];
  const isChoice = !isNumeric && question.type !== 'free-text';

  const condition = (): AnswerCondition | null => {
    if (isNumeric) {
      const low = min.trim() === '' ? undefined : Number(min);
      const high = max.trim() === '' ? undefined : Number(max);
      if ((low !== undefined && Number.isNaN(low)) || (high !== undefined && Number.isNaN(high)) || (low === undefined && high === undefined)) return null;
      return { kind: 'range', ...(low === undefined ? {} : { min: low }), ...(high === undefined ? {} : { max: high }) };
    }
    if (isChoice) return value === '' ? null : { kind: 'oneOf', values: [value] };
    return text.trim() === '' ? { kind: 'answered' } : { kind: 'contains', text: text.trim() };
  };
  const ready = condition();

  return (
    <form
      className="filter-builder"
      aria-label="Filter respondents by answer"
      onSubmit={(event) => {
        event.preventDefault();
        if (ready !== null) onAdd({ questionId, condition: ready });
      }}
    >
      <label className="field">
        <span className="field__label">Question</span>
        <select value={questionId} onChange={(event) => setQuestionId(event.target.value)}>
          {questions.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.gridTitle === undefined ? candidate.text : `${candidate.gridTitle} [${candidate.text}]`}
            </option>
          ))}
        </select>
      </label>
      {isNumeric && (
        <>
          <label className="field filter-builder__number">
            <span className="field__label">From</span>
            <input inputMode="decimal" value={min} onChange={(event) => setMin(event.target.value)} placeholder={question.scale === undefined ? '' : String(question.scale.min)} />
          </label>
          <label className="field filter-builder__number">
            <span className="field__label">To</span>
            <input inputMode="decimal" value={max} onChange={(event) => setMax(event.target.value)} placeholder={question.scale === undefined ? '' : String(question.scale.max)} />
          </label>
        </>
      )}
      {isChoice && (
        <label className="field">
          <span className="field__label">Answer</span>
          <select value={value} onChange={(event) => setValue(event.target.value)}>
            <option value="">Choose…</option>
            {options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
      )}
      {question.type === 'free-text' && (
        <label className="field">
          <span className="field__label">Containing (blank: any answer)</span>
          <input value={text} onChange={(event) => setText(event.target.value)} />
        </label>
      )}
      <button type="submit" className="button" disabled={ready === null}>
        Add filter
      </button>
    </form>
  );
}
