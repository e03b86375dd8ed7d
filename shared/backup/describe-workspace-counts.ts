/** The main tables of a workspace, in the order people think of them, with their words. */
const MAIN_TABLES: readonly { readonly table: string; readonly one: string; readonly many: string }[] = [
  { table: 'notes', one: 'note', many: 'notes' },
  { table: 'highlights', one: 'highlight', many: 'highlights' },
  { table: 'contacts', one: 'person', many: 'people' },
  { table: 'surveys', one: 'survey', many: 'surveys' },
  { table: 'surveyResponses', one: 'survey response', many: 'survey responses' },
  { table: 'surveyPlans', one: 'survey plan', many: 'survey plans' },
  { table: 'plannedChats', one: 'planned chat', many: 'planned chats' },
  { table: 'rounds', one: 'prioritization round', many: 'prioritization rounds' },
  { table: 'cards', one: 'card', many: 'cards' },
  { table: 'buckets', one: 'pain bucket', many: 'pain buckets' },
  { table: 'solutions', one: 'solution', many: 'solutions' },
  { table: 'experiments', one: 'experiment', many: 'experiments' },
];

/**
 * What a workspace file holds, in words: "12 notes, 3 people, 1 survey" (row counts per table).
 * Notes are always named; other main tables only when they hold something.
 */
export function describeWorkspaceCounts(counts: ReadonlyMap<string, number>): string {
  const parts = MAIN_TABLES.flatMap(({ table, one, many }) => {
    const count = counts.get(table) ?? 0;
    if (count === 0 && table !== 'notes') return [];
    return [`${count.toLocaleString('en')} ${count === 1 ? one : many}`];
  });
  return parts.join(', ');
}
