import { describe, expect, it } from 'vitest';
import { detectSurveyFormat } from '../../../shared/surveys/detect-survey-format';

describe('detectSurveyFormat', () => {
  it('recognises current Qualtrics by the ImportId row', () => {
    const rows = [
      ['StartDate', 'EndDate', 'Status', 'ResponseId', 'Q1'],
      ['Start Date', 'End Date', 'Response Type', 'Response ID', 'How was it?'],
      ['{"ImportId":"startDate","timeZone":"America/Denver"}', '{"ImportId":"endDate"}', '{"ImportId":"status"}', '{"ImportId":"_recordId"}', '{"ImportId":"QID1"}'],
      ['2024-11-06 18:40:00', '2024-11-06 18:45:00', 'IP Address', 'R_abc', '4'],
    ];
    expect(detectSurveyFormat(rows)).toEqual({ format: 'qualtrics', headerRowCount: 3 });
  });

  it('recognises a Qualtrics file re-saved through Excel without its ImportId row', () => {
    const rows = [
      ['StartDate', 'EndDate', 'Progress', 'Q1'],
      ['Start Date', 'End Date', 'Progress', 'How was it?'],
      ['11/6/2024 18:40', '11/6/2024 18:45', '100', '4'],
    ];
    expect(detectSurveyFormat(rows)).toEqual({ format: 'qualtrics', headerRowCount: 2 });
  });

  it('recognises legacy Qualtrics', () => {
    const rows = [['V1', 'V2', 'Q1'], ['ResponseID', 'ResponseSet', 'How was it?'], ['R_1', 'Default', '4']];
    expect(detectSurveyFormat(rows)).toEqual({ format: 'qualtrics-legacy', headerRowCount: 2 });
  });

  it('recognises SurveyMonkey with blank and condensed second rows', () => {
    const header = ['Respondent ID', 'Collector ID', 'Start Date', 'Which fruit?', ''];
    expect(detectSurveyFormat([header, ['', '', '', 'Apple', 'Other (please specify)'], ['114', '9', 'x', 'Apple', '']])).toEqual({
      format: 'surveymonkey',
      headerRowCount: 2,
    });
    expect(detectSurveyFormat([header, ['', '', '', '', ''], ['114', '9', 'x', 'Apple', '']]).headerRowCount).toBe(2);
    expect(detectSurveyFormat([header, ['114', '9', 'x', 'Apple', '']]).headerRowCount).toBe(1);
  });

  it('recognises Typeform', () => {
    const rows = [['#', 'Your name?', 'Start Date (UTC)', 'Submit Date (UTC)', 'Network ID'], ['a'.repeat(32), 'Ana', 'x', 'y', 'z']];
    expect(detectSurveyFormat(rows)).toEqual({ format: 'typeform', headerRowCount: 1 });
  });

  it('recognises Microsoft Forms, old and new', () => {
    const newer = [['ID', 'Start time', 'Completion time', 'Email', 'Name', 'Last modified time', 'Q1'], ['1', 'a', 'b', 'anonymous', '', '', 'x']];
    expect(detectSurveyFormat(newer)).toEqual({ format: 'microsoft-forms', headerRowCount: 1 });
    expect(detectSurveyFormat([['Id', 'Start time', 'Completion time', 'Email', 'Name']]).format).toBe('microsoft-forms');
  });

  it('recognises Google Forms in other languages, needing a date-time under the timestamp', () => {
    expect(detectSurveyFormat([['Marca temporal', 'Q'], ['2019/07/01 10:00:00 a. m. GMT-5', 'x']]).format).toBe('google-forms');
    expect(detectSurveyFormat([['Horodateur', 'Q'], ['01/07/2019 10:00:00', 'x']]).format).toBe('google-forms');
    expect(detectSurveyFormat([['Timestamp', 'Q'], ['soon', 'x']]).format).toBe('generic');
  });

  it('recognises LimeSurvey code headings', () => {
    const rows = [['id', 'submitdate', 'lastpage', 'startlanguage', 'seed', 'PKZ[SQ001]'], ['1', '', '2', 'en', '123', 'Y']];
    expect(detectSurveyFormat(rows)).toEqual({ format: 'limesurvey', headerRowCount: 1 });
  });

  it('falls back to generic with one header row, or none for no rows', () => {
    expect(detectSurveyFormat([['name', 'score'], ['Ana', '5']])).toEqual({ format: 'generic', headerRowCount: 1 });
    expect(detectSurveyFormat([])).toEqual({ format: 'generic', headerRowCount: 0 });
  });
});
