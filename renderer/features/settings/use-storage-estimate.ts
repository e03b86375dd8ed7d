import { useEffect, useState } from 'react';

export interface StorageState {
  readonly isPersistent: boolean | null;
  readonly usageBytes: number | null;
  readonly quotaBytes: number | null;
}

/** How much this origin stores, and whether the browser promised not to evict it. */
export function useStorageEstimate(): StorageState {
  const [state, setState] = useState<StorageState>({ isPersistent: null, usageBytes: null, quotaBytes: null });
  useEffect(() => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.estimate) return;
    let isCurrent = true;
    void Promise.all([storage.persisted?.() ?? Promise.resolve(null), storage.estimate()]).then(([isPersistent, estimate]) => {
      if (isCurrent) setState({ isPersistent, usageBytes: estimate.usage ?? null, quotaBytes: estimate.quota ?? null });
    });
    return () => {
      isCurrent = false;
    };
  }, []);
  return state;
}
