import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../../shared/domain/survey';
import { ensureSurveyFile } from '../../bench/ensure-survey-file';
import { generateSurvey } from '../../bench/generate-survey';
import { surveyCsvLines } from '../../bench/survey-csv-lines';

/** A small RFC 4180 reader, enough to read back what the generator wrote. */
function parseCsv(content: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let isQuoted = false;
  for (let index = 0; index < content.length; index += 1) {
    const char = content.charAt(index);
    if (isQuoted) {
      if (char === '"' && content.charAt(index + 1) === '"') {
        cell += '"';
        index += 1;
      } else if (char === '"') {
        isQuoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      isQuoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && content.charAt(index + 1) === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      index += 1;
    } else {
      cell += char;
    }
  }
  return rows;
}

function cellOf(answer: SurveyAnswer, separator: string): string {
  if (answer === null) return '';
  return Array.isArray(answer) ? answer.join(separator) : String(answer);
}

describe('generateSurvey', () => {
  it('is reproducible: twenty questions of every type, one record per respondent', () => {
    const survey = generateSurvey({ seed: 9, responseCount: 500 });
    const again = generateSurvey({ seed: 9, responseCount: 500 });
    expect(again.questions).toEqual(survey.questions);
    expect(again.responseAt(321)).toEqual(survey.responseAt(321));
    expect(generateSurvey({ seed: 10, responseCount: 500 }).responseAt(321).email).not.toBe(survey.responseAt(321).email);

    expect(survey.questions).toHaveLength(20);
    expect(new Set(survey.questions.map((question) => question.type))).toEqual(
      new Set(['scale', 'number', 'single-choice', 'multi-choice', 'free-text', 'grid-item']),
    );
    const responses = Array.from({ length: 500 }, (_, index) => survey.responseAt(index).response);
    expect(new Set(responses.map((response) => response.respondentKey)).size).toBe(500);
    for (const response of responses) {
      expect(response.surveyId).toBe(survey.survey.id);
      expect(Object.keys(response.answers).sort()).toEqual(survey.questions.map((question) => question.id).sort());
    }
    const submitted = responses.map((response) => response.submittedAt ?? 0);
    expect(submitted).toEqual([...submitted].sort((a, b) => a - b));
  });

  it.each([
    ['google-forms', ', ', ['Timestamp', 'Email Address']],
    ['generic', ';', ['Response ID', 'Submitted At', 'Email']],
  ] as const)('writes a %s CSV that reads back to the same answers', (shape, separator, leading) => {
    const survey = generateSurvey({ seed: 4, responseCount: 300 });
    const rows = parseCsv([...surveyCsvLines(survey, shape)].join(''));
    expect(rows).toHaveLength(301);
    const [header, ...body] = rows;
    expect(header?.slice(0, leading.length)).toEqual(leading);
    expect(header).toHaveLength(leading.length + 20);
    expect(header).toContain('Rate each part of the platform [CI]');
    for (const [index, row] of body.entries()) {
      const { response, email } = survey.responseAt(index);
      expect(row).toContain(email);
      expect(row.slice(leading.length)).toEqual(survey.questions.map((question) => cellOf(response.answers[question.id] ?? null, separator)));
    }
    // Free text with commas, quotes and line breaks is what makes CSV parsing hard: it is there.
    expect(body.some((row) => row.some((cell) => cell.includes('\n')))).toBe(true);
    expect(body.some((row) => row.some((cell) => cell.includes('"')))).toBe(true);
  });

  it('writes a survey file once and reuses it after', async () => {
    const cacheDir = await mkdtemp(join(tmpdir(), 'survey-file-'));
    try {
      const first = await ensureSurveyFile({ cacheDir, shape: 'google-forms', seed: 1, responseCount: 50 });
      const second = await ensureSurveyFile({ cacheDir, shape: 'google-forms', seed: 1, responseCount: 50 });
      expect(first.isNew).toBe(true);
      expect(second).toEqual({ ...first, isNew: false });
      expect(parseCsv(await readFile(first.path, 'utf8'))).toHaveLength(51);
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
  });
});
