import type { LiveSettings, RevealedResults, RosterEntry } from './live-doc-content';

/** An address of the facilitator's machine the workshop server may listen on. */
export interface HostAddress {
  readonly address: string;
  readonly label: string;
  readonly isLoopback: boolean;
}

/** What the projector shows once the server runs. */
export interface LiveSessionInfo {
  readonly url: string;
  readonly joinCode: string;
  readonly workshopId: string;
  readonly isEncrypted: boolean;
}

/** The facilitator's view of the room: settings, roster (connected, voted) and revealed results. */
export interface LiveState extends LiveSessionInfo {
  readonly settings: LiveSettings;
  readonly roster: readonly (RosterEntry & { readonly id: string })[];
  readonly results: RevealedResults;
  /** The board's buckets, in creation order, with how many cards each holds. */
  readonly buckets: readonly { readonly id: string; readonly title: string; readonly cards: number }[];
}

/** The workshop server's own figures: open documents (zero once everyone left) and its process's memory and CPU. */
export interface LiveHealth {
  readonly isRunning: boolean;
  readonly openDocuments: number;
  readonly connections: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
}
