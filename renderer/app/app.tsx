import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { PlatformProvider, type Platform } from '../platform';
import { ErrorBoundary } from './error-boundary';
import { createAppRouter } from './router';

export function App({ platform }: { readonly platform: Platform }) {
  const [router] = useState(createAppRouter);
  return (
    <ErrorBoundary place="the app">
      <PlatformProvider platform={platform}>
        <RouterProvider router={router} />
      </PlatformProvider>
    </ErrorBoundary>
  );
}
