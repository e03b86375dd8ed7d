import { createHashRouter, Navigate } from 'react-router';
import { ArtifactsScreen } from '../features/artifacts';
import { BoardScreen } from '../features/board';
import { DiscoveryScreen } from '../features/discovery';
import { PeopleScreen } from '../features/people';
import { SettingsScreen } from '../features/settings';
import { SurveysScreen } from '../features/surveys';
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
        { path: 'people/*', element: <PeopleScreen /> },
        { path: 'surveys/*', element: <SurveysScreen /> },
        { path: 'board/*', element: <BoardScreen /> },
        { path: 'artifacts/*', element: <ArtifactsScreen /> },
        { path: 'settings/*', element: <SettingsScreen /> },
        { path: '*', element: <Navigate to="/discovery" replace /> },
      ],
    },
  ]);
}
