import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUserError } from '../../../shared/errors/user-error';
import { openDatabase } from '../../../renderer/db/open-database';
import { openWorkerDatabase } from '../../../renderer/db/open-worker-database';

vi.mock('../../../renderer/db/open-database', () => ({ openDatabase: vi.fn() }));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('openWorkerDatabase', () => {
  it('fails with a sentence for people, never the exception text, when the workspace does not open', async () => {
    vi.mocked(openDatabase).mockResolvedValue({ db: null, status: { kind: 'failed', error: new Error('VersionError: The requested version (5) is less than the existing version (6).') } });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failure: unknown = await openWorkerDatabase('discovery-desk', 'importing the contacts').catch((error: unknown) => error);
    expect(isUserError(failure)).toBe(true);
    const message = failure instanceof Error ? failure.message : '';
    expect(message).toBe(
      "The workspace could not be opened while importing the contacts, so nothing was imported. Close the app's other windows or tabs, reload it and import the file again.",
    );
    expect(message).not.toContain('VersionError');
    // The original is kept for whoever debugs it: in the worker's console.
    expect(logged).toHaveBeenCalledWith('The workspace could not be opened while importing the contacts', expect.any(Error));
  });
});
