import { EXPERIMENT_OUTCOMES, type ExistingCapabilityCheck, type Experiment, type ExperimentOutcome, type ExperimentResult, type Solution } from './validation';
import { isSafeEntityId } from '../rich-text/citation-node';
import { UserError } from '../errors/user-error';

const MAX_TITLE_LENGTH = 300;
const MAX_TEXT_LENGTH = 20_000;
const MAX_LINKED_NOTES = 100;

/** Thrown when a write would change kill criteria that were locked, or record a result before the lock. */
export class KillCriteriaLockError extends UserError {
  override readonly name = 'KillCriteriaLockError';
}

export interface SolutionChanges {
  readonly title?: string;
  readonly description?: string;
  readonly existingCapability?: ExistingCapabilityCheck;
}

export interface ExperimentChanges {
  readonly hypothesis?: string;
  readonly howItCouldFail?: string;
  readonly killCriteria?: string;
}

export interface NewExperimentResult {
  readonly outcome: ExperimentOutcome;
  readonly concludedOn: string;
  readonly evidence: string;
}

/** A new candidate solution for a bucket, not yet checked against existing capabilities. */
export function createSolution(id: string, bucketId: string, title: string, now: number): Solution {
  return {
    id,
    bucketId,
    title: readTitle(title),
    description: '',
    existingCapability: { status: 'not-checked' },
    createdAt: now,
    updatedAt: now,
  };
}

/** The solution with `changes` applied, checked field by field (UserError says what is wrong). */
export function applySolutionChanges(existing: Solution, changes: SolutionChanges, now: number): Solution {
  return {
    ...existing,
    title: changes.title === undefined ? existing.title : readTitle(changes.title),
    description: changes.description === undefined ? existing.description : readText(changes.description, 'The description'),
    existingCapability: changes.existingCapability === undefined ? existing.existingCapability : readCapabilityCheck(changes.existingCapability),
    updatedAt: now,
  };
}

/** A new experiment with empty fields and unlocked kill criteria. */
export function createExperiment(id: string, solutionId: string, now: number): Experiment {
  return { id, solutionId, hypothesis: '', howItCouldFail: '', killCriteria: '', createdAt: now, updatedAt: now };
}

/**
 * The experiment with `changes` applied. Once the kill criteria are locked, a change to them is
 * refused with KillCriteriaLockError (the same text again is not a change).
 */
export function applyExperimentChanges(existing: Experiment, changes: ExperimentChanges, now: number): Experiment {
  const killCriteria = changes.killCriteria === undefined ? existing.killCriteria : readText(changes.killCriteria, 'The kill criteria');
  if (existing.killCriteriaLockedAt !== undefined && killCriteria !== existing.killCriteria) {
    throw new KillCriteriaLockError('The kill criteria were locked before any result; they can no longer change.');
  }
  return {
    ...existing,
    hypothesis: changes.hypothesis === undefined ? existing.hypothesis : readText(changes.hypothesis, 'The hypothesis'),
    howItCouldFail: changes.howItCouldFail === undefined ? existing.howItCouldFail : readText(changes.howItCouldFail, 'How it could fail'),
    killCriteria,
    updatedAt: now,
  };
}

/** Locks the kill criteria; they must be written first. Locking twice keeps the first time. */
export function lockKillCriteria(existing: Experiment, now: number): Experiment {
  if (existing.killCriteriaLockedAt !== undefined) return existing;
  if (existing.killCriteria.trim() === '') throw new UserError('Write the kill criteria before locking them.');
  return { ...existing, killCriteriaLockedAt: now, updatedAt: now };
}

/**
 * Records the experiment's result. Refused (KillCriteriaLockError) while the kill criteria are
 * unlocked, so no result can be entered against criteria that could still move.
 */
export function recordExperimentResult(existing: Experiment, result: NewExperimentResult, now: number): Experiment {
  if (existing.killCriteriaLockedAt === undefined) throw new KillCriteriaLockError('Lock the kill criteria before entering a result.');
  if (!EXPERIMENT_OUTCOMES.includes(result.outcome)) throw new UserError('The outcome must be survived, killed or inconclusive.');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(result.concludedOn) || Number.isNaN(Date.parse(`${result.concludedOn}T00:00:00Z`))) {
    throw new UserError('The date must be a day (YYYY-MM-DD).');
  }
  const evidence = readText(result.evidence, 'The evidence').trim();
  if (evidence === '') throw new UserError('Say what evidence the result rests on.');
  const recorded: ExperimentResult = { recordedAt: now, concludedOn: result.concludedOn, outcome: result.outcome, evidence };
  return { ...existing, result: recorded, updatedAt: now };
}

/** Removes a result entered by mistake; the kill criteria stay locked. */
export function clearExperimentResult(existing: Experiment, now: number): Experiment {
  const { result: _removed, ...rest } = existing;
  return { ...rest, updatedAt: now };
}

function readTitle(title: string): string {
  if (typeof title !== 'string') throw new UserError('The title must be text.');
  const trimmed = title.replace(/\s+/g, ' ').trim();
  if (trimmed.length > MAX_TITLE_LENGTH) throw new UserError(`The title is longer than ${MAX_TITLE_LENGTH} characters.`);
  return trimmed;
}

function readText(text: string, what: string): string {
  if (typeof text !== 'string') throw new UserError(`${what} must be text.`);
  if (text.length > MAX_TEXT_LENGTH) throw new UserError(`${what} is longer than ${MAX_TEXT_LENGTH} characters.`);
  return text;
}

function readCapabilityCheck(check: ExistingCapabilityCheck): ExistingCapabilityCheck {
  if (check.status === 'not-checked') return { status: 'not-checked' };
  if (check.status !== 'solves-it' && check.status !== 'does-not-solve-it') throw new UserError('The existing-capability answer is not one the app knows.');
  const noteIds = [...new Set(check.noteIds)];
  if (noteIds.length > MAX_LINKED_NOTES) throw new UserError(`At most ${MAX_LINKED_NOTES} notes can be linked.`);
  if (!noteIds.every(isSafeEntityId)) throw new UserError('A linked note id is not valid.');
  return { status: check.status, notes: readText(check.notes, 'The capability notes'), noteIds };
}
