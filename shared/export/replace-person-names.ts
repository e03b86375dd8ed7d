import type { NameReplacement } from './artifact-export-document';

/** Someone whose name may appear in quotes. */
export interface NamedPerson {
  readonly name: string;
  readonly role?: string;
  readonly team?: string;
}

const MIN_FIRST_NAME_LENGTH = 3;

/**
 * The replacements that hide people's names: each full name, and each first name no one else
 * shares, becomes "[role]" (else "[team]", else "[a participant]"); a first name several people
 * share becomes "[a participant]", since it still names someone.
 */
export function nameReplacementsFor(people: readonly NamedPerson[]): NameReplacement[] {
  const firstNameCounts = new Map<string, number>();
  for (const person of people) {
    const first = firstName(person.name);
    if (first !== '') firstNameCounts.set(first.toLowerCase(), (firstNameCounts.get(first.toLowerCase()) ?? 0) + 1);
  }
  const replacements: NameReplacement[] = [];
  for (const person of people) {
    const name = person.name.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    const label = person.role?.trim() || person.team?.trim() || 'a participant';
    const replacement = `[${label}]`;
    replacements.push({ name, replacement });
    const first = firstName(name);
    if (first.length < MIN_FIRST_NAME_LENGTH || first === name) continue;
    const isShared = (firstNameCounts.get(first.toLowerCase()) ?? 0) > 1;
    if (isShared && replacements.some((entry) => entry.name.toLowerCase() === first.toLowerCase())) continue;
    replacements.push({ name: first, replacement: isShared ? '[a participant]' : replacement });
  }
  return replacements;
}

/** The text with every whole-word occurrence of each name replaced (longest names first, any case). */
export function replacePersonNames(text: string, replacements: readonly NameReplacement[]): string {
  const ordered = [...replacements].filter((entry) => entry.name.trim() !== '').sort((a, b) => b.name.length - a.name.length);
  if (ordered.length === 0) return text;
  const byName = new Map(ordered.map((entry) => [entry.name.toLowerCase(), entry.replacement]));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${ordered.map((entry) => escapeRegExp(entry.name).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, (match) => byName.get(match.replace(/\s+/g, ' ').toLowerCase()) ?? match);
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
