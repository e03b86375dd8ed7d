import { SEARCH_QUERIES } from './search-queries';

export interface WorkspaceSize {
  readonly noteCount: number;
  /** The metric-name suffix: `10k`, `100k`. */
  readonly label: string;
}

/** How big and how thorough a run is: `full` for `npm run bench`, `small` for CI. */
export interface BenchProfile {
  readonly name: 'full' | 'small';
  readonly seed: number;
  readonly workspaces: readonly WorkspaceSize[];
  readonly survey: { readonly responseCount: number; readonly label: string };
  readonly board: { readonly cardCount: number; readonly label: string };
  /** A live workshop: this many participants (Node clients) on a round of this many cards. */
  readonly workshop: { readonly participants: number; readonly cardCount: number; readonly label: string };
  /** The results screen of a survey this wide (questions) with this many responses. */
  readonly surveyResults: { readonly questionCount: number; readonly responseCount: number; readonly label: string };
  /**
   * Team sync: a first full sync of each workspace size (notes with their contacts and highlights)
   * against a restore of the same workspace; edits seen across this many clients on the first size.
   */
  readonly sync: { readonly workspaces: readonly WorkspaceSize[]; readonly clients: number; readonly edits: number };
  /** Backup round trip: notes and survey responses of 20 answers each. */
  readonly roundTrip: { readonly noteCount: number; readonly responseCount: number; readonly label: string };
  readonly queries: readonly string[];
  /** Start-up is the median of this many reloads. */
  readonly startupReloads: number;
  readonly seedBatchSize: number;
  /** How long the Discovery screen gets to show a contract element before the feature counts as absent. */
  readonly featureGraceMs: number;
  /** How long a first build of the search index may take. */
  readonly indexReadyTimeoutMs: number;
  /** Between keystrokes: a quick typist, about 8 characters a second. */
  readonly typingDelayMs: number;
  /** How long the results of a typed query may take before the app counts as stuck. */
  readonly searchResultTimeoutMs: number;
  /** No new query is typed after this long, so a slow search cannot make the run endless. */
  readonly searchBudgetMs: number;
  /** Where results go, relative to the repository root. */
  readonly resultsFile: string;
  readonly metaFile: string;
}

const SEED = 20_260_101;

/** `10k` for 10,000; `1k` for 1,000; the plain number otherwise. */
export function sizeLabel(count: number): string {
  return count >= 1000 && count % 1000 === 0 ? `${count / 1000}k` : String(count);
}

const workspace = (noteCount: number): WorkspaceSize => ({ noteCount, label: sizeLabel(noteCount) });
const syncWorkspace = (noteCount: number): WorkspaceSize => ({ noteCount, label: `${sizeLabel(noteCount)}_notes` });

export const FULL_PROFILE: BenchProfile = {
  name: 'full',
  seed: SEED,
  workspaces: [workspace(10_000), workspace(100_000)],
  survey: { responseCount: 100_000, label: `${sizeLabel(100_000)}_responses` },
  board: { cardCount: 1000, label: '1000_cards' },
  workshop: { participants: 30, cardCount: 1000, label: '30_participants' },
  surveyResults: { questionCount: 2000, responseCount: 200, label: '2000_questions' },
  roundTrip: { noteCount: 100_000, responseCount: 50_000, label: '100k_notes_1m_answers' },
  sync: { workspaces: [syncWorkspace(10_000), syncWorkspace(100_000)], clients: 10, edits: 60 },
  queries: SEARCH_QUERIES,
  startupReloads: 3,
  seedBatchSize: 2000,
  featureGraceMs: 20_000,
  indexReadyTimeoutMs: 10 * 60_000,
  typingDelayMs: 120,
  searchResultTimeoutMs: 3 * 60_000,
  searchBudgetMs: 5 * 60_000,
  resultsFile: 'bench/results.json',
  metaFile: 'bench/meta.json',
};

export const SMALL_PROFILE: BenchProfile = {
  name: 'small',
  seed: SEED,
  workspaces: [workspace(1000)],
  survey: { responseCount: 2000, label: `${sizeLabel(2000)}_responses` },
  board: { cardCount: 100, label: '100_cards' },
  workshop: { participants: 5, cardCount: 100, label: '5_participants' },
  surveyResults: { questionCount: 200, responseCount: 50, label: '200_questions' },
  roundTrip: { noteCount: 1000, responseCount: 500, label: '1k_notes_10k_answers' },
  sync: { workspaces: [syncWorkspace(50)], clients: 10, edits: 20 },
  queries: SEARCH_QUERIES.slice(0, 4),
  startupReloads: 2,
  seedBatchSize: 500,
  featureGraceMs: 8000,
  indexReadyTimeoutMs: 60_000,
  typingDelayMs: 60,
  searchResultTimeoutMs: 60_000,
  searchBudgetMs: 60_000,
  resultsFile: 'bench/results.small.json',
  metaFile: 'bench/.cache/meta.small.json',
};
