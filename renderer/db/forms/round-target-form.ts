import { targetPercentProblem, type Round } from '../../../shared/domain/round';
import type { FormStore } from './form-store';
import { UserError } from '../../../shared/errors/user-error';

/** The immediate-pain target of a round, as typed (a string, so what is typed is kept even when invalid). */
export const roundTargetForm: FormStore<Round, string> = {
  kind: 'round-target',
  label: 'the immediate-pain target',
  read: ({ rounds }, id) => rounds.get(id),
  project: (round) => (round === undefined ? '' : String(round.immediatePainTargetPercent)),
  missingMessage: 'This round was deleted in another window.',
  write(repositories, id, value) {
    const percent = Number(value);
    const problem = value.trim() === '' ? 'Type the target share, from 0 to 100.' : targetPercentProblem(percent);
    if (problem !== null) throw new UserError(problem);
    return repositories.rounds.setTarget(id, percent);
  },
  revision: (round) => round.updatedAt,
  parse: (value) => (typeof value === 'string' ? value : null),
};
