import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { TokenInput, type TokenOption } from '../../../renderer/components/token-input';

const TEAMS: TokenOption[] = [
  { id: 'payments', label: 'Payments' },
  { id: 'platform', label: 'Platform' },
  { id: 'search', label: 'Search' },
];

function Harness({ onCreate }: { onCreate?: (text: string) => void }) {
  const [values, setValues] = useState<TokenOption[]>([]);
  return (
    <TokenInput
      label="Teams"
      values={values}
      suggest={(text) => TEAMS.filter((team) => team.label.toLowerCase().startsWith(text.toLowerCase()))}
      onAdd={(option) => setValues((current) => [...current, option])}
      onRemove={(id) => setValues((current) => current.filter((value) => value.id !== id))}
      {...(onCreate ? { onCreate: (text: string) => {
        onCreate(text);
        setValues((current) => [...current, { id: text, label: text }]);
      } } : {})}
    />
  );
}

describe('TokenInput', () => {
  it('suggests as you type and adds the chosen suggestion with the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Teams' });
    await user.type(input, 'p');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Payments', 'Platform']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByRole('button', { name: 'Remove Platform' })).toBeTruthy();
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('does not suggest what is already chosen, and Backspace on an empty input removes the last chip', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Teams' });
    await user.type(input, 'Pay{Enter}');
    await user.type(input, 'p');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Platform']);
    await user.clear(input);
    await user.keyboard('{Backspace}');
    expect(screen.queryByRole('button', { name: 'Remove Payments' })).toBeNull();
  });

  it('offers to create a value that matches nothing, only when creation is allowed', async () => {
    const user = userEvent.setup();
    const onCreate = vi.fn();
    const { unmount } = render(<Harness onCreate={onCreate} />);
    await user.type(screen.getByRole('combobox', { name: 'Teams' }), 'Storage');
    await user.click(screen.getByRole('option', { name: 'Add “Storage”' }));
    expect(onCreate).toHaveBeenCalledWith('Storage');
    expect(screen.getByRole('button', { name: 'Remove Storage' })).toBeTruthy();
    unmount();

    render(<Harness />);
    await user.type(screen.getByRole('combobox', { name: 'Teams' }), 'Storage');
    expect(screen.queryByRole('option')).toBeNull();
  });
});
