import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FULL_SCREEN_REFUSED, FullScreenButton, type FullScreenDocument } from '../../../../renderer/features/board/full-screen-button';

/** The button with the workshop's problem line, over a stand-in document. */
function Harness({ fullScreenDocument }: { readonly fullScreenDocument: FullScreenDocument }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      <FullScreenButton onProblem={setProblem} fullScreenDocument={fullScreenDocument} />
      {problem && <p role="alert">{problem}</p>}
    </>
  );
}

function fakeDocument(request: () => Promise<void>): FullScreenDocument & { fullscreenElement: Element | null } {
  return { fullscreenElement: null, documentElement: { requestFullscreen: vi.fn(request) }, exitFullscreen: vi.fn(async () => undefined) };
}

describe('FullScreenButton', () => {
  it('says so when full screen is refused, instead of doing nothing', async () => {
    const refusing = fakeDocument(() => Promise.reject(new TypeError('Permissions check failed')));
    render(<Harness fullScreenDocument={refusing} />);
    await userEvent.click(screen.getByRole('button', { name: 'Projector full screen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(FULL_SCREEN_REFUSED);
    expect(FULL_SCREEN_REFUSED).not.toMatch(/Permissions check failed/);
  });

  it('says so when the browser has no full screen at all', async () => {
    const none: FullScreenDocument = { fullscreenElement: null, documentElement: {}, exitFullscreen: async () => undefined };
    render(<Harness fullScreenDocument={none} />);
    await userEvent.click(screen.getByRole('button', { name: 'Projector full screen' }));
    expect((await screen.findByRole('alert')).textContent).toBe(FULL_SCREEN_REFUSED);
  });

  it('enters full screen quietly when it is granted, clearing an earlier refusal, and leaves it on a second press', async () => {
    let grant = false;
    const fake = fakeDocument(() => (grant ? Promise.resolve() : Promise.reject(new Error('no'))));
    render(<Harness fullScreenDocument={fake} />);
    const button = screen.getByRole('button', { name: 'Projector full screen' });
    await userEvent.click(button);
    expect(await screen.findByRole('alert')).toBeTruthy();
    grant = true;
    await userEvent.click(button);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(fake.documentElement.requestFullscreen).toHaveBeenCalledTimes(2);

    fake.fullscreenElement = document.body;
    await userEvent.click(button);
    expect(fake.exitFullscreen).toHaveBeenCalledOnce();
    expect(fake.documentElement.requestFullscreen).toHaveBeenCalledTimes(2);
  });
});
