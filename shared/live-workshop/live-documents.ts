/**
 * The documents of a live workshop and who may open them. Each participant's ballot is its own
 * document, so secrecy holds by construction: the server never sends one participant another's.
 */
export const LIVE_PHASES = ['silent-review', 'grouping', 'dot-voting', 'discussion', 'scoring', 'ranking'] as const;
export type LivePhase = (typeof LIVE_PHASES)[number];

export const LIVE_PHASE_LABELS: Readonly<Record<LivePhase, string>> = {
  'silent-review': 'Silent review',
  grouping: 'Grouping',
  'dot-voting': 'Dot voting',
  discussion: 'Discussion',
  scoring: 'Blind scoring',
  ranking: 'Ranking',
};

/** Root maps of each document; anything else written to a document is refused. */
export const CONTROL_ROOTS = ['settings', 'cards', 'roster', 'results'] as const;
export const BOARD_ROOTS = ['buckets', 'placements'] as const;
export const BALLOT_ROOTS = ['dots', 'scores'] as const;

export type LiveDocument =
  | { readonly kind: 'control'; readonly workshopId: string }
  | { readonly kind: 'board'; readonly workshopId: string }
  | { readonly kind: 'ballot'; readonly workshopId: string; readonly participantId: string };

export type LivePrincipal = { readonly kind: 'facilitator'; readonly workshopId: string } | { readonly kind: 'participant'; readonly workshopId: string; readonly participantId: string };

export type DocumentPermission = 'none' | 'read' | 'write';

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** True for ids the server hands out (letters, digits, - and _), so names split unambiguously. */
export function isLiveId(value: string): boolean {
  return ID.test(value);
}

export function controlDocumentName(workshopId: string): string {
  return `control:${workshopId}`;
}

export function boardDocumentName(workshopId: string): string {
  return `board:${workshopId}`;
}

export function ballotDocumentName(workshopId: string, participantId: string): string {
  return `ballot:${workshopId}:${participantId}`;
}

/** The document a name stands for, or null for any name the server does not serve. */
export function parseDocumentName(name: string): LiveDocument | null {
  const parts = name.split(':');
  if (!parts.every(isLiveId)) return null;
  const [kind, workshopId, participantId] = parts;
  if (workshopId === undefined) return null;
  if (parts.length === 2 && (kind === 'control' || kind === 'board')) return { kind, workshopId };
  if (parts.length === 3 && kind === 'ballot' && participantId !== undefined) return { kind, workshopId, participantId };
  return null;
}

/** Root maps a document of this kind may hold. */
export function documentRoots(kind: LiveDocument['kind']): readonly string[] {
  if (kind === 'control') return CONTROL_ROOTS;
  return kind === 'board' ? BOARD_ROOTS : BALLOT_ROOTS;
}

/**
 * What a principal may do with a document: the control document (phase, timer, cards, results)
 * is written by the server alone; the board is shared; a ballot belongs to its participant only
 * (not even the facilitator reads it). After the end everything is read-only.
 */
export function documentPermission(principal: LivePrincipal, document: LiveDocument, isEnded: boolean): DocumentPermission {
  if (principal.workshopId !== document.workshopId) return 'none';
  if (document.kind === 'ballot') {
    if (principal.kind !== 'participant' || principal.participantId !== document.participantId) return 'none';
    return isEnded ? 'read' : 'write';
  }
  if (document.kind === 'control') return 'read';
  return isEnded ? 'read' : 'write';
}
