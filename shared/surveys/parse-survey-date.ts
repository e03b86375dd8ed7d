/** How a date written with the day and month both first (`03/04/2024`) is read. */
export type DayMonthOrder = 'month-first' | 'day-first';

// Hours from UTC of zone abbreviations survey tools print (Google Forms writes the form owner's zone).
const ZONE_HOURS: Readonly<Record<string, number>> = {
  Z: 0,
  UTC: 0,
  GMT: 0,
  WET: 0,
  BST: 1,
  WEST: 1,
  CET: 1,
  CEST: 2,
  EET: 2,
  EEST: 3,
  MSK: 3,
  IST: 5.5,
  SGT: 8,
  HKT: 8,
  JST: 9,
  KST: 9,
  AEST: 10,
  AEDT: 11,
  NZST: 12,
  NZDT: 13,
  HST: -10,
  AKST: -9,
  AKDT: -8,
  PST: -8,
  PDT: -7,
  MST: -7,
  MDT: -6,
  CST: -6,
  CDT: -5,
  EST: -5,
  EDT: -4,
  AST: -4,
  ADT: -3,
};

const TIME = String.raw`(?:[T\s,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?)?`;
const ZONE = String.raw`\s*(Z|[A-Za-z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`);
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})[-/.](\d{4}|\d{2})${TIME}${ZONE}$`);

function zoneOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || zone === '') return 0;
  const numeric = /^([A-Za-z]*)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (numeric !== null) {
    const [, name = '', sign, hours = '0', minutes = '0'] = numeric;
    if (name !== '' && !['UTC', 'GMT'].includes(name.toUpperCase())) return null;
    return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  }
  const hours = ZONE_HOURS[zone.toUpperCase()];
  return hours === undefined ? null : hours * 60;
}

const zoneFormats = new Map<string, Intl.DateTimeFormat | null>();
const zoneOffsets = new Map<string, number>();

/** Minutes east of UTC in an IANA zone at an instant, or null for a zone this runtime does not know. */
function ianaOffsetMinutes(timeZone: string, instant: number): number | null {
  let format = zoneFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      format = null;
    }
    zoneFormats.set(timeZone, format);
  }
  if (format === null) return null;
  // Offsets change on the hour at most: one lookup per zone and hour.
  const key = `${timeZone}\u0000${Math.floor(instant / 3_600_000)}`;
  const cached = zoneOffsets.get(key);
  if (cached !== undefined) return cached;
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, (parts.hour ?? 0) % 24, parts.minute ?? 0, parts.second ?? 0);
  const offset = Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
  zoneOffsets.set(key, offset);
  return offset;
}

/** The instant of a wall-clock time (given as if it were UTC) in an IANA zone. */
function wallTimeInZone(wallAsUtc: number, timeZone: string): number | undefined {
  const first = ianaOffsetMinutes(timeZone, wallAsUtc);
  if (first === null) return undefined;
  const guess = wallAsUtc - first * 60_000;
  const second = ianaOffsetMinutes(timeZone, guess) ?? first;
  return wallAsUtc - second * 60_000;
}

function toTime(
  year: number,
  month: number,
  day: number,
  parts: readonly (string | undefined)[],
  timeZone?: string,
): number | undefined {
  const [hourText, minuteText, secondText, fractionText, meridiem, zone] = parts;
  let hour = hourText === undefined ? 0 : Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const second = secondText === undefined ? 0 : Number(secondText);
  const millisecond = fractionText === undefined ? 0 : Math.round(Number(`0.${fractionText}`) * 1000);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    const isPm = meridiem[0] === 'p' || meridiem[0] === 'P';
    hour = (hour % 12) + (isPm ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return undefined;
  const offset = zoneOffsetMinutes(zone);
  if (offset === null) return undefined;
  const time = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), millisecond);
  // Date.UTC rolls 31 April over to 1 May: refuse days the month does not have.
  if (new Date(time).getUTCDate() !== day) return undefined;
  // A time without a zone of its own is in the export's zone, when the export says which.
  if ((zone === undefined || zone === '') && timeZone !== undefined) return wallTimeInZone(time, timeZone) ?? time;
  return time - offset * 60_000;
}

/**
 * A submission time as milliseconds since 1970, or undefined when the text is not a date.
 * Reads ISO 8601 (`2024-11-06T18:40:00Z`), Qualtrics/Typeform/LimeSurvey `2016-05-04 10:12:11`,
 * Google Forms `2025/12/10 9:03:11 AM GMT`, Excel's US `11/6/2024 18:40`, day-first `06/11/2024`
 * (with `order`) and German `06.11.2024 18:40`. A time without a zone is taken in `timeZone`
 * (an IANA name, as a Qualtrics ImportId gives it) when given and known, else as UTC (exports
 * rarely say which zone they use); known zone abbreviations and `+02:00` offsets are applied.
 */
export function parseSurveyDate(text: string, order: DayMonthOrder = 'month-first', timeZone?: string): number | undefined {
  const value = text.trim();
  if (value.length < 6 || value.length > 40) return undefined;
  const yearFirst = YEAR_FIRST.exec(value);
  if (yearFirst !== null) {
    const [, year, month, day, ...rest] = yearFirst;
    return toTime(Number(year), Number(month), Number(day), rest, timeZone);
  }
  const yearLast = YEAR_LAST.exec(value);
  if (yearLast !== null) {
    const [, first, separator, second, yearText = '', ...rest] = yearLast;
    const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const isDayFirst = separator === '.' || order === 'day-first';
    return isDayFirst
      ? toTime(year, Number(second), Number(first), rest, timeZone)
      : toTime(year, Number(first), Number(second), rest, timeZone);
  }
  return undefined;
}

/**
 * Whether a column of `a/b/yyyy` dates puts the day first: it does when some first number is over
 * 12 and no second number is; otherwise month-first (the US form Google Forms and Excel write).
 */
export function detectDayMonthOrder(values: Iterable<string>): DayMonthOrder {
  let firstOver12 = false;
  let secondOver12 = false;
  for (const value of values) {
    const match = /^\s*(\d{1,2})[-/](\d{1,2})[-/]\d{2,4}\b/.exec(value);
    if (match === null) continue;
    if (Number(match[1]) > 12) firstOver12 = true;
    if (Number(match[2]) > 12) secondOver12 = true;
  }
  return firstOver12 && !secondOver12 ? 'day-first' : 'month-first';
}
