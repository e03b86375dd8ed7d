import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useCreateNote } from '../features/discovery';
import { AutomaticBackups, BackupReminder } from '../features/settings';
import { TeamSyncIndicator } from '../sync/team-sync-indicator';
import { CommandPalette } from './command-palette';
import { ErrorBoundary } from './error-boundary';
import { SECTIONS } from './sections';
import { ShortcutsDialog } from './shortcuts-dialog';
import { useSectionShortcuts } from './use-section-shortcuts';

function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/** The frame around every section: navigation, a skip link and the current section's page. */
export function Shell() {
  const location = useLocation();
  // The guide is not a section: it gets its own heading instead of the first section's.
  const isGuide = location.pathname.startsWith('/guide');
  const section = SECTIONS.find((candidate) => location.pathname.startsWith(`/${candidate.path}`)) ?? SECTIONS[0];
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [isShortcutsOpen, setShortcutsOpen] = useState(false);
  const [isPaletteOpen, setPaletteOpen] = useState(false);
  const createNote = useCreateNote();
  const isFirstRender = useRef(true);
  useSectionShortcuts();

  useEffect(() => {
    document.title = `${section.label} · Discovery Desk`;
    // Move focus to the new page's heading so keyboard and screen-reader users land on it.
    if (isFirstRender.current) isFirstRender.current = false;
    else headingRef.current?.focus();
  }, [section]);

  // A file dropped where nothing takes it must not replace the app with the file (the browser's
  // default); the Surveys screen handles drops itself.
  useEffect(() => {
    const ignoreFileDrop = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files') && !event.defaultPrevented) event.preventDefault();
    };
    window.addEventListener('dragover', ignoreFileDrop);
    window.addEventListener('drop', ignoreFileDrop);
    return () => {
      window.removeEventListener('dragover', ignoreFileDrop);
      window.removeEventListener('drop', ignoreFileDrop);
    };
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const isMod = event.ctrlKey || event.metaKey;
      if (isMod && !event.shiftKey && !event.altKey && event.code === 'KeyK') {
        event.preventDefault();
        setPaletteOpen(true);
      } else if ((isMod && !event.shiftKey && !event.altKey && event.code === 'KeyN') || (event.altKey && !isMod && event.code === 'KeyN')) {
        // Browsers keep Ctrl+N for a new window, so Alt+N does the same in browser mode.
        event.preventDefault();
        void createNote();
      } else if (event.key === '?' && !isTypingTarget(event.target)) {
        setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [createNote]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main" onClick={(event) => {
        event.preventDefault();
        headingRef.current?.focus();
      }}>
        Skip to content
      </a>
      <nav className="sidebar" aria-label="Sections">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">◆</span> Discovery Desk
        </div>
        <ul className="sidebar__list">
          {SECTIONS.map((item) => (
            <li key={item.path}>
              <NavLink to={`/${item.path}`} className="sidebar__link" aria-keyshortcuts={`Alt+${item.digit}`}>
                <span>{item.label}</span>
                <kbd className="sidebar__key" aria-hidden="true">Alt {item.digit}</kbd>
              </NavLink>
            </li>
          ))}
        </ul>
        <NavLink to="/guide" className="sidebar__help">
          Getting started
        </NavLink>
        <button type="button" className="sidebar__help" onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
        <TeamSyncIndicator />
      </nav>
      <main id="main" className="page">
        <BackupReminder />
        <AutomaticBackups />
        <header className="page__header">
          <h1 ref={headingRef} tabIndex={-1} className="page__title">
            {isGuide ? 'Getting started' : section.label}
          </h1>
          <p className="page__summary">{isGuide ? 'The method in four steps, and a sample workspace to try it on' : section.summary}</p>
        </header>
        <ErrorBoundary key={section.path} place={`the ${section.label} section`}>
          <Outlet />
        </ErrorBoundary>
      </main>
      <ShortcutsDialog isOpen={isShortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <CommandPalette isOpen={isPaletteOpen} onClose={() => setPaletteOpen(false)} />
    </div>
  );
}
