import { UserError } from '../../shared/errors/user-error';
import type { HostAddress, LiveSessionInfo, LiveState } from '../../shared/live-workshop/live-host-types';
import type { DesktopApi } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import type { LiveCommand, LiveOutcome, LiveWorkshopInput } from '../../shared/live-workshop/live-workshop-input';

/** A problem with the live workshop, in words for the facilitator. */
export class LiveWorkshopProblem extends UserError {}

/** The facilitator's controls of the live workshop server, which this machine runs. */
export interface LiveWorkshopHost {
  addresses(): Promise<readonly HostAddress[]>;
  start(host: string, port: number, input: LiveWorkshopInput): Promise<LiveSessionInfo>;
  state(): Promise<LiveState | null>;
  command(command: LiveCommand): Promise<void>;
  end(): Promise<LiveOutcome>;
}

const UNREACHABLE = 'The live workshop server of this app is not running. Start the app with `npm start` and open the address it prints.';

/** Browser mode: the process serving the app on 127.0.0.1 hosts the server; its admin API needs the secret only this origin can read. */
export function createBrowserLiveWorkshopHost(base = '/api/live/'): LiveWorkshopHost {
  let secret: Promise<string> | null = null;
  const session = () => {
    secret ??= fetch(`${base}session`, { cache: 'no-store' }).then(async (response) => {
      if (!response.ok) throw new LiveWorkshopProblem(UNREACHABLE);
      const body = (await response.json()) as { secret?: unknown };
      if (typeof body.secret !== 'string') throw new LiveWorkshopProblem(UNREACHABLE);
      return body.secret;
    });
    secret.catch(() => {
      secret = null;
    });
    return secret;
  };
  async function call<T>(action: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${action}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'X-Live-Admin': await session(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        cache: 'no-store',
      });
    } catch (caught) {
      throw caught instanceof LiveWorkshopProblem ? caught : new LiveWorkshopProblem(UNREACHABLE);
    }
    const answer = (await response.json().catch(() => ({}))) as { message?: unknown };
    if (!response.ok) throw new LiveWorkshopProblem(typeof answer.message === 'string' ? answer.message : UNREACHABLE);
    return answer as T;
  }
  return {
    addresses: () => call('addresses'),
    start: (host, port, input) => call('start', { host, port, input }),
    state: async () => {
      const state = await call<LiveState | { isRunning: false }>('state');
      return 'workshopId' in state ? state : null;
    },
    command: (command) => call('command', command),
    end: () => call('end', {}),
  };
}

/** Desktop mode: main runs the server as a Node child process; each call is an IPC verb whose error message is already in words for the facilitator. */
export function createDesktopLiveWorkshopHost(desktop: Pick<DesktopApi, 'liveAddresses' | 'liveStart' | 'liveState' | 'liveCommand' | 'liveEnd'>): LiveWorkshopHost {
  const value = async <T>(result: Promise<IpcResult<T>>): Promise<T> => {
    const settled = await result;
    if (!settled.ok) throw new LiveWorkshopProblem(settled.error.code === 'unavailable' || settled.error.code === 'refused' ? settled.error.message : 'The live workshop server hit an error. Try again; if it persists, end the workshop and start it again.');
    return settled.value;
  };
  return {
    addresses: () => value(desktop.liveAddresses()),
    start: (host, port, input) => value(desktop.liveStart({ host, port, input })),
    state: () => value(desktop.liveState()),
    command: async (command) => {
      await value(desktop.liveCommand(command));
    },
    end: () => value(desktop.liveEnd()),
  };
}
