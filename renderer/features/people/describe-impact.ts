import type { ContactImpact } from '../../db';

const count = (value: number, one: string, many: string) => `${value.toLocaleString()} ${value === 1 ? one : many}`;

/** "3 notes, 1 survey response, 0 planned chats and 0 workshops", for merge and delete confirmations. */
export function describeImpact(impact: ContactImpact): string {
  return `${count(impact.notes, 'note', 'notes')}, ${count(impact.surveyResponses, 'survey response', 'survey responses')}, ${count(impact.plannedChats, 'planned chat', 'planned chats')} and ${count(impact.workshops, 'workshop', 'workshops')}`;
}
