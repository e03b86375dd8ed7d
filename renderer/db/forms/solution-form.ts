import type { SolutionChanges } from '../../../shared/domain/apply-validation-changes';
import type { ExistingCapabilityCheck, Solution } from '../../../shared/domain/validation';
import { isRecord, parseStrings, type FormStore } from './form-store';

type CapabilityStatus = ExistingCapabilityCheck['status'];
const CAPABILITY_STATUSES: readonly CapabilityStatus[] = ['not-checked', 'solves-it', 'does-not-solve-it'];

/** What the solution form edits. */
export interface SolutionDraft {
  readonly title: string;
  readonly description: string;
  readonly status: CapabilityStatus;
  readonly capabilityNotes: string;
  readonly noteIds: readonly string[];
}

export function capabilityOf(draft: SolutionDraft): ExistingCapabilityCheck {
  return draft.status === 'not-checked' ? { status: 'not-checked' } : { status: draft.status, notes: draft.capabilityNotes, noteIds: draft.noteIds };
}

function changesOf(draft: SolutionDraft): SolutionChanges {
  return { title: draft.title, description: draft.description, existingCapability: capabilityOf(draft) };
}

export const solutionForm: FormStore<Solution, SolutionDraft> = {
  kind: 'solution',
  label: 'this solution',
  read: ({ validation }, id) => validation.getSolution(id),
  project(solution) {
    const check = solution?.existingCapability ?? { status: 'not-checked' };
    return {
      title: solution?.title ?? '',
      description: solution?.description ?? '',
      status: check.status,
      capabilityNotes: check.status === 'not-checked' ? '' : check.notes,
      noteIds: check.status === 'not-checked' ? [] : check.noteIds,
    };
  },
  missingMessage: 'This solution was deleted in another window; copy any text you want to keep.',
  write: ({ validation }, id, value) => validation.updateSolution(id, changesOf(value)),
  revision: (solution) => solution.updatedAt,
  parse(value) {
    const strings = parseStrings(value, ['title', 'description', 'status', 'capabilityNotes']);
    if (strings === null || !isRecord(value)) return null;
    const status = CAPABILITY_STATUSES.find((candidate) => candidate === strings.status);
    const noteIds = value.noteIds;
    if (status === undefined || !Array.isArray(noteIds) || !noteIds.every((noteId) => typeof noteId === 'string')) return null;
    return { title: strings.title, description: strings.description, status, capabilityNotes: strings.capabilityNotes, noteIds: noteIds as readonly string[] };
  },
};
