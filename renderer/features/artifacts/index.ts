export { ArtifactsScreen } from './artifacts-screen';
