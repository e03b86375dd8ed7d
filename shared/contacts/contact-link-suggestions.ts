import type { SurveyAnswer } from '../domain/survey';

/** A contact field that notes and surveys can say something about. */
export type LinkField = 'team' | 'role' | 'organisation';

/** One value the evidence gives for a field the contact leaves empty, with how often it was said. */
export interface ContactLinkSuggestion {
  readonly field: LinkField;
  readonly value: string;
  /** Notes (with one team or an organisation) and survey answers that say so. */
  readonly count: number;
  readonly source: 'notes' | 'surveys' | 'notes and surveys';
}

/** What a note naming the person says: its teams and organisation. */
export interface NoteEvidence {
  readonly teams: readonly string[];
  readonly organisation?: string;
}

/** One survey answer of the person, with its question's text. */
export interface AnswerEvidence {
  readonly questionText: string;
  readonly answer: SurveyAnswer;
}

const FIELD_PATTERNS: readonly (readonly [LinkField, RegExp])[] = [
  ['team', /\b(team|squad|tribe)\b/i],
  ['role', /\b(role|job title|job|position|title)\b/i],
  ['organisation', /\b(organi[sz]ation|company|employer|department|division|business unit)\b/i],
];

/** The respondent field a survey question asks about ("Which team are you on?" is the team), or null. */
export function respondentFieldOfQuestion(questionText: string): LinkField | null {
  return FIELD_PATTERNS.find(([, pattern]) => pattern.test(questionText))?.[0] ?? null;
}

/**
 * What notes naming a person and their survey answers say about their team, role and organisation,
 * for each field the contact leaves empty: the value said most often (ties by name). A note with
 * several teams says nothing about which one is the person's.
 */
export function suggestContactLinks(
  contact: { readonly team?: string; readonly role?: string; readonly organisation?: string },
  notes: readonly NoteEvidence[],
  answers: readonly AnswerEvidence[],
): ContactLinkSuggestion[] {
  const said = new Map<LinkField, Map<string, { notes: number; surveys: number }>>();
  const add = (field: LinkField, raw: string, from: 'notes' | 'surveys') => {
    const value = raw.trim();
    if (value === '') return;
    const values = said.get(field) ?? new Map<string, { notes: number; surveys: number }>();
    const tally = values.get(value) ?? { notes: 0, surveys: 0 };
    tally[from] += 1;
    values.set(value, tally);
    said.set(field, values);
  };
  for (const note of notes) {
    const [onlyTeam, ...others] = note.teams;
    if (onlyTeam !== undefined && others.length === 0) add('team', onlyTeam, 'notes');
    if (note.organisation) add('organisation', note.organisation, 'notes');
  }
  for (const { questionText, answer } of answers) {
    const field = respondentFieldOfQuestion(questionText);
    if (field !== null && typeof answer === 'string') add(field, answer, 'surveys');
  }
  const suggestions: ContactLinkSuggestion[] = [];
  for (const field of ['team', 'role', 'organisation'] as const) {
    if ((contact[field] ?? '').trim() !== '') continue;
    const best = [...(said.get(field) ?? new Map<string, { notes: number; surveys: number }>()).entries()].sort(
      ([a, x], [b, y]) => y.notes + y.surveys - (x.notes + x.surveys) || a.localeCompare(b),
    )[0];
    if (best === undefined) continue;
    const [value, tally] = best;
    const source = tally.notes > 0 && tally.surveys > 0 ? 'notes and surveys' : tally.notes > 0 ? 'notes' : 'surveys';
    suggestions.push({ field, value, count: tally.notes + tally.surveys, source });
  }
  return suggestions;
}
