import { useId, useState, type KeyboardEvent } from 'react';
import { isChoiceQuestionType, PLAN_QUESTION_TYPES, type PlanQuestion, type PlanQuestionType } from '../../../../shared/domain/survey-plan';
import type { SurveyPlanProblem } from '../../../../shared/surveys/survey-plan-checks';
import { QUESTION_TYPE_LABELS, withQuestionType } from './survey-plan-draft';

interface PlanQuestionItemProps {
  readonly question: PlanQuestion;
  readonly index: number;
  readonly count: number;
  readonly isNew: boolean;
  readonly problems: readonly SurveyPlanProblem[];
  readonly onChange: (question: PlanQuestion) => void;
  readonly onMove: (delta: number) => void;
  readonly onRemove: () => void;
}

/** One draft question: its text, type, options or scale, and the problems the checks found in it. */
export function PlanQuestionItem({ question, index, count, isNew, problems, onChange, onMove, onRemove }: PlanQuestionItemProps) {
  const id = useId();
  const number = index + 1;
  // The options box keeps its own text (blank lines while typing); the question keeps the clean list.
  const [optionsText, setOptionsText] = useState(() => (question.options ?? []).join('\n'));

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      onMove(event.key === 'ArrowUp' ? -1 : 1);
    }
  };

  const problemsId = `${id}-problems`;
  return (
    <li className="plan-question" onKeyDown={onKeyDown} data-question-id={question.id}>
      <div className="plan-question__head">
        <label className="plan-question__number" htmlFor={`${id}-text`}>
          Question {number}
        </label>
        <select
          className="plan-question__type"
          aria-label={`Question ${number} type`}
          value={question.type}
          onChange={(event) => onChange(withQuestionType(question, readType(event.target.value)))}
        >
          {PLAN_QUESTION_TYPES.map((type) => (
            <option key={type} value={type}>
              {QUESTION_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
        <div className="plan-question__tools">
          <button type="button" className="button button--small button--quiet" aria-label={`Move question ${number} up`} aria-keyshortcuts="Alt+ArrowUp" disabled={index === 0} onClick={() => onMove(-1)}>
            ↑ Up
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            aria-label={`Move question ${number} down`}
            aria-keyshortcuts="Alt+ArrowDown"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓ Down
          </button>
          <button type="button" className="button button--small button--quiet" aria-label={`Remove question ${number}`} onClick={onRemove}>
            Remove
          </button>
        </div>
      </div>
      <textarea
        id={`${id}-text`}
        className="plan-question__text"
        rows={2}
        value={question.text}
        placeholder="Ask one thing, in words your respondents use"
        autoFocus={isNew}
        aria-describedby={problems.length > 0 ? problemsId : undefined}
        aria-invalid={problems.some((problem) => problem.severity === 'blocking') || undefined}
        onChange={(event) => onChange({ ...question, text: event.target.value })}
      />
      {isChoiceQuestionType(question.type) && (
        <label className="field">
          <span className="field__label">Options, one per line</span>
          <textarea
            rows={Math.min(8, Math.max(3, optionsText.split('\n').length))}
            aria-label={`Question ${number} options, one per line`}
            value={optionsText}
            onChange={(event) => {
              setOptionsText(event.target.value);
              onChange({ ...question, options: readOptions(event.target.value) });
            }}
          />
        </label>
      )}
      {question.type === 'scale' && (
        <div className="plan-question__scale">
          <ScaleBound label={`Question ${number} lowest point`} shortLabel="From" value={question.scale?.min ?? 1} onCommit={(min) => onChange({ ...question, scale: { min, max: question.scale?.max ?? 5 } })} />
          <ScaleBound label={`Question ${number} highest point`} shortLabel="to" value={question.scale?.max ?? 5} onCommit={(max) => onChange({ ...question, scale: { min: question.scale?.min ?? 1, max } })} />
        </div>
      )}
      {problems.length > 0 && (
        <ul className="plan-question__problems" id={problemsId}>
          {problems.map((problem) => (
            <li key={problem.code} className={`plan-problem plan-problem--${problem.severity}`}>
              {problem.severity === 'hint' ? 'Hint: ' : ''}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

interface ScaleBoundProps {
  readonly label: string;
  readonly shortLabel: string;
  readonly value: number;
  readonly onCommit: (value: number) => void;
}

/** A number box that keeps what is typed (even an empty box) and passes on only whole numbers. */
function ScaleBound({ label, shortLabel, value, onCommit }: ScaleBoundProps) {
  const [text, setText] = useState(String(value));
  return (
    <label className="plan-question__bound">
      <span aria-hidden="true">{shortLabel}</span>
      <input
        type="number"
        step={1}
        inputMode="numeric"
        aria-label={label}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          const next = Number(event.target.value);
          if (event.target.value.trim() !== '' && Number.isInteger(next)) onCommit(next);
        }}
      />
    </label>
  );
}

function readType(value: string): PlanQuestionType {
  return PLAN_QUESTION_TYPES.find((type) => type === value) ?? 'free-text';
}

function readOptions(text: string): string[] {
  return text
    .split('\n')
    .map((option) => option.trim())
    .filter((option) => option !== '');
}
