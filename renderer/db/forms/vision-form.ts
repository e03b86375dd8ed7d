import { VISION_YEAR_NUMBERS, type Vision, type VisionTheme, type VisionYearNumber } from '../../../shared/domain/artifact';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from '../../../shared/domain/rich-text';
import { isRecord, type FormStore } from './form-store';

/** One year of the vision as the form edits it. */
export interface VisionYearDraft {
  readonly year: VisionYearNumber;
  readonly themes: readonly VisionTheme[];
  readonly body: RichTextDoc;
}

function isYearDraft(value: unknown): value is VisionYearDraft {
  return (
    isRecord(value) &&
    VISION_YEAR_NUMBERS.some((year) => year === value.year) &&
    Array.isArray(value.themes) &&
    value.themes.every((theme) => isRecord(theme) && typeof theme.id === 'string' && typeof theme.title === 'string') &&
    isRecord(value.body) &&
    value.body.type === 'doc'
  );
}

/** The three-year vision of the round whose id is the form's id; the first save creates it. */
export const visionForm: FormStore<Vision, readonly VisionYearDraft[]> = {
  kind: 'vision',
  label: 'the vision',
  read: ({ artifacts }, roundId) => artifacts.getVision(roundId),
  project: (vision) =>
    VISION_YEAR_NUMBERS.map((year) => {
      const stored = vision?.years.find((candidate) => candidate.year === year);
      return { year, themes: stored?.themes ?? [], body: stored?.body ?? EMPTY_RICH_TEXT_DOC };
    }),
  missingMessage: null,
  write: ({ artifacts }, roundId, value) => artifacts.saveVision(roundId, value),
  revision: (vision) => vision.updatedAt,
  parse: (value) => (Array.isArray(value) && value.every(isYearDraft) ? value : null),
};
