import { useLayoutEffect, useRef, useState } from 'react';
import type { PlanQuestion } from '../../../../shared/domain/survey-plan';
import type { SurveyPlanProblem } from '../../../../shared/surveys/survey-plan-checks';
import { useUndo } from '../../../components/undo-service';
import { UserError } from '../../../../shared/errors/user-error';
import { PlanQuestionItem } from './plan-question-item';
import { moveItem, newQuestion } from './survey-plan-draft';

interface PlanQuestionsProps {
  readonly questions: readonly PlanQuestion[];
  readonly problems: readonly SurveyPlanProblem[];
  readonly onChange: (questions: readonly PlanQuestion[]) => void;
}

/** The draft questions: add, edit, reorder (buttons or Alt+Arrow keys) and remove with undo. */
export function PlanQuestions({ questions, problems, onChange }: PlanQuestionsProps) {
  const undoService = useUndo();
  const [addedId, setAddedId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Reordering moves DOM nodes, which can drop focus: the control that had it gets it back.
  const focusAfterMove = useRef<HTMLElement | null>(null);
  const latest = useRef(questions);
  useLayoutEffect(() => {
    latest.current = questions;
    const element = focusAfterMove.current;
    focusAfterMove.current = null;
    if (element && document.activeElement !== element) element.focus();
  }, [questions]);

  const add = () => {
    const question = newQuestion();
    setAddedId(question.id);
    onChange([...questions, question]);
  };

  const move = (index: number, delta: number) => {
    const next = moveItem(questions, index, delta);
    if (next === questions) return;
    focusAfterMove.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setAnnouncement(`Question ${index + 1} moved to position ${index + 1 + delta} of ${questions.length}.`);
    onChange(next);
  };

  const remove = (index: number) => {
    const removed = questions[index];
    if (removed === undefined) return;
    onChange(questions.filter((_, position) => position !== index));
    undoService.offer({
      label: `Removed question ${index + 1}${removed.text.trim() ? ` “${truncate(removed.text.trim())}”` : ''}`,
      undo: () => {
        const current = latest.current;
        if (current.some((question) => question.id === removed.id)) throw new UserError('That question is already back in the plan.');
        onChange([...current.slice(0, index), removed, ...current.slice(index)]);
      },
    });
  };

  return (
    <section className="panel plan-questions" aria-labelledby="plan-questions-heading">
      <div className="plan-section__head">
        <h2 id="plan-questions-heading">Questions{questions.length > 0 ? ` (${questions.length})` : ''}</h2>
        <p className="muted plan-section__hint">
          Move a question with <kbd>Alt</kbd>+<kbd>↑</kbd> / <kbd>Alt</kbd>+<kbd>↓</kbd> from any of its fields.
        </p>
      </div>
      {questions.length === 0 ? (
        <p className="plan-section__empty muted">
          No questions yet. Start with what the decision needs to know, and prefer scales, numbers and choices you can count.
        </p>
      ) : (
        <ol className="plan-questions__list" aria-label="Questions">
          {questions.map((question, index) => (
            <PlanQuestionItem
              key={question.id}
              question={question}
              index={index}
              count={questions.length}
              isNew={question.id === addedId}
              problems={problems.filter((problem) => problem.questionId === question.id)}
              onChange={(changed) => onChange(questions.map((other) => (other.id === changed.id ? changed : other)))}
              onMove={(delta) => move(index, delta)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <div>
        <button type="button" className="button" onClick={add}>
          Add question
        </button>
      </div>
    </section>
  );
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
