import type { Clock } from '../../../shared/domain/clock';
import type { IdGenerator } from '../../../shared/domain/id-generator';

/** What repositories need besides the database; injected so tests are deterministic. */
export interface RepositoryDependencies {
  readonly clock?: Clock;
  readonly newId?: IdGenerator;
}

export const systemClock: Clock = () => Date.now();

export const randomId: IdGenerator = () => crypto.randomUUID();
