import { describe, expect, it } from 'vitest';
import { detectDayMonthOrder, parseSurveyDate } from '../../../shared/surveys/parse-survey-date';

const utc = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => Date.UTC(year, month - 1, day, hour, minute, second);

describe('parseSurveyDate', () => {
  it('reads ISO 8601 with and without zones', () => {
    expect(parseSurveyDate('2024-11-06T18:40:00Z')).toBe(utc(2024, 11, 6, 18, 40));
    expect(parseSurveyDate('2024-11-06T18:40:00.250Z')).toBe(utc(2024, 11, 6, 18, 40) + 250);
    expect(parseSurveyDate('2024-11-06T18:40:00+02:00')).toBe(utc(2024, 11, 6, 16, 40));
    expect(parseSurveyDate('2024-11-06T18:40:00-0500')).toBe(utc(2024, 11, 6, 23, 40));
    expect(parseSurveyDate('2024-11-06')).toBe(utc(2024, 11, 6));
  });

  it('reads the survey tools’ own forms', () => {
    expect(parseSurveyDate('2016-05-04 10:12:11')).toBe(utc(2016, 5, 4, 10, 12, 11));
    expect(parseSurveyDate('2025/12/10 9:03:11 AM GMT')).toBe(utc(2025, 12, 10, 9, 3, 11));
    expect(parseSurveyDate('2025/12/10 12:03:11 AM GMT')).toBe(utc(2025, 12, 10, 0, 3, 11));
    expect(parseSurveyDate('2025/12/10 12:03:11 PM GMT')).toBe(utc(2025, 12, 10, 12, 3, 11));
    expect(parseSurveyDate('2019/07/01 10:00:00 AM MDT')).toBe(utc(2019, 7, 1, 16));
    expect(parseSurveyDate('2019/07/01 10:00:00 AM GMT+2')).toBe(utc(2019, 7, 1, 8));
    expect(parseSurveyDate('11/6/2024 18:40')).toBe(utc(2024, 11, 6, 18, 40));
    expect(parseSurveyDate('11/06/2024 04:42:10 PM')).toBe(utc(2024, 11, 6, 16, 42, 10));
    expect(parseSurveyDate('12/16/2021 1:17:04')).toBe(utc(2021, 12, 16, 1, 17, 4));
    expect(parseSurveyDate('06.11.2024 18:40')).toBe(utc(2024, 11, 6, 18, 40));
    expect(parseSurveyDate('6/11/24')).toBe(utc(2024, 6, 11));
  });

  it('reads day-first dates when told to', () => {
    expect(parseSurveyDate('06/11/2024 18:40', 'day-first')).toBe(utc(2024, 11, 6, 18, 40));
    expect(parseSurveyDate('06/11/2024 18:40', 'month-first')).toBe(utc(2024, 6, 11, 18, 40));
  });

  it('gives undefined for text that is not a date', () => {
    for (const text of ['', 'yesterday', '2024-13-01', '2024-02-30', '31/31/2024', '2024-11-06 25:00', '13:00 PM 2024/01/01', '2024/01/01 13:00:00 PM', '2024-01-01 10:00 XYZT', '12345']) {
      expect(parseSurveyDate(text), text).toBeUndefined();
    }
  });
});

describe('detectDayMonthOrder', () => {
  it('puts the day first only when a first number is over 12 and no second one is', () => {
    expect(detectDayMonthOrder(['06/11/2024 18:40', '25/11/2024 09:00'])).toBe('day-first');
    expect(detectDayMonthOrder(['11/6/2024 18:40', '11/25/2024 09:00'])).toBe('month-first');
    expect(detectDayMonthOrder(['01/02/2024', '2024-05-06'])).toBe('month-first');
    expect(detectDayMonthOrder([])).toBe('month-first');
  });
});

describe('parseSurveyDate in an export time zone', () => {
  it('reads a time without a zone in the IANA zone a Qualtrics ImportId names, daylight saving included', () => {
    // America/Denver: UTC-7 in winter (MST), UTC-6 in summer (MDT).
    expect(parseSurveyDate('2024-11-06 18:40:00', 'month-first', 'America/Denver')).toBe(Date.UTC(2024, 10, 7, 1, 40));
    expect(parseSurveyDate('2024-07-01 09:00:00', 'month-first', 'America/Denver')).toBe(Date.UTC(2024, 6, 1, 15, 0));
    expect(parseSurveyDate('11/6/2024 18:40', 'month-first', 'Europe/Berlin')).toBe(Date.UTC(2024, 10, 6, 17, 40));
  });

  it('keeps a zone written in the text, and UTC for an unknown zone name', () => {
    expect(parseSurveyDate('2024-11-06T18:40:00Z', 'month-first', 'America/Denver')).toBe(Date.UTC(2024, 10, 6, 18, 40));
    expect(parseSurveyDate('2024-11-06 18:40:00', 'month-first', 'Not/AZone')).toBe(Date.UTC(2024, 10, 6, 18, 40));
  });
});
