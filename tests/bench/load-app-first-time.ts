import type { Page } from 'playwright-core';
import { discoveryUrl, INBOX_READY_MARK, probeFeatures, waitForMark, waitForSearchIndex, type AppFeatures, type SearchIndexReady } from './app-session';
import type { BenchProfile } from './bench-profile';

export type Settled<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** The app's first load after seeding: what it provides, and how long its cold start took. */
export interface FirstLoad {
  readonly features: AppFeatures;
  /** Navigation start to the inbox-ready mark; absent without the inbox. */
  readonly inboxReady?: Settled<number>;
  /** The index built from scratch (nothing persisted yet); absent without search. */
  readonly indexBuilt?: Settled<SearchIndexReady>;
}

async function settle<T>(promise: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

/** The value of a settled measurement, or its error thrown again for the scenario that reports it. */
export function unwrap<T>(settled: Settled<T>): T {
  if (settled.ok) return settled.value;
  throw settled.error;
}

export async function loadAppFirstTime(page: Page, appUrl: string, profile: BenchProfile): Promise<FirstLoad> {
  await page.goto(discoveryUrl(appUrl));
  const features = await probeFeatures(page, profile.featureGraceMs);
  console.log(`    contracts present: inbox ${features.hasInbox ? 'yes' : 'no'}, search ${features.hasSearch ? 'yes' : 'no'}`);
  const [inboxReady, indexBuilt] = await Promise.all([
    features.hasInbox ? settle(waitForMark(page, INBOX_READY_MARK, 120_000, 'The Notes list is there, but the inbox never said it was ready')) : undefined,
    features.hasSearch ? settle(waitForSearchIndex(page, profile.indexReadyTimeoutMs)) : undefined,
  ]);
  // Lets the app finish what follows readiness (persisting the index) before anything reloads it.
  await page.waitForTimeout(1000);
  return { features, ...(inboxReady === undefined ? {} : { inboxReady }), ...(indexBuilt === undefined ? {} : { indexBuilt }) };
}
