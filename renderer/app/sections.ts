/** The app's top-level sections, in navigation order; Alt+<digit> jumps to each. */
export const SECTIONS = [
  { path: 'discovery', label: 'Discovery', digit: '1', summary: 'Unprioritized notes from every channel' },
  { path: 'people', label: 'People', digit: '2', summary: 'Contacts, history and research load' },
  { path: 'surveys', label: 'Surveys', digit: '3', summary: 'Imports, results and follow-ups' },
  { path: 'board', label: 'Board', digit: '4', summary: 'Prioritization rounds and pain buckets' },
  { path: 'artifacts', label: 'Artifacts', digit: '5', summary: 'Charter, vision and the user-pain list' },
  { path: 'settings', label: 'Settings', digit: '6', summary: 'Your data, storage and this app' },
] as const;

export type SectionPath = (typeof SECTIONS)[number]['path'];
