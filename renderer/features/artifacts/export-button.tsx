import { useState, type FormEvent } from 'react';
import type { Round } from '../../../shared/domain/round';
import { EXPORT_PARTS, type ExportPart } from '../../../shared/export/build-artifacts-export';
import { useToast } from '../../components/toast';
import { useActionIntent } from '../../components/use-action-intent';
import { useModalDialog } from '../../components/use-modal-dialog';
import { usePlatform } from '../../platform';
import { useArtifactsExport, type ExportFormat } from './use-artifacts-export';
import { usePainList } from './use-pain-list';

type PartChoice = ExportPart | 'all';

const FORMATS: readonly { readonly id: ExportFormat; readonly label: string }[] = [
  { id: 'markdown', label: 'Markdown (.md)' },
  { id: 'html', label: 'Standalone HTML (.html)' },
  { id: 'pdf', label: 'PDF' },
];

/** Exports one artifact or the whole pack (artifacts, workshop record, plan, validation) to Markdown, HTML or PDF, every citation a footnote. */
export function ExportButton({ round }: { readonly round: Round }) {
  const [isOpen, setIsOpen] = useState(false);
  useActionIntent('export-artifacts', () => setIsOpen(true));
  return (
    <>
      <button type="button" className="button" onClick={() => setIsOpen(true)}>
        Export…
      </button>
      {isOpen && <ExportDialog round={round} onClose={() => setIsOpen(false)} />}
    </>
  );
}

function ExportDialog({ round, onClose }: { readonly round: Round; readonly onClose: () => void }) {
  const dialogRef = useModalDialog(true);
  const platform = usePlatform();
  const showToast = useToast();
  const painList = usePainList(round.id);
  const render = useArtifactsExport(round, painList ?? []);
  const [part, setPart] = useState<PartChoice>('all');
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [isAnonymised, setIsAnonymised] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setIsBusy(true);
    setProblem(null);
    try {
      const rendered = await render({ parts: part === 'all' ? EXPORT_PARTS.map((entry) => entry.id) : [part], format, isAnonymised });
      if (format === 'pdf') {
        const printed = await platform.printToPdf({ title: 'Export as PDF', suggestedName: rendered.fileName, html: rendered.html });
        if (!printed.ok) {
          setProblem(`Not exported: ${printed.error.message}`);
          return;
        }
        if (printed.value !== null) showToast({ message: `Exported ${printed.value.path}` });
      } else {
        const saved = await platform.saveFile({
          title: 'Export artifacts',
          suggestedName: rendered.fileName,
          bytes: new TextEncoder().encode(rendered.text),
          filters: [format === 'markdown' ? { name: 'Markdown', extensions: ['md'] } : { name: 'HTML', extensions: ['html'] }],
        });
        if (!saved.ok) {
          setProblem(`Not exported: ${saved.error.message}`);
          return;
        }
        if (saved.value !== null) showToast({ message: `Exported ${saved.value.path}` });
      }
      onClose();
    } catch (error) {
      // The platform's failures are worded for people (above); anything else is a defect, never shown raw.
      console.error('Export failed', error);
      setProblem('Not exported: something went wrong while building the file. Try again; if it fails again, export one artifact at a time to find the one that cannot be exported.');
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog export-dialog"
      aria-labelledby="export-title"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <form onSubmit={(event) => void submit(event)}>
        <h2 id="export-title" className="export-dialog__title">
          Export artifacts
        </h2>
        <fieldset className="export-dialog__group">
          <legend className="field__label">What</legend>
          {[...EXPORT_PARTS, { id: 'all' as const, label: 'Everything, as one document' }].map((entry) => (
            <label key={entry.id} className="checkbox">
              <input type="radio" name="export-part" checked={part === entry.id} onChange={() => setPart(entry.id)} />
              {entry.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="export-dialog__group">
          <legend className="field__label">Format</legend>
          {FORMATS.map((entry) => (
            <label key={entry.id} className="checkbox">
              <input type="radio" name="export-format" checked={format === entry.id} onChange={() => setFormat(entry.id)} />
              {entry.label}
            </label>
          ))}
          {format === 'pdf' && platform.kind === 'browser' && <p className="muted">The print dialog opens: choose “Save as PDF” as the printer.</p>}
        </fieldset>
        <label className="checkbox">
          <input type="checkbox" checked={isAnonymised} onChange={(event) => setIsAnonymised(event.target.checked)} />
          Replace people’s names (by their role or team) and e-mail addresses everywhere: titles, quotes, footnotes
        </label>
        <p className="muted export-dialog__hint">Every citation becomes a footnote naming its source, channel and date.</p>
        {problem !== null && (
          <p className="notice notice--error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={isBusy}>
            {isBusy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
