import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { SECTIONS } from './sections';

/** Alt+1..6 jumps to a section (by physical key, so macOS Option characters do not matter). */
export function useSectionShortcuts(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      const section = SECTIONS.find((candidate) => event.code === `Digit${candidate.digit}`);
      if (!section) return;
      event.preventDefault();
      void navigate(`/${section.path}`);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
