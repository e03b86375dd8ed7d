import { describe, expect, it } from 'vitest';
import { createDesktopApi, type Invoke } from '../../../electron/preload/create-desktop-api';
import { ipcContract, type IpcVerb } from '../../../shared/ipc/contract';

const verbs = Object.keys(ipcContract).filter((key): key is IpcVerb => Object.hasOwn(ipcContract, key));

function setup() {
  const calls: { channel: string; args: unknown[] }[] = [];
  const invoke: Invoke = <T>(channel: string, ...args: unknown[]): Promise<T> => {
    calls.push({ channel, args });
    return Promise.resolve<T>(Object.create(null));
  };
  return { api: createDesktopApi(invoke), calls };
}

describe('createDesktopApi', () => {
  it('exposes exactly the verbs of the contract', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(Object.keys(ipcContract).sort());
  });

  it('exposes only functions, frozen, with no way to reach ipcRenderer', () => {
    const { api } = setup();
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('invoke');
    expect(api).not.toHaveProperty('send');
    expect(api).not.toHaveProperty('on');
    expect(api).not.toHaveProperty('ipcRenderer');
  });

  it.each(verbs)('%s forwards its arguments, and nothing else, to its own channel', async (verb) => {
    const { api, calls } = setup();
    const request = { suggestedName: 'x.csv', bytes: new Uint8Array([1]) };
    const method: unknown = api[verb];
    if (typeof method !== 'function') throw new Error(`${verb} is not a function`);
    await method(request);
    expect(calls).toEqual([{ channel: ipcContract[verb].channel, args: [request] }]);
  });

  it("returns main's result unchanged", async () => {
    const result = { ok: true, value: { path: '/tmp/x.csv' } };
    const api = createDesktopApi(<T>() => Promise.resolve<T>(JSON.parse(JSON.stringify(result))));
    await expect(api.saveFile({ suggestedName: 'x.csv', bytes: new Uint8Array() })).resolves.toEqual(result);
  });
});
