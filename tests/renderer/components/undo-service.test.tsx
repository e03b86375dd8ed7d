import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ToastProvider } from '../../../renderer/components/toast';
import { UndoProvider, useUndo, type UndoableAction, type UndoService } from '../../../renderer/components/undo-service';
import { UserError } from '../../../shared/errors/user-error';

function Offer({ action, onService }: { readonly action: UndoableAction; readonly onService?: (service: UndoService) => void }) {
  const undoService = useUndo();
  onService?.(undoService);
  return (
    <button type="button" onClick={() => undoService.offer(action)}>
      Do it
    </button>
  );
}

function renderOffer(action: UndoableAction, onService?: (service: UndoService) => void) {
  return render(
    <ToastProvider>
      <UndoProvider>
        <Offer action={action} {...(onService ? { onService } : {})} />
      </UndoProvider>
    </ToastProvider>,
  );
}

function deferred() {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('the undo service', () => {
  it('shows why an undo failed, and what to do, once the undo has failed', async () => {
    const user = userEvent.setup();
    const pending = deferred();
    renderOffer({ label: 'Deleted “Kickoff”', undo: () => pending.promise });
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    expect(screen.getByRole('status').textContent).toContain('Deleted “Kickoff”');
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(screen.getByRole('status').textContent).toContain('Undoing: Deleted “Kickoff”…');
    expect(screen.getByRole('status').textContent).not.toContain('Undone');

    await act(async () => pending.reject(new UserError('The note is already back. Nothing else to do.')));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Not undone: The note is already back. Nothing else to do.');
    expect(screen.getByRole('status').textContent).not.toContain('Undone:');
  });

  it('never shows an unexpected exception’s own text, only what to do', async () => {
    const user = userEvent.setup();
    renderOffer({
      label: 'Removed the highlight',
      undo: async () => {
        throw new TypeError('Cannot read properties of undefined (reading "secret body text")');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Not undone: Something unexpected went wrong while undoing “Removed the highlight”\. Try again/);
    expect(alert.textContent).not.toContain('secret body text');
  });

  it('says “Undone” only after the undo finished, and runs it once however often it is asked', async () => {
    const user = userEvent.setup();
    const pending = deferred();
    let calls = 0;
    let service: UndoService | null = null;
    const action: UndoableAction = {
      label: 'Merged Ada into Ada L.',
      undo: () => {
        calls += 1;
        return pending.promise;
      },
    };
    renderOffer(action, (next) => (service = next));
    await user.click(screen.getByRole('button', { name: 'Do it' }));
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    // Ctrl/Cmd+Z or a second button pressed while the first undo still runs is ignored.
    let second: Promise<boolean> = Promise.resolve(true);
    act(() => {
      second = service?.run(action) ?? Promise.resolve(true);
    });
    expect(await second).toBe(false);
    expect(screen.getByRole('status').textContent).toContain('Undoing: Merged Ada into Ada L.…');

    await act(async () => pending.resolve());
    expect((await screen.findByText('Undone: Merged Ada into Ada L.')).textContent).toBe('Undone: Merged Ada into Ada L.');
    let third: Promise<boolean> = Promise.resolve(true);
    act(() => {
      third = service?.run(action) ?? Promise.resolve(true);
    });
    expect(await third).toBe(false);
    expect(calls).toBe(1);
  });
});
