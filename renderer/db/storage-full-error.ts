import { UserError } from '../../shared/errors/user-error';

/** A write failed because the disk (or the browser's storage quota) is full; nothing was written. */
export class StorageFullError extends UserError {
  override readonly name = 'StorageFullError';

  constructor(options?: ErrorOptions) {
    super('Your disk is full, so this change was not saved. Free some space and try again; your text is still here.', options);
  }
}
