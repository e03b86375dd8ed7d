/** A team document's key inside its workspace (the client decides the layout: `table/notes/3`, `note/<id>`…). */
export const TEAM_DOCUMENT_KEY = /^[a-z0-9][a-z0-9:_./-]{0,200}$/;

const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface TeamDocumentName {
  readonly workspaceId: string;
  readonly key: string;
}

/** The name of a team document: `ws/<workspaceId>/<key>`. */
export function teamDocumentName(workspaceId: string, key: string): string {
  return `ws/${workspaceId}/${key}`;
}

/** Reads `ws/<workspaceId>/<key>`; null for anything else. */
export function parseTeamDocumentName(name: string): TeamDocumentName | null {
  if (!name.startsWith('ws/')) return null;
  const slash = name.indexOf('/', 3);
  if (slash < 0) return null;
  const workspaceId = name.slice(3, slash);
  const key = name.slice(slash + 1);
  if (!WORKSPACE_ID.test(workspaceId) || !TEAM_DOCUMENT_KEY.test(key)) return null;
  return { workspaceId, key };
}
