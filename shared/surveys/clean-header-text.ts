const BLOCK_TAG = /<\s*\/?\s*(?:br|p|div|li|ul|ol|tr|td|th|h[1-6]|hr)\b[^>]*>/gi;
const ANY_TAG = /<\s*\/?\s*[a-z][a-z0-9-]*(?:\s[^<>]*)?\s*\/?\s*>/gi;
const ENTITY = /&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  deg: '°',
  times: '×',
  iexcl: '¡',
  iquest: '¿',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  ntilde: 'ñ',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
  ccedil: 'ç',
  egrave: 'è',
  agrave: 'à',
};

function decodeEntity(match: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? match;
}

/**
 * A header or label as a person should read it: HTML tags removed (line-breaking ones become a
 * space), entities such as `&amp;` and `&#39;` decoded, whitespace (line breaks, non-breaking
 * spaces) collapsed to single spaces and trimmed. Text that only looks like a tag (`< 18`) is kept.
 */
export function cleanHeaderText(raw: string): string {
  let text = raw;
  if (text.includes('<')) text = text.replace(BLOCK_TAG, ' ').replace(ANY_TAG, '');
  if (text.includes('&')) text = text.replace(ENTITY, decodeEntity);
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}
