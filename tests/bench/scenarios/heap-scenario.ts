import type { BrowserContext, Page } from 'playwright-core';
import type { WorkspaceSize } from '../bench-profile';
import type { FirstLoad } from '../load-app-first-time';
import { measureHeap } from '../measure-heap';
import { heapMetrics } from '../metric-names';
import type { Metrics, Skip } from '../scenario-outcome';
import { INBOX_MISSING } from './startup-scenario';

/** The JS heap of the app (page and workers) with the workspace open, after the inbox and the searches ran. */
export async function heapScenario(context: BrowserContext, page: Page, firstLoad: FirstLoad, size: WorkspaceSize): Promise<Metrics | Skip> {
  if (!firstLoad.features.hasInbox) return { skipped: INBOX_MISSING };
  const usage = await measureHeap(context, page);
  console.log(`    page ${usage.mainMb.toFixed(1)} MB, ${usage.workers} worker(s) ${usage.workersMb.toFixed(1)} MB`);
  const names = heapMetrics(size.label);
  return { [names.total]: usage.mainMb + usage.workersMb, [names.main]: usage.mainMb, [names.workers]: usage.workersMb };
}
