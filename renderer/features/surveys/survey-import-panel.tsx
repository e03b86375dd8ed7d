import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { freeTextAnswersInColumns, notesFromColumns } from '../../../shared/surveys/count-import-notes';
import type { SurveyColumnPlan } from '../../../shared/surveys/survey-import-plan';
import type { SurveyFileProblem } from '../../../shared/surveys/parse-survey-table';
import type { SurveyImportControls, SurveyImportPreview, SurveyImportProgressUpdate } from '../../surveys';
import { ImportColumnsTable } from './import-columns-table';
import { defaultTarget, ImportTarget } from './import-target';
import { formatLabel } from './survey-format-label';

const STAGE_LABELS: Readonly<Record<SurveyImportProgressUpdate['stage'], string>> = {
  reading: 'Reading the file',
  parsing: 'Splitting rows and columns',
  planning: 'Recognising the columns',
  checking: 'Reading every answer',
  matching: 'Looking for earlier imports of this survey',
  writing: 'Saving',
};

interface SurveyImportPanelProps {
  readonly controls: SurveyImportControls;
  readonly onChooseAnother: () => void;
}

/** The import from reading to summary: progress, the preview with corrections, cancel, problems and the outcome. */
export function SurveyImportPanel({ controls, onChooseAnother }: SurveyImportPanelProps) {
  const { state } = controls;
  switch (state.kind) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <section className="panel import-panel" aria-label="Survey import" data-import-state="reading">
          <h2>Reading {state.fileName}</h2>
          <ImportProgress progress={state.progress} />
          <div className="import-panel__actions">
            <button type="button" className="button" onClick={controls.cancel}>
              Cancel
            </button>
          </div>
        </section>
      );
    case 'preview':
      return <ImportPreview key={state.preview.fileName} preview={state.preview} problems={state.problems} controls={controls} />;
    case 'importing':
      return (
        <section className="panel import-panel" aria-label="Survey import" data-import-state="importing">
          <h2>Importing {state.preview.plan.responseCount.toLocaleString()} responses</h2>
          <ImportProgress progress={state.progress} />
          <p className="muted">Nothing is visible until every response is saved; cancelling leaves no trace.</p>
          <div className="import-panel__actions">
            <button type="button" className="button" onClick={controls.cancel} disabled={state.isCancelling}>
              {state.isCancelling ? 'Cancelling…' : 'Cancel import'}
            </button>
          </div>
        </section>
      );
    case 'imported': {
      const { summary } = state;
      return (
        <section className="panel import-panel import-panel--done" aria-label="Survey import" data-import-state="done" role="status">
          <h2>Imported {state.preview.fileName}</h2>
          <p>
            <strong>{summary.added.toLocaleString()}</strong> new {summary.added === 1 ? 'response' : 'responses'} added
            {summary.unchanged + summary.changed > 0 && (
              <>
                ; {summary.unchanged.toLocaleString()} unchanged and {summary.changed.toLocaleString()} changed since the last import
              </>
            )}
            .
          </p>
          <ul className="import-panel__facts">
            <li>{summary.notesCreated.toLocaleString()} free-text answers became survey-response notes in Discovery.</li>
            <li>
              {summary.contactsMatched.toLocaleString()} respondents matched existing contacts; {summary.contactsCreated.toLocaleString()} new contacts.
            </li>
            {summary.questionsAdded > 0 && <li>{summary.questionsAdded} questions added.</li>}
          </ul>
          <div className="import-panel__actions">
            <Link className="button button--primary" to={`/surveys/${summary.surveyId}`}>
              See the results
            </Link>
            <button type="button" className="button" onClick={controls.reset}>
              Done
            </button>
          </div>
        </section>
      );
    }
    case 'failed':
      return (
        <section className="panel import-panel" aria-label="Survey import" data-import-state="failed">
          <h2>{state.fileName} cannot be imported</h2>
          <ProblemList problems={state.problems} />
          <p className="muted">Nothing was saved.</p>
          <div className="import-panel__actions">
            <button type="button" className="button button--primary" onClick={onChooseAnother}>
              Choose another file
            </button>
            <button type="button" className="button" onClick={controls.reset}>
              Close
            </button>
          </div>
        </section>
      );
    case 'cancelled':
      return (
        <section className="panel import-panel" aria-label="Survey import" data-import-state="cancelled" role="status">
          <p>The import of {state.fileName} was cancelled. Nothing was saved.</p>
          <div className="import-panel__actions">
            <button type="button" className="button" onClick={controls.reset}>
              Close
            </button>
          </div>
        </section>
      );
  }
}

function ImportProgress({ progress }: { readonly progress: SurveyImportProgressUpdate | null }) {
  const label = progress === null ? 'Starting' : STAGE_LABELS[progress.stage];
  const showCount = progress !== null && progress.stage === 'writing' && progress.total > 0;
  return (
    <div className="import-progress">
      <progress
        aria-label="Import progress"
        max={showCount ? progress.total : undefined}
        value={showCount ? progress.done : undefined}
        data-stage={progress?.stage ?? 'starting'}
      />
      <span className="muted">
        {label}
        {showCount && ` · ${Math.floor((progress.done / progress.total) * 100)}%`}
        …
      </span>
    </div>
  );
}

function ProblemList({ problems }: { readonly problems: readonly SurveyFileProblem[] }) {
  return (
    <ul className="problem-list" role="alert">
      {problems.map((problem, index) => (
        <li key={index}>
          {problem.row !== null && <strong>Row {problem.row}: </strong>}
          {problem.message}
        </li>
      ))}
    </ul>
  );
}

/** Says how many respondents answered another survey in the window; re-importing into the same survey re-surveys nobody. */
function ResurveyWarning({ recent, target }: { readonly recent: SurveyImportPreview['recentlySurveyed']; readonly target: string }) {
  if (recent === undefined) return null;
  const surveys = recent.surveys.filter((survey) => survey.surveyId !== target);
  const people = target === '' ? recent.people : (recent.surveys.find((survey) => survey.surveyId === target)?.peopleInOthers ?? recent.people);
  if (people === 0 || surveys.length === 0) return null;
  return (
    <div className="notice notice--warning" role="status" aria-label="Recently surveyed respondents">
      <strong>
        {people.toLocaleString()} {people === 1 ? 'respondent was' : 'respondents were'} already surveyed in the last {recent.windowDays} days
      </strong>{' '}
      ({surveys.map((survey) => `${survey.title}: ${survey.people.toLocaleString()}`).join('; ')}). This survey adds to their research load; see People for who is over budget.
    </div>
  );
}

interface ImportPreviewProps {
  readonly preview: SurveyImportPreview;
  readonly problems: readonly SurveyFileProblem[];
  readonly controls: SurveyImportControls;
}

function ImportPreview({ preview, problems, controls }: ImportPreviewProps) {
  const { plan } = preview;
  const [columns, setColumns] = useState<readonly SurveyColumnPlan[]>(plan.columns);
  const [title, setTitle] = useState(plan.title);
  const [target, setTarget] = useState<string>(() => defaultTarget(preview.matches, plan.responseCount));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const questionCount = useMemo(() => countQuestions(columns), [columns]);
  const noteCount = useMemo(() => notesFromColumns(columns), [columns]);
  const freeTextCount = useMemo(() => freeTextAnswersInColumns(columns), [columns]);
  const canIdentify = columns.some((column) => IDENTIFYING_ROLES.has(column.role));
  const change = (index: number, patch: Partial<SurveyColumnPlan>) =>
    setColumns((current) => current.map((column) => (column.index === index ? { ...column, ...patch } : column)));

  return (
    <section className="panel import-panel" aria-label="Survey import" data-import-state="preview">
      <h2 ref={heading} tabIndex={-1}>
        Preview of {preview.fileName}
      </h2>
      <p className="import-panel__summary">
        <span className="badge badge--neutral">{formatLabel(plan.format)}</span> {plan.responseCount.toLocaleString()} responses ·{' '}
        {questionCount} questions · {columns.length} columns ·{' '}
        <span data-testid="import-note-count">
          {noteCount.toLocaleString()} {noteCount === 1 ? 'note' : 'notes'} from {freeTextCount.toLocaleString()} free-text {freeTextCount === 1 ? 'answer' : 'answers'}
        </span>
        {preview.encoding !== undefined && <span className="muted"> · {preview.encoding.toUpperCase()}</span>}
        {preview.delimiter !== undefined && <span className="muted"> · separated by {delimiterName(preview.delimiter)}</span>}
      </p>
      {plan.notices.length > 0 && (
        <ul className="import-panel__notices">
          {plan.notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      )}
      <ImportTarget
        matches={preview.matches}
        responseCount={plan.responseCount}
        target={target}
        onTarget={setTarget}
        title={title}
        onTitle={setTitle}
      />
      <ResurveyWarning recent={preview.recentlySurveyed} target={target} />
      {!canIdentify && (
        <div className="notice notice--warning" role="status" aria-label="Respondents cannot be identified">
          <strong>Nobody in this file can be followed up.</strong> No column is a respondent id, email or name, so respondents stay
          anonymous: no contact is matched or created and nobody can be marked to follow up. If a column holds one of these, set its role below.
        </div>
      )}
      {freeTextCount > 0 && (
        <p className="muted import-panel__notes-hint">
          Ticked free-text questions make one Discovery note per answer; the others stay answers only, searchable under the survey's Free-text
          answers. Suggested: open questions with long, mostly different answers.
        </p>
      )}
      {problems.length > 0 && (
        <div className="notice notice--error">
          <p>
            <strong>Not imported yet:</strong> fix these by changing a column below (or the file), then import again.
          </p>
          <ProblemList problems={problems} />
        </div>
      )}
      <ImportColumnsTable columns={columns} responseCount={plan.responseCount} onChange={change} />
      <div className="import-panel__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={questionCount === 0}
          onClick={() => controls.commit({ columns, title: title.trim() === '' ? plan.title : title, ...(target === '' ? {} : { surveyId: target }) })}
        >
          Import {plan.responseCount.toLocaleString()} responses
        </button>
        <button type="button" className="button" onClick={controls.cancel}>
          Cancel
        </button>
        {questionCount === 0 && <span className="field__problem">Mark at least one column as a question.</span>}
      </div>
    </section>
  );
}

/** Columns that tell respondents apart and link them to people. */
const IDENTIFYING_ROLES: ReadonlySet<SurveyColumnPlan['role']> = new Set(['respondent-key', 'email', 'name']);

function countQuestions(columns: readonly SurveyColumnPlan[]): number {
  const groups = new Set<string>();
  let count = 0;
  for (const column of columns) {
    if (column.role === 'question' || column.role === 'grid-item') count += 1;
    else if (column.role === 'choice-option') groups.add(column.group ?? column.header);
  }
  return count + groups.size;
}

function delimiterName(delimiter: string): string {
  if (delimiter === '\t') return 'tabs';
  if (delimiter === ',') return 'commas';
  if (delimiter === ';') return 'semicolons';
  return `"${delimiter}"`;
}
