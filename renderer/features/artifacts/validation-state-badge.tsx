import { VALIDATION_STATES, type ValidationState } from '../../../shared/domain/solution-validation-state';

const TONE: Readonly<Record<ValidationState, string>> = {
  'not-checked': 'badge--warning',
  'existing-capability': 'badge--ok',
  untested: 'badge--neutral',
  'under-test': 'badge--neutral',
  survived: 'badge--ok',
  killed: 'badge--danger',
  inconclusive: 'badge--warning',
};

/** The words for a validation state. */
export function validationStateLabel(state: ValidationState): string {
  return VALIDATION_STATES.find((entry) => entry.id === state)?.label ?? state;
}

/** A solution's validation state as a badge. */
export function ValidationStateBadge({ state }: { readonly state: ValidationState }) {
  return <span className={`badge ${TONE[state]}`}>{validationStateLabel(state)}</span>;
}
