import { useState } from 'react';
import { RouterProvider } from 'react-router';
import type { OpenDatabaseResult } from '../db';
import { ToastProvider } from '../components/toast';
import { PlatformProvider, type Platform } from '../platform';
import { SearchProvider } from '../search';
import { DatabaseGate } from './database-gate';
import { ErrorBoundary } from './error-boundary';
import { createAppRouter } from './router';

interface AppProps {
  readonly platform: Platform;
  /** Opens the workspace database; tests pass their own. */
  readonly openDatabase?: () => Promise<OpenDatabaseResult>;
}

export function App({ platform, openDatabase }: AppProps) {
  const [router] = useState(createAppRouter);
  return (
    <ErrorBoundary place="the app">
      <PlatformProvider platform={platform}>
        <DatabaseGate isBrowserMode={platform.kind === 'browser'} {...(openDatabase ? { open: openDatabase } : {})}>
          <SearchProvider>
            <ToastProvider>
              <RouterProvider router={router} />
            </ToastProvider>
          </SearchProvider>
        </DatabaseGate>
      </PlatformProvider>
    </ErrorBoundary>
  );
}
