import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../shared/ipc/contract';
import { usePlatform } from '../../platform';
import { userMessage } from '../../errors/user-message';

export type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'error'; message: string };

export function useAppInfo(): AppInfoState {
  const platform = usePlatform();
  const [state, setState] = useState<AppInfoState>({ status: 'loading' });
  useEffect(() => {
    let isCurrent = true;
    platform.getAppInfo().then(
      (result) => {
        if (!isCurrent) return;
        setState(result.ok ? { status: 'ready', info: result.value } : { status: 'error', message: result.error.message });
      },
      (error: unknown) => isCurrent && setState({ status: 'error', message: userMessage(error, 'reading the app details') }),
    );
    return () => {
      isCurrent = false;
    };
  }, [platform]);
  return state;
}
