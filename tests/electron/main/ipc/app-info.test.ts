import { describe, expect, it, vi } from 'vitest';
import { createAppInfoHandler } from '../../../../electron/main/ipc/app-info';

describe('createAppInfoHandler', () => {
  it('reports the app, versions and user data folder', async () => {
    const app = {
      getName: () => 'Discovery Desk',
      getVersion: () => '0.1.0',
      getPath: vi.fn(() => '/home/u/.config/Discovery Desk'),
    };
    const getAppInfo = createAppInfoHandler({ app, platform: 'linux', versions: { electron: '41.7.1', chrome: '140.0.0.0' } });
    await expect(getAppInfo()).resolves.toEqual({
      name: 'Discovery Desk',
      version: '0.1.0',
      platform: 'linux',
      electronVersion: '41.7.1',
      chromeVersion: '140.0.0.0',
      userDataPath: '/home/u/.config/Discovery Desk',
    });
    expect(app.getPath).toHaveBeenCalledWith('userData');
  });
});
