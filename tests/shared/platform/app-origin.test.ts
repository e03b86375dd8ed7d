import { describe, expect, it } from 'vitest';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from '../../../shared/platform/app-origin';

// NEVER change these values or this test. IndexedDB is keyed by origin: a new scheme or host makes
// every user's notes, people and surveys vanish on the next launch (Insomnia and AFFiNE lost data so).
describe('app origin', () => {
  it('is app://discovery-desk, forever', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_HOST).toBe('discovery-desk');
    expect(APP_ORIGIN).toBe('app://discovery-desk');
  });
});
