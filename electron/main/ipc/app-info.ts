import type { App } from 'electron';
import type { AppInfo, IpcHandlers } from '../../../shared/ipc/contract';

export interface AppInfoDeps {
  readonly app: Pick<App, 'getName' | 'getVersion' | 'getPath'>;
  readonly platform: NodeJS.Platform;
  readonly versions: { readonly electron: string; readonly chrome: string };
}

/** The `getAppInfo` verb: names and versions shown in the about and backup screens. */
export function createAppInfoHandler({ app, platform, versions }: AppInfoDeps): IpcHandlers['getAppInfo'] {
  return async () =>
    ({
      name: app.getName(),
      version: app.getVersion(),
      platform,
      electronVersion: versions.electron,
      chromeVersion: versions.chrome,
      userDataPath: app.getPath('userData'),
    }) satisfies AppInfo;
}
