import { describe, expect, it } from 'vitest';
import { decodeSurveyBytes } from '../../../shared/surveys/decode-survey-bytes';
import type { SurveyFormat } from '../../../shared/surveys/detect-survey-format';
import { parseSurveyTable } from '../../../shared/surveys/parse-survey-table';

import { HAS_REAL_SURVEYS, NO_REAL_SURVEYS_REASON, realSurveyBytes as realFile } from './survey-fixtures';

if (!HAS_REAL_SURVEYS) console.warn(`Skipping the real survey exports: ${NO_REAL_SURVEYS_REASON}`);

const cases: readonly [file: string, format: SurveyFormat, headerRows: number, responses: number][] = [
  ['rmer-music-emotion-2016.csv', 'qualtrics', 3, 212],
  ['qualtricstools-sidebyside-2016-singlequote-importid.csv', 'qualtrics', 3, 25],
  ['qualtricstools-many-question-types-legacy.csv', 'qualtrics-legacy', 2, 5],
  ['fivethirtyeight-steak-risk-survey.csv', 'surveymonkey', 2, 550],
  ['osmi-mental-health-2018.csv', 'typeform', 1, 417],
  ['spack-user-survey-2021.csv', 'google-forms', 1, 179],
  ['dask-user-survey-2019.csv', 'google-forms', 1, 259],
  ['rstudio-r-community-survey-2019-es.csv', 'google-forms', 1, 338],
  ['cpp-developer-survey-2016-full-headings.csv', 'limesurvey', 1, 647],
];

describe.skipIf(!HAS_REAL_SURVEYS)('real survey exports', () => {
  it.each(cases)('%s is %s with %i header rows and %i responses', (file, format, headerRows, responses) => {
    const decoded = decodeSurveyBytes(realFile(file));
    expect(decoded.text.startsWith('\uFEFF')).toBe(false);
    const result = parseSurveyTable(decoded.text);
    if (!result.ok) throw new Error(`${file}: row ${result.problem.row}: ${result.problem.message}`);
    expect(result.table.format).toBe(format);
    expect(result.table.delimiter).toBe(',');
    expect(result.table.headerRows).toHaveLength(headerRows);
    expect(result.table.rows).toHaveLength(responses);
    const width = result.table.headerRows[0]?.length;
    expect(result.table.rows.every((row) => row.length === width)).toBe(true);
  });

  it('detects the BOM on files that have one', () => {
    expect(decodeSurveyBytes(realFile('spack-user-survey-2021.csv')).encoding).toBe('utf-8-bom');
    expect(decodeSurveyBytes(realFile('qualtricstools-many-question-types-legacy.csv')).encoding).toBe('utf-8-bom');
    expect(decodeSurveyBytes(realFile('rmer-music-emotion-2016.csv')).encoding).toBe('utf-8');
  });

  it('keeps Spanish text and multi-line answers intact', () => {
    const result = parseSurveyTable(decodeSurveyBytes(realFile('rstudio-r-community-survey-2019-es.csv')).text);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.table.headerRows[0]?.[1]).toBe('¿Cómo calificarías tu nivel de experiencia usando R?');
    expect(result.table.rows.some((row) => row.some((cell) => cell.includes('\n')))).toBe(true);
  });

  it('keeps Qualtrics ImportId JSON unquoted in the third header row', () => {
    const result = parseSurveyTable(decodeSurveyBytes(realFile('rmer-music-emotion-2016.csv')).text);
    if (!result.ok) throw new Error(result.problem.message);
    expect(result.table.headerRows[2]?.[0]).toMatch(/^\{"ImportId":"startDate"/);
  });
});
