import { Link, useLocation } from 'react-router';

/** One tab of a section's sub-navigation: where it goes, and whether the current path belongs to it. */
export interface SectionTab {
  readonly to: string;
  readonly label: string;
  readonly isActive: (path: string) => boolean;
}

/** The tab row under a section's heading; the tab owning the current path is marked as the current page. */
export function SectionTabs({ label, tabs }: { readonly label: string; readonly tabs: readonly SectionTab[] }) {
  const { pathname } = useLocation();
  return (
    <nav className="tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link key={tab.to} to={tab.to} className="tabs__tab" aria-current={tab.isActive(pathname) ? 'page' : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
