import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';

/** Marks the server's own writes, so hooks can tell them from a client's. */
export const SERVER_ORIGIN = { context: { isServer: true } } as const;

/**
 * Runs `change` on a document inside one transaction: on the loaded copy when clients have it
 * open, otherwise through a direct connection that loads it from the store and closes again, so
 * the server keeps no document open that nobody uses.
 */
export async function withDocument<T>(hocuspocus: Hocuspocus, name: string, change: (doc: Y.Doc) => T): Promise<T> {
  const loaded = hocuspocus.documents.get(name);
  if (loaded !== undefined) return transactIn(loaded, change);
  const connection = await hocuspocus.openDirectConnection(name, SERVER_ORIGIN.context);
  try {
    let result: T | undefined;
    let hasResult = false;
    await connection.transact((doc) => {
      result = transactIn(doc, change);
      hasResult = true;
    });
    if (!hasResult) throw new Error(`The document ${name} could not be opened.`);
    return result as T;
  } finally {
    await connection.disconnect();
  }
}

function transactIn<T>(doc: Y.Doc, change: (doc: Y.Doc) => T): T {
  let result: T | undefined;
  doc.transact(() => {
    result = change(doc);
  }, SERVER_ORIGIN);
  return result as T;
}
