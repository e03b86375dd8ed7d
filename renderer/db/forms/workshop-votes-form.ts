import type { Workshop } from '../../../shared/domain/workshop';
import { voteBudgetProblem } from '../../../shared/domain/workshop';
import type { FormStore } from './form-store';
import { UserError } from '../../../shared/errors/user-error';

/** Dots per participant of the workshop of the round whose id is the form's id, as typed. */
export const workshopVotesForm: FormStore<Workshop, string> = {
  kind: 'workshop-votes',
  label: 'the dots per participant',
  read: ({ board }, roundId) => board.getWorkshop(roundId),
  project: (workshop) => (workshop === undefined ? '' : String(workshop.votesPerParticipant)),
  missingMessage: 'This workshop no longer exists.',
  write(repositories, _roundId, value, stored) {
    const votes = Number(value);
    const problem = value.trim() === '' ? 'Type how many dots each participant gets.' : voteBudgetProblem(votes);
    if (problem !== null) throw new UserError(problem);
    if (stored === undefined) throw new UserError('This workshop no longer exists.');
    return repositories.board.updateWorkshop(stored.id, { votesPerParticipant: votes });
  },
  revision: (workshop) => workshop.updatedAt,
  parse: (value) => (typeof value === 'string' ? value : null),
};
