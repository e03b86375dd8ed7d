import type { Page } from 'playwright-core';
import { INBOX_READY_MARK, maxLongTask, reloadDiscovery, waitForMark, waitForSearchIndex } from '../app-session';
import type { BenchProfile, WorkspaceSize } from '../bench-profile';
import { unwrap, type FirstLoad } from '../load-app-first-time';
import { startupMetrics } from '../metric-names';
import { percentile } from '../percentile';
import type { Metrics, Skip } from '../scenario-outcome';

export const INBOX_MISSING = 'feature not present: no list named "Notes" on /#/discovery (inbox contract)';

/** Reloads the app with the workspace stored: navigation start to `discovery:inbox-ready`, median of several reloads. */
export async function startupScenario(page: Page, appUrl: string, firstLoad: FirstLoad, profile: BenchProfile, size: WorkspaceSize): Promise<Metrics | Skip> {
  if (!firstLoad.features.hasInbox || firstLoad.inboxReady === undefined) return { skipped: INBOX_MISSING };
  const firstLoadMs = unwrap(firstLoad.inboxReady);
  const samples: number[] = [];
  let maxTask = 0;
  for (let reload = 0; reload < profile.startupReloads; reload += 1) {
    await reloadDiscovery(page, appUrl);
    const readyAt = await waitForMark(page, INBOX_READY_MARK, 120_000, 'The inbox never said it was ready after a reload');
    samples.push(readyAt);
    maxTask = Math.max(maxTask, await maxLongTask(page, 0, readyAt));
    // The next reload should not cut the search worker short; the search scenario reports its own failures.
    if (firstLoad.features.hasSearch) await waitForSearchIndex(page, profile.indexReadyTimeoutMs).catch(() => undefined);
  }
  console.log(`    inbox ready after ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms (first load after seeding ${firstLoadMs.toFixed(0)} ms)`);
  const names = startupMetrics(size.label);
  return { [names.interactive]: percentile(samples, 50), [names.firstLoad]: firstLoadMs, [names.maxTask]: maxTask };
}
