import type { IpcError } from '../../../shared/ipc/result';

/** An error a handler throws on purpose; its code and message cross to the renderer unchanged. */
export class IpcHandlerError extends Error {
  readonly code: IpcError['code'];

  constructor(code: IpcError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IpcHandlerError';
    this.code = code;
  }
}
