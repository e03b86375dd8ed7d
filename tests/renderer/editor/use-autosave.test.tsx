import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, renderHook, screen } from '@testing-library/react';
import { SaveStatus, useAutosave, type AutosaveOptions } from '../../../renderer/editor';

/** A save whose completion the test controls, recording every call and how many ran at once. */
function controlledSave() {
  const calls: string[] = [];
  const finishers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const save = vi.fn(
    (value: string) =>
      new Promise<void>((resolve, reject) => {
        calls.push(value);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        finishers.push({
          resolve: () => {
            running -= 1;
            resolve();
          },
          reject: (error) => {
            running -= 1;
            reject(error);
          },
        });
      }),
  );
  const next = () => {
    const finisher = finishers.shift();
    if (finisher === undefined) throw new Error('no save is running');
    return finisher;
  };
  return {
    save,
    calls,
    maxRunning: () => maxRunning,
    finish: async () => act(async () => next().resolve()),
    fail: async (message: string) => act(async () => next().reject(new Error(message))),
  };
}

function renderAutosave(initial: AutosaveOptions<string>) {
  return renderHook((props: AutosaveOptions<string>) => useAutosave(props), { initialProps: initial });
}

const wait = (ms: number) => act(async () => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('useAutosave', () => {
  it('starts saved, and saves the latest value once typing pauses', async () => {
    const saver = controlledSave();
    const { result, rerender } = renderAutosave({ value: 'a', save: saver.save, key: 'n1' });
    expect(result.current.status).toBe('saved');

    rerender({ value: 'ab', save: saver.save, key: 'n1' });
    await wait(400);
    rerender({ value: 'abc', save: saver.save, key: 'n1' });
    expect(result.current.status).toBe('dirty');
    await wait(599);
    expect(saver.save).not.toHaveBeenCalled();
    await wait(1);
    expect(saver.calls).toEqual(['abc']);
    expect(result.current.status).toBe('saving');
    await saver.finish();
    expect(result.current.status).toBe('saved');
  });

  it('never runs two saves at once and saves the latest value after the running one', async () => {
    const saver = controlledSave();
    const { result, rerender } = renderAutosave({ value: 'v0', save: saver.save, key: 'n1', delayMs: 100 });
    rerender({ value: 'v1', save: saver.save, key: 'n1', delayMs: 100 });
    await wait(100);
    rerender({ value: 'v2', save: saver.save, key: 'n1', delayMs: 100 });
    await wait(100);
    rerender({ value: 'v3', save: saver.save, key: 'n1', delayMs: 100 });
    await wait(100);
    expect(saver.calls).toEqual(['v1']);

    await saver.finish();
    expect(saver.calls).toEqual(['v1', 'v3']);
    await saver.finish();
    expect(saver.maxRunning()).toBe(1);
    expect(result.current.status).toBe('saved');
  });

  it('saves the previous note right away, with its own save, when the key changes', async () => {
    const saved: string[] = [];
    const saveFor = (noteId: string) => (value: string) => {
      saved.push(`${noteId}:${value}`);
      return Promise.resolve();
    };
    const { rerender } = renderAutosave({ value: 'A', save: saveFor('a'), key: 'a' });
    rerender({ value: 'A edited', save: saveFor('a'), key: 'a' });
    rerender({ value: 'B as loaded', save: saveFor('b'), key: 'b' });
    await act(async () => undefined);
    expect(saved).toEqual(['a:A edited']);
    await wait(1000);
    expect(saved).toEqual(['a:A edited']);
  });

  it('saves what is waiting when the component unmounts', async () => {
    const saver = controlledSave();
    const { rerender, unmount } = renderAutosave({ value: 'a', save: saver.save });
    rerender({ value: 'a typed', save: saver.save });
    unmount();
    expect(saver.calls).toEqual(['a typed']);
  });

  it.each([
    ['the page is hidden', () => {
      vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
      document.dispatchEvent(new Event('visibilitychange'));
    }],
    ['the page is closed', () => window.dispatchEvent(new Event('pagehide'))],
  ])('saves right away when %s', async (_when, leave) => {
    const saver = controlledSave();
    const { rerender } = renderAutosave({ value: 'a', save: saver.save });
    rerender({ value: 'a typed', save: saver.save });
    act(leave);
    expect(saver.calls).toEqual(['a typed']);
    vi.restoreAllMocks();
  });

  it('keeps the unsaved value when saving fails, says why, and retries on request or on the next change', async () => {
    const saver = controlledSave();
    const { result, rerender } = renderAutosave({ value: 'a', save: saver.save, delayMs: 100 });
    rerender({ value: 'a typed', save: saver.save, delayMs: 100 });
    await wait(100);
    await saver.fail('QuotaExceededError: the disk is full');
    expect(result.current.status).toBe('error');
    expect(result.current.error?.message).toBe('QuotaExceededError: the disk is full');

    await act(async () => {
      void result.current.retry();
    });
    expect(saver.calls).toEqual(['a typed', 'a typed']);
    await saver.fail('still full');
    expect(result.current.error?.message).toBe('still full');

    rerender({ value: 'a typed more', save: saver.save, delayMs: 100 });
    expect(result.current.status).toBe('error');
    await wait(100);
    expect(saver.calls).toEqual(['a typed', 'a typed', 'a typed more']);
    await saver.finish();
    expect(result.current.status).toBe('saved');
    expect(result.current.error).toBeUndefined();
  });

  it('flush() saves now and resolves once saved', async () => {
    const saver = controlledSave();
    const { result, rerender } = renderAutosave({ value: 'a', save: saver.save });
    rerender({ value: 'b', save: saver.save });
    let isFlushed = false;
    await act(async () => {
      void result.current.flush().then(() => (isFlushed = true));
    });
    expect(saver.calls).toEqual(['b']);
    expect(isFlushed).toBe(false);
    await saver.finish();
    expect(isFlushed).toBe(true);
  });

  it('asks before leaving the page only while something is unsaved', async () => {
    const saver = controlledSave();
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const { rerender } = renderAutosave({ value: 'a', save: saver.save });
    expect(leave()).toBe(false);
    rerender({ value: 'b', save: saver.save });
    expect(leave()).toBe(true);
    await saver.finish();
    expect(leave()).toBe(false);
  });

  it('saves nothing while disabled', async () => {
    const saver = controlledSave();
    const { result, rerender } = renderAutosave({ value: 'a', save: saver.save, isEnabled: false });
    rerender({ value: 'b', save: saver.save, isEnabled: false });
    await wait(1000);
    expect(saver.save).not.toHaveBeenCalled();
    expect(result.current.status).toBe('saved');
  });
});

describe('SaveStatus', () => {
  it.each([
    ['saved', 'Saved'],
    ['saving', 'Saving…'],
    ['dirty', 'Unsaved changes'],
  ] as const)('says %s as "%s"', (status, text) => {
    render(<SaveStatus status={status} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('names the failure and offers a retry', () => {
    const onRetry = vi.fn();
    render(<SaveStatus status="error" error={new Error('the disk is full')} onRetry={onRetry} />);
    expect(screen.getByRole('status').textContent).toBe('Not saved: the disk is full');
    act(() => screen.getByRole('button', { name: 'Try again' }).click());
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
