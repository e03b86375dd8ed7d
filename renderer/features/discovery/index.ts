export { DiscoveryScreen } from './discovery-screen';
export { useCreateNote } from './use-create-note';
