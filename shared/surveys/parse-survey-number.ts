const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const THOUSANDS = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/**
 * A survey cell read as a number, or null when it is not one. Accepts `42`, `-3.5`, `4.0`, `.5`,
 * `1e3`, US thousands (`1,234.5`) and a decimal comma (`3,5`; but `1,500` is fifteen hundred);
 * spaces inside (`10 000`) are ignored. Currency signs, units and percentages are not numbers.
 */
export function parseSurveyNumber(text: string): number | null {
  let value = text.trim();
  if (value === '') return null;
  if (/[\s\u00a0\u202f]/.test(value)) value = value.replace(/[\s\u00a0\u202f]+/g, '');
  let parsed: number;
  if (PLAIN.test(value)) parsed = Number(value);
  else if (THOUSANDS.test(value)) parsed = Number(value.replaceAll(',', ''));
  else if (DECIMAL_COMMA.test(value)) parsed = Number(value.replace(',', '.'));
  else return null;
  return Number.isFinite(parsed) ? parsed : null;
}

/** Whether a number cell is written with leading zeros (`007`, `02139`): an identifier or code, not a quantity. */
export function hasLeadingZero(text: string): boolean {
  return /^[+-]?0\d/.test(text.trim());
}
