import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SectionTabs } from '../../../renderer/components/section-tabs';

const tabs = [
  { to: '/surveys', label: 'Surveys', isActive: (path: string) => !path.startsWith('/surveys/plans') },
  { to: '/surveys/plans', label: 'Survey plans', isActive: (path: string) => path.startsWith('/surveys/plans') },
];

describe('SectionTabs', () => {
  it('links every tab and marks the one owning the current path as the current page', () => {
    render(
      <MemoryRouter initialEntries={['/surveys/plans/plan-1']}>
        <SectionTabs label="Survey views" tabs={tabs} />
      </MemoryRouter>,
    );
    const nav = screen.getByRole('navigation', { name: 'Survey views' });
    expect(nav).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Surveys' }).getAttribute('aria-current')).toBeNull();
    expect(screen.getByRole('link', { name: 'Survey plans' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('link', { name: 'Survey plans' }).getAttribute('href')).toBe('/surveys/plans');
  });
});
