import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Note } from '../../../shared/domain/note';
import type { Survey, SurveyQuestion, SurveyResponse } from '../../../shared/domain/survey';
import { followUpChatBody } from '../../../shared/surveys/follow-up-chat';
import { answerQuestionLabel, formatAnswer, promptingAnswers } from '../../../shared/surveys/format-answer';
import { isFreeTextQuestion } from '../../../shared/surveys/free-text-questions';
import { surveyPath } from '../../../shared/surveys/survey-routes';
import { formatDay } from '../../components/format-date';
import { useToast } from '../../components/toast';
import { noteForm, useDatabase, useRepositories } from '../../db';
import { NoteEditor } from '../../editor';
import { SaveStatus, useFormSave } from '../../forms';

/** One respondent's whole response: every answer (free text highlightable), the follow-up, and a coffee chat to plan. */
export function RespondentPage({ surveyId, responseId }: { readonly surveyId: string; readonly responseId: string }) {
  const { surveys, contacts } = useRepositories();
  const survey = useLiveQuery(async () => (await surveys.get(surveyId)) ?? null, [surveys, surveyId]);
  const questions = useLiveQuery(() => surveys.questions(surveyId), [surveys, surveyId]);
  const response = useLiveQuery(async () => (await surveys.response(responseId)) ?? null, [surveys, responseId]);
  const contact = useLiveQuery(async () => (response?.contactId === undefined ? null : ((await contacts.get(response.contactId)) ?? null)), [contacts, response?.contactId]);
  const notes = useLiveQuery(async () => (response ? await surveys.answerNotes(response) : new Map<string, Note>()), [surveys, response]);

  if (survey === undefined || questions === undefined || response === undefined || contact === undefined || notes === undefined) {
    return <p className="muted">Loading the response…</p>;
  }
  if (survey === null || response === null || response.surveyId !== surveyId) {
    return (
      <div className="empty-state">
        <h2>This response is not in the workspace</h2>
        <p>
          <Link to={survey === null ? '/surveys' : surveyPath(surveyId)}>Back to the survey</Link>
        </p>
      </div>
    );
  }
  const name = contact?.name ?? `Anonymous respondent (${response.respondentKey.slice(0, 12)})`;
  const details = [contact?.email !== undefined && contact.email !== contact.name ? contact.email : undefined, contact?.team, contact?.role, contact?.organisation].filter(
    (part): part is string => part !== undefined && part !== '',
  );
  return (
    <section className="respondent" aria-label={`Response of ${name}`}>
      <Link to={surveyPath(surveyId)} className="survey-results__back">
        ← {survey.title}
      </Link>
      <header className="respondent__header">
        <div>
          <h2>{name}</h2>
          <p className="muted">
            {details.length > 0 && `${details.join(' · ')} · `}
            {response.submittedAt === undefined ? 'submission date not in the file' : `answered ${formatDay(response.submittedAt)}`}
          </p>
        </div>
        <FollowUpActions survey={survey} questions={questions} response={response} personName={contact === null ? undefined : contact.name} team={contact?.team} />
      </header>
      <ol className="respondent__answers" aria-label="Answers">
        {questions.map((question) => (
          <li key={question.id} className="respondent__answer">
            <h3 className="respondent__question">{answerQuestionLabel(question)}</h3>
            <AnswerView question={question} response={response} note={notes.get(question.id)} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function AnswerView({ question, response, note }: { readonly question: SurveyQuestion; readonly response: SurveyResponse; readonly note: Note | undefined }) {
  const { surveys } = useRepositories();
  const { isReadOnly } = useDatabase();
  const [isMaking, setIsMaking] = useState(false);
  const text = formatAnswer(question, response.answers[question.id]);
  if (text === null) return <p className="respondent__empty muted">No answer</p>;
  if (!isFreeTextQuestion(question)) return <p className="respondent__value">{text}</p>;
  if (note !== undefined) return <AnswerNote note={note} label={answerQuestionLabel(question)} />;
  return (
    <div>
      <blockquote className="quote">{text}</blockquote>
      {!isReadOnly && (
        <button
          type="button"
          className="button button--small"
          disabled={isMaking}
          onClick={() => {
            setIsMaking(true);
            void surveys.noteOfAnswer(response.id, question.id).finally(() => setIsMaking(false));
          }}
        >
          Make it a note to highlight
        </button>
      )}
    </div>
  );
}

/** A free-text answer's note: the respondent's words, locked, highlightable as evidence. */
function AnswerNote({ note, label }: { readonly note: Note; readonly label: string }) {
  const { highlights } = useRepositories();
  const { isReadOnly } = useDatabase();
  const form = useFormSave({ store: noteForm, id: note.id, initial: note });
  const { update, flush } = form;
  const createHighlight = useCallback(
    async ({ quote }: { readonly quote: string }) => {
      await flush();
      return (await highlights.create({ noteId: note.id, quote })).id;
    },
    [flush, highlights, note.id],
  );
  return (
    <div className="respondent__note">
      <NoteEditor
        documentKey={`${note.id}:${form.revision}`}
        content={form.value.body}
        isReadOnly={isReadOnly}
        isTextLocked
        ariaLabel={`Answer to ${label}`}
        onChange={(body) => update((current) => ({ ...current, body }))}
        onCreateHighlight={createHighlight}
      />
      <div className="respondent__note-bar">
        <SaveStatus form={form} />
        <Link to={`/discovery/notes/${note.id}`}>Open as a note{note.tags.length > 0 ? ` (${note.tags.join(', ')})` : ''}</Link>
      </div>
    </div>
  );
}

interface FollowUpActionsProps {
  readonly survey: Survey;
  readonly questions: readonly SurveyQuestion[];
  readonly response: SurveyResponse;
  readonly personName: string | undefined;
  readonly team: string | undefined;
}

function FollowUpActions({ survey, questions, response, personName, team }: FollowUpActionsProps) {
  const { surveys } = useRepositories();
  const { isReadOnly } = useDatabase();
  const navigate = useNavigate();
  const showToast = useToast();
  const { followUp } = response;
  const planChat = async () => {
    if (response.contactId === undefined || personName === undefined) return;
    const note = await surveys.planFollowUpChat(response.id, {
      channel: 'coffee-chat',
      title: `Follow-up with ${personName} on ${survey.title}`,
      body: followUpChatBody({ surveyTitle: survey.title, answers: promptingAnswers(questions, response.answers), team }),
      occurredAt: Date.now(),
      personIds: [response.contactId],
      ...(team === undefined || team === '' ? {} : { teams: [team] }),
      tags: ['survey follow-up'],
    });
    if (note === undefined) return;
    showToast({ message: `Planned a coffee chat with ${personName}; the follow-up is done once the chat's note is written.` });
    await navigate(`/discovery/notes/${note.id}`, { state: { isNew: true } });
  };
  return (
    <div className="respondent__follow-up" role="group" aria-label="Follow-up">
      <FollowUpBadge response={response} />
      {!isReadOnly && followUp === undefined && (
        <button type="button" className="button" onClick={() => void surveys.setFollowUp(response.id, 'marked')}>
          Follow up
        </button>
      )}
      {!isReadOnly && followUp?.chatNoteId === undefined && (
        <button
          type="button"
          className="button button--primary"
          disabled={response.contactId === undefined}
          title={response.contactId === undefined ? 'This respondent is anonymous: there is nobody to invite.' : undefined}
          onClick={() => void planChat()}
        >
          Plan a coffee chat
        </button>
      )}
      {followUp?.chatNoteId !== undefined && <Link to={`/discovery/notes/${followUp.chatNoteId}`}>Open the chat note</Link>}
      {!isReadOnly && followUp !== undefined && followUp.doneAt === undefined && (
        <button type="button" className="button button--quiet" onClick={() => void surveys.setFollowUp(response.id, 'none')}>
          Unmark
        </button>
      )}
    </div>
  );
}

/** Where a follow-up stands: marked, a chat planned (its note not written yet), or done. */
export function FollowUpBadge({ response }: { readonly response: Pick<SurveyResponse, 'followUp'> }) {
  const { followUp } = response;
  if (followUp === undefined) return <span className="muted">Not marked to follow up</span>;
  if (followUp.doneAt !== undefined) return <span className="badge badge--ok">Followed up {formatDay(followUp.doneAt)}</span>;
  if (followUp.chatNoteId !== undefined) return <span className="badge badge--neutral">Chat planned, note not written yet</span>;
  return <span className="badge badge--warning">To follow up</span>;
}
