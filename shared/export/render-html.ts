import type { RichTextMark, RichTextNode } from '../domain/rich-text';
import { isSafeLinkHref } from '../rich-text/sanitize-rich-text';
import { solutionKindLabel, type ExportDocument, type ExportOptions, type PainListEntry, type PainQuote } from './artifact-export-document';
import { cleanExportDocument, cleanExportOptions, listStart, nestedHeadingLevel } from './clean-export-document';
import { collectFootnotes, type Footnotes } from './collect-footnotes';

interface HtmlFootnotes extends Footnotes {
  /** Footnotes whose first mention already carries the back-link target. */
  readonly anchored: Set<number>;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
:root { color-scheme: light; }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2330; background: #fff; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.9rem; margin: 0 0 .25rem; }
h2 { font-size: 1.45rem; margin: 2.2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid #d8dce5; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.subtitle { color: #5a6272; margin: 0 0 1.5rem; }
.empty { color: #6b7280; font-style: italic; }
blockquote { margin: .8rem 0; padding: .2rem 0 .2rem 1rem; border-left: 3px solid #c9cfdb; color: #394150; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .9em; background: #f3f4f7; border-radius: 4px; }
code { padding: .1em .3em; }
pre { padding: .8rem 1rem; overflow-x: auto; white-space: pre-wrap; }
a { color: #2550c8; }
sup.citation a { text-decoration: none; font-weight: 600; }
.pain { border: 1px solid #d8dce5; border-radius: 8px; padding: .8rem 1.1rem; margin: 1rem 0; break-inside: avoid; }
.pain h3, .pain h4 { margin-top: .2rem; }
.pain dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
.pain dt { font-weight: 600; }
.pain dd { margin: 0; }
.quote-attribution { display: block; font-size: .9em; color: #5a6272; margin-top: .2rem; }
.quotes-heading { font-weight: 600; margin: .8rem 0 .2rem; }
.pain dd ul { margin: 0; padding-left: 1.1rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1rem; font-size: .95rem; }
th, td { border: 1px solid #d8dce5; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #f3f4f7; }
.footnotes { margin-top: 3rem; border-top: 1px solid #d8dce5; font-size: .9rem; }
.footnotes li { margin: .3rem 0; }
.footnotes .deleted { color: #8a8f99; text-decoration: line-through; }
@media print { body { margin: 0; max-width: none; } a { color: inherit; } h2 { break-after: avoid; } }
`;

/**
 * The document as one standalone HTML page: inline CSS, no script and no external resource (its
 * Content-Security-Policy allows none), every citation a footnote naming source, channel and date.
 */
export function renderHtml(stored: ExportDocument, storedOptions: ExportOptions): string {
  const document = cleanExportDocument(stored);
  const options = cleanExportOptions(storedOptions);
  const collected = collectFootnotes(document, options);
  const footnotes: HtmlFootnotes = { ...collected, anchored: new Set() };
  const body: string[] = [`<h1>${escapeHtml(document.title)}</h1>`];
  if (document.subtitle !== undefined) body.push(`<p class="subtitle">${escapeHtml(document.subtitle)}</p>`);
  for (const section of document.sections) {
    body.push(`<section>`, `<h${section.level}>${escapeHtml(section.heading)}</h${section.level}>`);
    for (const block of section.blocks) {
      if (block.kind === 'rich-text') {
        const rendered = blocksToHtml(block.doc.content ?? [], footnotes);
        body.push(rendered === '' ? '<p class="empty">Nothing written yet.</p>' : rendered);
      } else if (block.kind === 'list') {
        body.push(block.items.length > 0 ? `<ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '<p class="empty">None yet.</p>');
      } else if (block.kind === 'note') {
        body.push(`<p class="empty">${escapeHtml(block.text)}</p>`);
      } else if (block.kind === 'table') {
        body.push(tableToHtml(block.columns, block.rows));
      } else {
        body.push(...block.entries.map((entry) => painEntryToHtml(entry, section.level + 1)));
      }
    }
    body.push('</section>');
  }
  if (footnotes.list.length > 0) {
    body.push(
      '<section class="footnotes" aria-label="Sources">',
      '<h2>Sources</h2>',
      '<ol>',
      ...footnotes.list.map(
        (footnote) =>
          `<li id="fn-${footnote.number}"${footnote.isDeleted ? ' class="deleted"' : ''}>${escapeHtml(footnote.text)} <a href="#fnref-${footnote.number}" aria-label="Back to the text">↩</a></li>`,
      ),
      '</ol>',
      '</section>',
    );
  }
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function quotesToHtml(heading: string, quotes: readonly PainQuote[]): string {
  if (quotes.length === 0) return '';
  return `<p class="quotes-heading">${heading}</p>${quotes
    .map((quote) => `<blockquote>${escapeHtml(quote.text)}<span class="quote-attribution">— ${escapeHtml(quote.attribution)}</span></blockquote>`)
    .join('')}`;
}

function tableToHtml(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '<p class="empty">None yet.</p>';
  const head = `<thead><tr>${columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${columns.map((_, index) => `<td>${escapeHtml(row[index] ?? '')}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

// Each bucket is a heading one level below the section holding the list.
function painEntryToHtml(entry: PainListEntry, level: number): string {
  const evidence = [...entry.evidence, ...(entry.strength === undefined ? [] : [`strength: ${entry.strength}`])];
  const quotes = quotesToHtml('What users said', entry.quotes) + quotesToHtml('What the market and research say', entry.marketQuotes);
  return [
    '<article class="pain">',
    `<h${level}>${entry.rank === null ? 'Unranked' : `${entry.rank}.`} ${escapeHtml(entry.title.trim() || 'Untitled bucket')}</h${level}>`,
    entry.statement.trim() === '' ? '' : `<p>${escapeHtml(entry.statement)}</p>`,
    '<dl>',
    `<dt>Kind of solution</dt><dd>${solutionKindLabel(entry.solutionKind)}</dd>`,
    `<dt>Evidence</dt><dd>${evidence.length > 0 ? escapeHtml(evidence.join(', ')) : 'none yet'}</dd>`,
    entry.slaGaps.length === 0 ? '' : `<dt>SLA gaps</dt><dd><ul>${entry.slaGaps.map((gap) => `<li>${escapeHtml(gap)}</li>`).join('')}</ul></dd>`,
    '</dl>',
    quotes,
    '</article>',
  ].join('');
}

function blocksToHtml(nodes: readonly RichTextNode[], footnotes: HtmlFootnotes): string {
  return nodes.map((node) => blockToHtml(node, footnotes)).join('\n');
}

function blockToHtml(node: RichTextNode, footnotes: HtmlFootnotes): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlineToHtml(children, footnotes)}</p>`;
    case 'heading': {
      const tag = `h${nestedHeadingLevel(node.attrs?.['level'])}`;
      return `<${tag}>${inlineToHtml(children, footnotes)}</${tag}>`;
    }
    case 'blockquote':
      return `<blockquote>${blocksToHtml(children, footnotes)}</blockquote>`;
    case 'bulletList':
      return `<ul>${children.map((item) => `<li>${blocksToHtml(item.content ?? [], footnotes)}</li>`).join('')}</ul>`;
    case 'orderedList': {
      const start = listStart(node.attrs?.['start']);
      return `<ol start="${start}">${children.map((item) => `<li>${blocksToHtml(item.content ?? [], footnotes)}</li>`).join('')}</ol>`;
    }
    case 'taskList':
      return `<ul class="tasks">${children
        .map((item) => `<li>${item.attrs?.['checked'] === true ? '☑' : '☐'} ${blocksToHtml(item.content ?? [], footnotes)}</li>`)
        .join('')}</ul>`;
    case 'codeBlock':
      return `<pre><code>${escapeHtml(children.map((child) => child.text ?? '').join(''))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    default:
      return blocksToHtml(children, footnotes);
  }
}

function inlineToHtml(nodes: readonly RichTextNode[], footnotes: HtmlFootnotes): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>';
      if (node.type === 'citation') {
        const number = footnotes.numberOf(node);
        if (number === null) return '';
        // The first mention of a source carries the back-link target.
        const id = footnotes.anchored.has(number) ? '' : ` id="fnref-${number}"`;
        footnotes.anchored.add(number);
        return `<sup class="citation"><a href="#fn-${number}"${id}>[${number}]</a></sup>`;
      }
      if (node.text === undefined) return '';
      return applyMarks(escapeHtml(node.text), node.marks ?? []);
    })
    .join('');
}

function applyMarks(html: string, marks: readonly RichTextMark[]): string {
  let out = html;
  for (const mark of marks) {
    if (mark.type === 'bold') out = `<strong>${out}</strong>`;
    else if (mark.type === 'italic') out = `<em>${out}</em>`;
    else if (mark.type === 'strike') out = `<s>${out}</s>`;
    else if (mark.type === 'code') out = `<code>${out}</code>`;
    else if (mark.type === 'underline') out = `<u>${out}</u>`;
  }
  const href = marks.find((mark) => mark.type === 'link')?.attrs?.['href'];
  if (typeof href === 'string' && isSafeLinkHref(href)) out = `<a href="${escapeHtml(href.trim())}" rel="noreferrer noopener">${out}</a>`;
  return out;
}
