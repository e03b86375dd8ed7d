import type { RichTextMark, RichTextNode } from '../domain/rich-text';
import { isSafeLinkHref } from '../rich-text/sanitize-rich-text';
import { solutionKindLabel, type ExportDocument, type ExportOptions, type PainListEntry, type PainQuote } from './artifact-export-document';
import { cleanExportDocument, cleanExportOptions, listStart, nestedHeadingLevel } from './clean-export-document';
import { collectFootnotes, type Footnotes } from './collect-footnotes';

/**
 * Escapes user text for Markdown with backslashes only (never HTML entities, which show up
 * literally in Markdown viewers that do not render them): `<` and `>` always (so no HTML tag or
 * autolink can form), `&` where it would start an entity reference, emphasis, code, link, table
 * and strike characters everywhere, and heading, list and rule markers where they start a line,
 * so text can never become markup.
 */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]|~<>]/g, '\\$&')
      .replace(/&(?=#?[\p{L}\p{N}]+;)/gu, '\\&')
      // Only at the start of a line do these begin a heading, list, rule or setext underline.
      .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
      .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
  );
}

/** The document as Markdown, with every citation a footnote (`[^1]`) naming source, channel and date. */
export function renderMarkdown(stored: ExportDocument, storedOptions: ExportOptions): string {
  const document = cleanExportDocument(stored);
  const options = cleanExportOptions(storedOptions);
  const footnotes = collectFootnotes(document, options);
  const out: string[] = [`# ${escapeLine(document.title)}`];
  if (document.subtitle !== undefined) out.push(`*${escapeLine(document.subtitle)}*`);
  for (const section of document.sections) {
    out.push(`${'#'.repeat(section.level)} ${escapeLine(section.heading)}`);
    for (const block of section.blocks) {
      if (block.kind === 'rich-text') {
        const rendered = blocksToMarkdown(block.doc.content ?? [], footnotes);
        out.push(rendered.length > 0 ? rendered.join('\n\n') : '*Nothing written yet.*');
      } else if (block.kind === 'list') {
        out.push(block.items.length > 0 ? block.items.map((item) => `- ${escapeLine(item)}`).join('\n') : '*None yet.*');
      } else if (block.kind === 'note') {
        out.push(`*${escapeLine(block.text)}*`);
      } else if (block.kind === 'table') {
        out.push(tableToMarkdown(block.columns, block.rows));
      } else {
        out.push(...block.entries.map((entry) => painEntryToMarkdown(entry, section.level + 1)));
      }
    }
  }
  if (footnotes.list.length > 0) {
    out.push(footnotes.list.map((footnote) => `[^${footnote.number}]: ${escapeLine(footnote.text)}`).join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

// Each bucket is a heading one level below the section holding the list.
function painEntryToMarkdown(entry: PainListEntry, level: number): string {
  const lines = [`${'#'.repeat(level)} ${entry.rank === null ? 'Unranked' : `${entry.rank}.`} ${escapeLine(entry.title.trim() || 'Untitled bucket')}`];
  if (entry.statement.trim() !== '') lines.push('', escapeLine(entry.statement));
  lines.push('', `**Kind of solution:** ${solutionKindLabel(entry.solutionKind)}`);
  const evidence = [...entry.evidence, ...(entry.strength === undefined ? [] : [`strength: ${entry.strength}`])];
  lines.push('', `**Evidence:** ${evidence.length > 0 ? escapeLine(evidence.join(', ')) : 'none yet'}`);
  if (entry.slaGaps.length > 0) lines.push('', '**SLA gaps:**', '', ...entry.slaGaps.map((gap) => `- ${escapeLine(gap)}`));
  if (entry.quotes.length > 0) lines.push('', '**What users said:**', ...quotesToMarkdown(entry.quotes));
  if (entry.marketQuotes.length > 0) lines.push('', '**What the market and research say:**', ...quotesToMarkdown(entry.marketQuotes));
  return lines.join('\n');
}

function quotesToMarkdown(quotes: readonly PainQuote[]): string[] {
  return quotes.flatMap((quote) => ['', `> ${escapeLine(quote.text)}`, `> — ${escapeLine(quote.attribution)}`]);
}

/** A pipe table; every cell is one escaped line (pipes are escaped by escapeMarkdown). */
function tableToMarkdown(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '*None yet.*';
  const line = (cells: readonly string[]) => `| ${columns.map((_, index) => escapeLine(cells[index] ?? '') || ' ').join(' | ')} |`;
  return [line(columns), `| ${columns.map(() => '---').join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** One line of user text: escaped, line breaks folded to spaces. */
function escapeLine(text: string): string {
  return escapeMarkdown(text.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}

function blocksToMarkdown(nodes: readonly RichTextNode[], footnotes: Footnotes): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    const rendered = blockToMarkdown(node, footnotes);
    if (rendered !== null) out.push(rendered);
  }
  return out;
}

function blockToMarkdown(node: RichTextNode, footnotes: Footnotes): string | null {
  const children = node.content ?? [];
  switch (node.type) {
    case 'paragraph':
      return inlineToMarkdown(children, footnotes);
    case 'heading': {
      // Headings inside an artifact sit under the section's own heading.
      return `${'#'.repeat(nestedHeadingLevel(node.attrs?.['level']))} ${inlineToMarkdown(children, footnotes)}`;
    }
    case 'blockquote':
      return prefixLines(blocksToMarkdown(children, footnotes).join('\n\n'), '> ', '> ');
    case 'bulletList':
      return children.map((item) => listItemToMarkdown(item, '- ', footnotes)).join('\n');
    case 'orderedList': {
      const start = listStart(node.attrs?.['start']);
      return children.map((item, index) => listItemToMarkdown(item, `${start + index}. `, footnotes)).join('\n');
    }
    case 'taskList':
      return children.map((item) => listItemToMarkdown(item, item.attrs?.['checked'] === true ? '- [x] ' : '- [ ] ', footnotes)).join('\n');
    case 'codeBlock': {
      const text = children.map((child) => child.text ?? '').join('');
      const fence = '`'.repeat(Math.max(3, longestRun(text, '`') + 1));
      return `${fence}\n${text}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    default:
      return children.length > 0 ? blocksToMarkdown(children, footnotes).join('\n\n') : null;
  }
}

function listItemToMarkdown(item: RichTextNode, marker: string, footnotes: Footnotes): string {
  const body = blocksToMarkdown(item.content ?? [], footnotes).join('\n\n');
  return prefixLines(body === '' ? ' ' : body, marker, ' '.repeat(marker.length));
}

function prefixLines(text: string, first: string, rest: string): string {
  return text
    .split('\n')
    .map((line, index) => (index === 0 ? first : rest) + line)
    .join('\n');
}

function inlineToMarkdown(nodes: readonly RichTextNode[], footnotes: Footnotes): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '\\\n';
      if (node.type === 'citation') {
        const number = footnotes.numberOf(node);
        return number === null ? '' : `[^${number}]`;
      }
      if (node.text === undefined) return '';
      return applyMarks(node.text, node.marks ?? []);
    })
    .join('');
}

function applyMarks(text: string, marks: readonly RichTextMark[]): string {
  if (marks.some((mark) => mark.type === 'code')) {
    const ticks = '`'.repeat(longestRun(text, '`') + 1);
    return `${ticks}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${ticks}`;
  }
  let out = escapeMarkdown(text);
  for (const mark of marks) {
    if (mark.type === 'bold') out = `**${out}**`;
    else if (mark.type === 'italic') out = `*${out}*`;
    else if (mark.type === 'strike') out = `~~${out}~~`;
  }
  const link = marks.find((mark) => mark.type === 'link');
  const href = link?.attrs?.['href'];
  if (typeof href === 'string' && isSafeLinkHref(href)) out = `[${out}](${encodeHref(href.trim())})`;
  return out;
}

function encodeHref(href: string): string {
  return href.replace(/[()<>\s"'\\`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
