import { useId } from 'react';
import type { SurveyImportPreview } from '../../surveys';

type Match = SurveyImportPreview['matches'][number];

/** Responses of the file a stored survey already holds, unchanged or changed. */
const heldBy = (match: Match): number => (match.responses === undefined ? 0 : match.responses.unchanged + match.responses.changed);

/**
 * The survey a file goes to by default: the best stored match when it shares most questions or
 * already holds at least half the file's responses (an earlier import of this file), else a new survey.
 */
export function defaultTarget(matches: readonly Match[], responseCount: number): string {
  const best = matches[0];
  if (best === undefined) return '';
  return best.overlap >= 0.8 || heldBy(best) * 2 >= responseCount ? best.surveyId : '';
}

function describeMatch(match: Match): string {
  const stored = `${match.responseCount.toLocaleString()} responses stored`;
  if (match.responses === undefined) return `${match.title}: a newer export (${stored}, ${Math.round(match.overlap * 100)}% same questions)`;
  const { added, unchanged, changed } = match.responses;
  return `${match.title} (${stored}): ${added.toLocaleString()} new, ${unchanged.toLocaleString()} unchanged, ${changed.toLocaleString()} changed`;
}

interface ImportTargetProps {
  readonly matches: readonly Match[];
  readonly responseCount: number;
  readonly target: string;
  readonly onTarget: (surveyId: string) => void;
  readonly title: string;
  readonly onTitle: (title: string) => void;
}

/**
 * Where the responses go: a stored survey this file is a (newer) export of, offered with how many
 * responses are new, unchanged and changed, or a new survey with its title. Choosing a new survey
 * while a stored one holds some of these responses says that they would be stored twice.
 */
export function ImportTarget({ matches, responseCount, target, onTarget, title, onTitle }: ImportTargetProps) {
  const titleId = useId();
  const chosen = matches.find((match) => match.surveyId === target);
  const duplicated = target === '' ? matches.find((match) => heldBy(match) > 0) : undefined;
  return (
    <>
      <div className="import-panel__target">
        <label className="field">
          <span className="field__label">Add the responses to</span>
          <select value={target} onChange={(event) => onTarget(event.target.value)}>
            <option value="">A new survey</option>
            {matches.map((match) => (
              <option key={match.surveyId} value={match.surveyId}>
                {describeMatch(match)}
              </option>
            ))}
          </select>
        </label>
        {target === '' && (
          <div className="field">
            <label className="field__label" htmlFor={titleId}>
              Survey title
            </label>
            <input id={titleId} value={title} onChange={(event) => onTitle(event.target.value)} />
          </div>
        )}
      </div>
      {chosen !== undefined && (
        <p className="muted" data-testid="import-target-counts">
          {chosen.responses === undefined
            ? 'Only respondents not already stored are added; changed answers are updated.'
            : `${chosen.responses.added.toLocaleString()} new ${chosen.responses.added === 1 ? 'response is' : 'responses are'} added, ${chosen.responses.changed.toLocaleString()} changed ${chosen.responses.changed === 1 ? 'is' : 'are'} updated and ${chosen.responses.unchanged.toLocaleString()} unchanged ${chosen.responses.unchanged === 1 ? 'is' : 'are'} left as they are.`}
        </p>
      )}
      {duplicated !== undefined && (
        <div className="notice notice--warning" role="status" aria-label="Already imported">
          <strong>
            {heldBy(duplicated).toLocaleString()} of these {responseCount.toLocaleString()} responses are already stored in {duplicated.title}.
          </strong>{' '}
          Importing them as a new survey stores them, and the notes made from their free-text answers, twice. Choose {duplicated.title} above to add only what is new.
        </div>
      )}
    </>
  );
}
