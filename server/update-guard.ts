import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

const SYNC = 0;
const SYNC_REPLY = 4;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** Why a message from a client was refused, in words for the server log. */
export type RefusalReason = 'oversized' | 'undecodable' | 'unknown-root' | 'nested-type' | 'read-only';

export interface MessageCheck {
  readonly isWrite: boolean;
  readonly refusal: RefusalReason | null;
}

/**
 * Checks one message a client sent for a document before Hocuspocus applies it: its size, that
 * a Yjs update decodes, and that it only writes plain values into the document's known root maps.
 * Read-only connections are refused by Hocuspocus itself; they are reported here for the log.
 */
export function checkClientMessage(data: Uint8Array, roots: readonly string[], maxBytes: number, isReadOnly: boolean): MessageCheck {
  if (data.byteLength > maxBytes) return { isWrite: true, refusal: 'oversized' };
  const read = readClientWrite(data);
  if (read.kind === 'undecodable') return { isWrite: false, refusal: 'undecodable' };
  if (read.kind === 'other') return { isWrite: false, refusal: null };
  // A read-only client answers the server's sync with what it already has; Hocuspocus acks that.
  if (isReadOnly && read.step === 'sync-step-2') return { isWrite: false, refusal: null };
  return { isWrite: true, refusal: checkUpdate(read.update, roots, isReadOnly) };
}

/** What a client's message for a document carries: a Yjs update (sync step 2 or an update), something else, or bytes that do not decode. */
export type ClientWrite =
  | { readonly kind: 'write'; readonly step: 'sync-step-2' | 'update'; readonly update: Uint8Array }
  | { readonly kind: 'other' }
  | { readonly kind: 'undecodable' };

/** Reads the Yjs update out of one Hocuspocus message (document name, type, sync step, update) without applying it. */
export function readClientWrite(data: Uint8Array): ClientWrite {
  try {
    const decoder = decoding.createDecoder(data);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== SYNC && type !== SYNC_REPLY) return { kind: 'other' };
    const step = decoding.readVarUint(decoder);
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return { kind: 'other' };
    return { kind: 'write', step: step === SYNC_STEP_2 ? 'sync-step-2' : 'update', update: decoding.readVarUint8Array(decoder) };
  } catch {
    return { kind: 'undecodable' };
  }
}

/** True when `update` decodes as a Yjs update (v1). */
export function isDecodableUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}

function checkUpdate(update: Uint8Array, roots: readonly string[], isReadOnly: boolean): RefusalReason | null {
  let structs: ReturnType<typeof Y.decodeUpdate>['structs'];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return 'undecodable';
  }
  if (isReadOnly) return structs.length > 0 ? 'read-only' : null;
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!(struct.content instanceof Y.ContentAny) && !(struct.content instanceof Y.ContentDeleted)) return 'nested-type';
    if (typeof struct.parent === 'string' && !roots.includes(struct.parent)) return 'unknown-root';
  }
  return null;
}
