import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';

export interface Toast {
  readonly message: string;
  readonly actionLabel?: string;
  readonly onAction?: () => void;
  /** Something failed: read out at once and marked as a problem. */
  readonly isProblem?: boolean;
}

const ToastContext = createContext<((toast: Toast) => void) | null>(null);

const TOAST_MS = 8000;

/** Shows one short message at a time at the bottom of the window, with an optional action such as Undo. */
export function ToastProvider({ children }: { readonly children: ReactNode }) {
  const [toast, setToast] = useState<(Toast & { readonly key: number }) | null>(null);
  const show = useCallback((next: Toast) => setToast({ ...next, key: Date.now() }), []);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext.Provider value={show}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.key} className={toast.isProblem ? 'toast toast--problem' : 'toast'} role={toast.isProblem ? 'alert' : undefined}>
            <span>{toast.message}</span>
            {toast.actionLabel && toast.onAction && (
              <button
                type="button"
                className="toast__action"
                onClick={() => {
                  setToast(null);
                  toast.onAction?.();
                }}
              >
                {toast.actionLabel}
              </button>
            )}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a toast; outside a provider it does nothing. */
export function useToast(): (toast: Toast) => void {
  return useContext(ToastContext) ?? ignoreToast;
}

function ignoreToast(): undefined {
  return undefined;
}
