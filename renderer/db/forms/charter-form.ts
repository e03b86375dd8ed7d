import { CHARTER_SECTIONS, type Charter, type CharterSectionKey } from '../../../shared/domain/artifact';
import { EMPTY_RICH_TEXT_DOC, type RichTextDoc } from '../../../shared/domain/rich-text';
import { isRecord, type FormStore } from './form-store';

/** Every section of a round's charter, as rich text. */
export type CharterDraft = Readonly<Record<CharterSectionKey, RichTextDoc>>;

function isDoc(value: unknown): value is RichTextDoc {
  return isRecord(value) && value.type === 'doc';
}

/** The charter of the round whose id is the form's id; the first save creates it. */
export const charterForm: FormStore<Charter, CharterDraft> = {
  kind: 'charter',
  label: 'the charter',
  read: ({ artifacts }, roundId) => artifacts.getCharter(roundId),
  project: (charter) => Object.fromEntries(CHARTER_SECTIONS.map(({ key }) => [key, charter?.sections[key] ?? EMPTY_RICH_TEXT_DOC])) as CharterDraft,
  missingMessage: null,
  write: ({ artifacts }, roundId, value) => artifacts.saveCharter(roundId, value),
  revision: (charter) => charter.updatedAt,
  parse(value) {
    if (!isRecord(value)) return null;
    return CHARTER_SECTIONS.every(({ key }) => isDoc(value[key])) ? (value as CharterDraft) : null;
  },
};
