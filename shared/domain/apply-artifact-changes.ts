import { CHARTER_SECTIONS, VISION_YEAR_NUMBERS, type Charter, type CharterSectionKey, type Vision, type VisionTheme, type VisionYear, type VisionYearNumber } from './artifact';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from './rich-text';
import { collectCitations, isSafeEntityId } from '../rich-text/citation-node';
import { sanitizeRichText } from '../rich-text/sanitize-rich-text';
import { UserError } from '../errors/user-error';

const MAX_THEME_TITLE_LENGTH = 200;
const MAX_THEMES_PER_YEAR = 50;

/** Charter sections to replace; each is cleaned before it is kept. */
export type CharterChanges = Partial<Readonly<Record<CharterSectionKey, unknown>>>;

/** A vision year as edited: themes and body, both checked and cleaned before they are kept. */
export interface VisionYearChanges {
  readonly year: VisionYearNumber;
  readonly themes?: readonly VisionTheme[];
  readonly body?: unknown;
}

/** An empty charter for a round. */
export function createCharter(id: string, roundId: string, now: number): Charter {
  const sections = Object.fromEntries(CHARTER_SECTIONS.map(({ key }) => [key, EMPTY_RICH_TEXT_DOC])) as Record<CharterSectionKey, RichTextDoc>;
  return { id, roundId, kind: 'charter', sections, citations: [], createdAt: now, updatedAt: now };
}

/** The charter with `changes` applied: every section cleaned, citations derived again. */
export function applyCharterChanges(existing: Charter, changes: CharterChanges, now: number): Charter {
  const sections = { ...existing.sections };
  for (const { key } of CHARTER_SECTIONS) {
    if (Object.hasOwn(changes, key) && changes[key] !== undefined) sections[key] = sanitizeRichText(changes[key]);
  }
  const citations = collectCitations(CHARTER_SECTIONS.map(({ key }) => sections[key]));
  return { ...existing, sections, citations, updatedAt: now };
}

/** An empty vision for a round: three years, no themes. */
export function createVision(id: string, roundId: string, now: number): Vision {
  const years = VISION_YEAR_NUMBERS.map((year): VisionYear => ({ year, themes: [], body: EMPTY_RICH_TEXT_DOC, citations: [] }));
  return { id, roundId, kind: 'vision', years, createdAt: now, updatedAt: now };
}

/**
 * The vision with `changes` applied to the years they name. Throws UserError, naming the year and
 * theme, when a theme has no title, a title is too long, or an id is malformed or used twice.
 */
export function applyVisionChanges(existing: Vision, changes: readonly VisionYearChanges[], now: number): Vision {
  const seenThemeIds = new Set<string>();
  const years = VISION_YEAR_NUMBERS.map((year): VisionYear => {
    const current = existing.years.find((candidate) => candidate.year === year) ?? { year, themes: [], body: EMPTY_RICH_TEXT_DOC, citations: [] };
    const change = changes.find((candidate) => candidate.year === year);
    const themes = change?.themes === undefined ? current.themes : readThemes(change.themes, year);
    const body = change?.body === undefined ? current.body : sanitizeRichText(change.body);
    return { year, themes, body, citations: collectCitations([body]) };
  });
  for (const { year, themes } of years) {
    for (const theme of themes) {
      if (seenThemeIds.has(theme.id)) throw new UserError(`Year ${year}: theme “${theme.title}” has an id used by another theme.`);
      seenThemeIds.add(theme.id);
    }
  }
  return { ...existing, years, updatedAt: now };
}

function readThemes(themes: readonly VisionTheme[], year: VisionYearNumber): VisionTheme[] {
  if (themes.length > MAX_THEMES_PER_YEAR) throw new UserError(`Year ${year} has ${themes.length} themes; at most ${MAX_THEMES_PER_YEAR} are kept.`);
  return themes.map((theme, index) => {
    if (!isSafeEntityId(theme.id)) throw new UserError(`Year ${year}, theme ${index + 1}: its id is not valid.`);
    if (typeof theme.title !== 'string') throw new UserError(`Year ${year}, theme ${index + 1}: the title must be text.`);
    const title = theme.title.replace(/\s+/g, ' ').trim();
    if (title === '') throw new UserError(`Year ${year}, theme ${index + 1} needs a title.`);
    if (title.length > MAX_THEME_TITLE_LENGTH) throw new UserError(`Year ${year}, theme ${index + 1}: the title is longer than ${MAX_THEME_TITLE_LENGTH} characters.`);
    return { id: theme.id, title };
  });
}
