/**
 * Version 2: adds the persisted search index (see search-index-repository). Frozen like v1.
 * No upgrade step: the search worker builds the index from the notes on its first start.
 */
export const schemaV2 = {
  searchIndex: 'key',
} as const satisfies Readonly<Record<string, string>>;
