/** Thrown on any write when the stored database was saved by a newer build than this one. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  readonly storedVersion: number;
  readonly appVersion: number;

  constructor(storedVersion: number, appVersion: number) {
    super(
      `This workspace was saved by a newer version of Discovery Desk (schema ${storedVersion}). ` +
        `This version (schema ${appVersion}) will not change it: update the app to keep working.`,
    );
    this.storedVersion = storedVersion;
    this.appVersion = appVersion;
  }
}
