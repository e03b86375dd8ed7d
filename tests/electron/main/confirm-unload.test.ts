import { describe, expect, it, vi } from 'vitest';
import { confirmUnload, UNSAVED_CHANGES_PROMPT } from '../../../electron/main/confirm-unload';

function setup(choice: number) {
  const dialog = { showMessageBoxSync: vi.fn(() => choice) };
  const window = { id: 1 };
  const event = { preventDefault: vi.fn() };
  confirmUnload(dialog, () => window)(event);
  return { dialog, window, event };
}

describe('confirmUnload', () => {
  it('asks, attached to the window, and keeps the page open by default', () => {
    const { dialog, window, event } = setup(0);
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(window, UNSAVED_CHANGES_PROMPT);
    expect(UNSAVED_CHANGES_PROMPT.cancelId).toBe(0);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('closes only when the user chooses to close anyway', () => {
    expect(setup(1).event.preventDefault).toHaveBeenCalledTimes(1);
  });
});
