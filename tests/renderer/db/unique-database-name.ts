let databaseCount = 0;

/** A database name no other test uses, so tests never see each other's rows. */
export function uniqueDatabaseName(label = 'test'): string {
  databaseCount += 1;
  return `discovery-desk-${label}-${databaseCount}-${Date.now()}`;
}
