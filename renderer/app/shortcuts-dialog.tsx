import { useModalDialog } from '../components/use-modal-dialog';
import { SECTIONS } from './sections';

interface ShortcutsDialogProps {
  readonly isOpen: boolean;
  readonly onClose: () => void;
}

/** The list of keyboard shortcuts, opened with "?" or from the sidebar. */
export function ShortcutsDialog({ isOpen, onClose }: ShortcutsDialogProps) {
  const dialogRef = useModalDialog(isOpen);

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="shortcuts">
        <tbody>
          {SECTIONS.map((section) => (
            <tr key={section.path}>
              <td>
                <kbd>Alt</kbd> + <kbd>{section.digit}</kbd>
              </td>
              <td>Go to {section.label}</td>
            </tr>
          ))}
          <tr>
            <td>
              <kbd>Ctrl</kbd> + <kbd>K</kbd>
            </td>
            <td>Jump to a note, person or command</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd> + <kbd>N</kbd> (desktop), <kbd>Alt</kbd> + <kbd>N</kbd>
            </td>
            <td>New note in the channel you used last</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd> + <kbd>Shift</kbd> + <kbd>H</kbd>
            </td>
            <td>Highlight the selected text as evidence</td>
          </tr>
          <tr>
            <td>
              <kbd>Ctrl</kbd> + <kbd>Shift</kbd> + <kbd>C</kbd>
            </td>
            <td>Cite a note or highlight (charter and vision)</td>
          </tr>
          <tr>
            <td>
              <kbd>↑</kbd> / <kbd>↓</kbd>
            </td>
            <td>Move through the notes list and the contacts list</td>
          </tr>
          <tr>
            <td>
              <kbd>/</kbd>
            </td>
            <td>Search contacts (People)</td>
          </tr>
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>Show this list</td>
          </tr>
          <tr>
            <td>
              <kbd>Tab</kbd> / <kbd>Shift</kbd> + <kbd>Tab</kbd>
            </td>
            <td>Move between controls; the first Tab offers “Skip to content”</td>
          </tr>
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button button--primary">
          Close
        </button>
      </form>
    </dialog>
  );
}
