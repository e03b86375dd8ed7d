import type { z } from 'zod';
import { ipcContract, type IpcArgs, type IpcHandlers, type IpcValues, type IpcVerb } from '../../../shared/ipc/contract';
import { fail, ok, type IpcResult } from '../../../shared/ipc/result';
import { isAppUrl } from '../security';
import { IpcHandlerError } from './ipc-handler-error';

/** The parts of an `IpcMainInvokeEvent` the sender check reads. */
export interface IpcSenderEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

export type IsTrustedSender = (event: IpcSenderEvent) => boolean;

/** The part of `ipcMain` used here; Electron's own `ipcMain` fits it. */
export interface IpcMainHandle {
  handle(channel: string, listener: (event: IpcSenderEvent, ...args: unknown[]) => Promise<IpcResult<unknown>>): void;
}

/**
 * A sender is trusted when its frame is still alive, shows the app origin, and belongs to one
 * of the app's own webContents (not a devtools page or some other guest).
 */
export function trustedSender(getAppWebContentsIds: () => Iterable<number>): IsTrustedSender {
  return (event) => {
    try {
      const frame = event.senderFrame;
      if (frame === null || !isAppUrl(frame.url)) return false;
      return [...getAppWebContentsIds()].includes(event.sender.id);
    } catch {
      // A destroyed frame or webContents can throw on access: treat it as untrusted.
      return false;
    }
  };
}

function describeIssues(verb: IpcVerb, error: z.ZodError, argumentCount: number): string {
  const problems = error.issues.slice(0, 3).map((issue) => {
    const [index, ...field] = issue.path;
    if (typeof index !== 'number') return `wrong number of arguments (${argumentCount} given)`;
    const where = field.length === 0 ? `argument ${index + 1}` : `argument ${index + 1}, ${field.map(String).join('.')}`;
    return `${where}: ${issue.message}`;
  });
  return `Invalid arguments for ${verb}: ${problems.join('; ')}`;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function failureFor<T>(verb: IpcVerb, error: unknown): IpcResult<T> {
  if (error instanceof IpcHandlerError) return fail(error.code, error.message);
  const message = error instanceof Error ? error.message : String(error);
  // System errors carry an errno code such as ENOENT or ENOSPC (Node's own bugs use ERR_*).
  if (/^E[A-Z]+$/.test(errorCode(error) ?? '')) return fail('io', `${verb} failed: ${message}`);
  return fail('internal', `${verb} failed unexpectedly: ${message}`);
}

// Seen through this mapped type, `contract[verb].args` keeps its link to `IpcArgs<V>` for a generic verb.
const contract: { readonly [V in IpcVerb]: { readonly channel: string; readonly args: z.ZodType<IpcArgs<V>> } } = ipcContract;

function isIpcVerb(key: string): key is IpcVerb {
  return Object.hasOwn(ipcContract, key);
}

async function invokeVerb<V extends IpcVerb>(
  verb: V,
  handler: (...args: IpcArgs<V>) => Promise<IpcValues[V]>,
  isTrustedSender: IsTrustedSender,
  event: IpcSenderEvent,
  rawArgs: unknown[],
): Promise<IpcResult<IpcValues[V]>> {
  if (!isTrustedSender(event)) return fail('forbidden-sender', `${verb} refused: the request did not come from the app's own window.`);
  const parsed = contract[verb].args.safeParse(rawArgs);
  if (!parsed.success) return fail('invalid-argument', describeIssues(verb, parsed.error, rawArgs.length));
  try {
    return ok(await handler(...parsed.data));
  } catch (error) {
    return failureFor(verb, error);
  }
}

/**
 * Registers one `ipcMain.handle` per verb of the contract. Each checks the sender, parses the
 * arguments from `unknown`, and always resolves to an `IpcResult`, never a thrown exception.
 */
export function registerIpcHandlers(ipcMain: IpcMainHandle, handlers: IpcHandlers, isTrustedSender: IsTrustedSender): void {
  const register = <V extends IpcVerb>(verb: V): void => {
    const handler: (...args: IpcArgs<V>) => Promise<IpcValues[V]> = handlers[verb];
    ipcMain.handle(contract[verb].channel, (event, ...rawArgs) => invokeVerb(verb, handler, isTrustedSender, event, rawArgs));
  };
  for (const verb of Object.keys(ipcContract).filter(isIpcVerb)) register(verb);
}
