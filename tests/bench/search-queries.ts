/**
 * What people type into the search box, typos included (marked), drawn from the words of the
 * generated workspaces: together more than 200 keystrokes.
 */
export const SEARCH_QUERIES: readonly string[] = [
  'kubernets upgrade', // typo
  'flaky tests',
  'postgres failover',
  'obserability', // typo
  'terraform drift',
  'on-call rota',
  'latency p99',
  'build cache',
  'secrets rotaton', // typo
  'cost dashbord', // typo
  'deploy freeze',
  'grafana alerts',
  'kafka lag',
  'self-service onboarding',
  'priya',
  'artifact registry',
];

/** Queries for the naive baseline: each query, and its first half as typed so far. */
export function naiveBaselineQueries(queries: readonly string[]): string[] {
  return [...new Set(queries.flatMap((query) => [query.slice(0, Math.max(3, Math.ceil(query.length / 2))).trim(), query]))];
}
