import { richTextToPlainText, type RichTextDoc } from '../domain/rich-text';

const MAX_DEPTH = 16;

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isDoc(value: Readonly<Record<string, unknown>>): value is Readonly<Record<string, unknown>> & RichTextDoc {
  return value.type === 'doc';
}

// "capabilityNotes" reads "Capability notes".
function labelOf(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isHiddenKey(key: string): boolean {
  return key === 'id' || key === 'type' || /Ids?$/.test(key);
}

function visit(value: unknown, label: string, lines: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    if (value.trim() !== '') lines.push(label === '' ? value : `${label}: ${value}`);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) visit(item, label, lines, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  if (isDoc(value)) {
    const text = richTextToPlainText(value);
    if (text.trim() !== '') lines.push(label === '' ? text : `${label}:\n${text}`);
    return;
  }
  for (const [key, field] of Object.entries(value)) {
    if (!isHiddenKey(key)) visit(field, labelOf(key), lines, depth + 1);
  }
}

/**
 * A form's value (strings, lists, rich-text documents) as plain text a person can read and copy:
 * one "Label: text" line per filled field, rich text as its plain text. Ids are left out.
 */
export function formValueText(value: unknown): string {
  const lines: string[] = [];
  visit(value, '', lines, 0);
  return lines.join('\n');
}
