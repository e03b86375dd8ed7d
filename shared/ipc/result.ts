/** Why an IPC call failed; the renderer shows `message` and branches on `code`. */
export interface IpcError {
  /** `unavailable`: the feature cannot run on this machine (say what to install); `refused`: the request was understood and declined (the message says why). */
  readonly code: 'invalid-argument' | 'forbidden-sender' | 'too-large' | 'io' | 'internal' | 'unavailable' | 'refused';
  readonly message: string;
}

/** Every IPC result crosses as data, never as a thrown exception. */
export type IpcResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError };

/** Wraps a value as a successful result. */
export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

/** Wraps an error code and message as a failed result. */
export function fail<T = never>(code: IpcError['code'], message: string): IpcResult<T> {
  return { ok: false, error: { code, message } };
}
