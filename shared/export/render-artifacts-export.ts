import type { ExportDocument, ExportOptions, NameReplacement } from './artifact-export-document';
import { cleanExportDocument, cleanExportOptions, cleanNameReplacements } from './clean-export-document';
import { redactExport } from './redact-export';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';

export interface RenderArtifactsOptions extends ExportOptions {
  /** When given, people are hidden from everything the export prints (see redactExport). */
  readonly nameReplacements?: readonly NameReplacement[];
}

/** The export pipeline: the document cleaned, names hidden once (when asked), then the same document as Markdown and as standalone HTML. */
export function renderArtifactsExport(stored: ExportDocument, { nameReplacements, ...storedOptions }: RenderArtifactsOptions): { readonly markdown: string; readonly html: string } {
  const document = cleanExportDocument(stored);
  const options = cleanExportOptions(storedOptions);
  const redacted = nameReplacements === undefined ? { document, options } : redactExport(document, options, cleanNameReplacements(nameReplacements));
  return { markdown: renderMarkdown(redacted.document, redacted.options), html: renderHtml(redacted.document, redacted.options) };
}
