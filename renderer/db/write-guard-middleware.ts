import type { DBCore, Middleware } from 'dexie';

/**
 * Runs `assertWritable` before every write that reaches IndexedDB, whichever code issued it, so a
 * build that must not write (the stored schema is newer) cannot, even through a forgotten check.
 */
export function createWriteGuardMiddleware(assertWritable: () => void): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'write-guard',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const table = down.table(tableName);
        return {
          ...table,
          mutate: (request) => {
            try {
              assertWritable();
            } catch (error) {
              return Promise.reject(error);
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
}
