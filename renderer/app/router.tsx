import { createHashRouter, Navigate } from 'react-router';
import { DiscoveryScreen } from '../features/discovery';
import { SettingsScreen } from '../features/settings';
import { GuideScreen } from './guide-screen';
import { Shell } from './shell';

// Hash routes: the same build works from app:// in Electron and from any static server.
export function createAppRouter() {
  return createHashRouter([
    {
      path: '/',
      element: <Shell />,
      children: [
        { index: true, element: <Navigate to="/discovery" replace /> },
        { path: 'discovery/*', element: <DiscoveryScreen /> },
        // Loaded when first opened: a board opened on a projector does not wait for the charts of Surveys.
        { path: 'people/*', lazy: async () => ({ Component: (await import('../features/people')).PeopleScreen }) },
        { path: 'surveys/*', lazy: async () => ({ Component: (await import('../features/surveys')).SurveysScreen }) },
        { path: 'board/*', lazy: async () => ({ Component: (await import('../features/board')).BoardScreen }) },
        { path: 'artifacts/*', lazy: async () => ({ Component: (await import('../features/artifacts')).ArtifactsScreen }) },
        { path: 'settings/*', element: <SettingsScreen /> },
        { path: 'guide', element: <GuideScreen /> },
        { path: '*', element: <Navigate to="/discovery" replace /> },
      ],
    },
  ]);
}
