/**
 * Version 6: the team workspace's documents (issue 18). `syncDocs` holds one row per Yjs document
 * of the team (key: the document's name in the workspace, such as `table/notes/3`); y-dexie keeps
 * each document's updates in its own table (`$syncDocs.doc_updates`) and compacts them. Both are
 * this device's copy of the team's state: never exported to a workspace file, kept by a restore.
 * No upgrade step: nothing older moves into them.
 */
export const schemaV6 = {
  syncDocs: 'key, doc: Y.Doc',
} as const satisfies Readonly<Record<string, string>>;
