import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ErrorBoundary } from '../../../renderer/app/error-boundary';
import { setErrorLogSink } from '../../../renderer/errors/error-log';
import type { ErrorLogEntry } from '../../../shared/errors/error-log-entry';

let shouldThrow = true;
function Fragile() {
  if (shouldThrow) throw new Error('The inbox could not render row 42');
  return <p>Inbox is back</p>;
}

function Sibling() {
  const [text] = useState('Draft that must survive');
  return <p>{text}</p>;
}

describe('ErrorBoundary', () => {
  it('contains a crash, says the data is safe and where the details are (the local log, never the screen), and recovers on "Try again"', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logged: ErrorLogEntry[] = [];
    setErrorLogSink({ append: async (entry) => void logged.push(entry) });
    const user = userEvent.setup();
    shouldThrow = true;
    render(
      <>
        <Sibling />
        <ErrorBoundary place="the Discovery section">
          <Fragile />
        </ErrorBoundary>
      </>,
    );

    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Something went wrong in the Discovery section');
    expect(alert.textContent).toContain('Your data is safe');
    expect(alert.textContent).toContain('Settings › Local log has the details');
    expect(alert.textContent).not.toContain('row 42');
    expect(logged.map((entry) => [entry.where, entry.message])).toContainEqual(['showing the Discovery section', 'The inbox could not render row 42']);
    setErrorLogSink(null);
    expect(screen.getByText('Draft that must survive')).toBeTruthy();

    shouldThrow = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('Inbox is back')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
