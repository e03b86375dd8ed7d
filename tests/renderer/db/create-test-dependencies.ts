import type { Clock } from '../../../shared/domain/clock';
import type { IdGenerator } from '../../../shared/domain/id-generator';

/** A clock that ticks one second per call, and ids that sort in creation order. */
export function createTestDependencies(start = Date.UTC(2025, 0, 1)): { clock: Clock; newId: IdGenerator } {
  let now = start - 1000;
  let idCount = 0;
  return {
    clock: () => (now += 1000),
    newId: () => `id-${String((idCount += 1)).padStart(6, '0')}`,
  };
}
