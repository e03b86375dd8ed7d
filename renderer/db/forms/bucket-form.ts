import type { PainBucket } from '../../../shared/domain/board';
import { parseStrings, type FormStore } from './form-store';
import { UserError } from '../../../shared/errors/user-error';

/** A pain bucket's words: its title and its user-pain statement. */
export interface BucketDraft {
  readonly title: string;
  readonly statement: string;
}

export const bucketForm: FormStore<PainBucket, BucketDraft> = {
  kind: 'bucket',
  label: 'this bucket',
  read: ({ board }, id) => board.getBucket(id),
  project: (bucket) => ({ title: bucket?.title ?? '', statement: bucket?.statement ?? '' }),
  missingMessage: 'This bucket was removed in another window; copy any text you want to keep.',
  write(repositories, id, value) {
    if (value.title.trim() === '') throw new UserError('A bucket needs a title: type one to save.');
    return repositories.board.updateBucket(id, value);
  },
  revision: (bucket) => bucket.updatedAt,
  parse: (value) => parseStrings(value, ['title', 'statement']),
};
