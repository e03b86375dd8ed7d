// The entry point of `npm run team-server` (built into dist/server/team-server.mjs).
import { teamCliMain } from './team-cli';

teamCliMain();
