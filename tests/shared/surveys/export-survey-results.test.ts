import { describe, expect, it } from 'vitest';
import type { SurveyQuestion } from '../../../shared/domain/survey';
import { exportedQuestionText, surveyResponsesCsv, surveyResultsCsv } from '../../../shared/surveys/export-survey-results';
import { computeSurveyResults } from '../../../shared/surveys/survey-results';

const base = { surveyId: 's1' };
const nps: SurveyQuestion = { ...base, id: 'nps', position: 1, text: 'Would you recommend us?', type: 'scale', scale: { min: 0, max: 10 } };
const tool: SurveyQuestion = { ...base, id: 'tool', position: 2, text: 'Main tool', type: 'single-choice', options: ['Terraform', '=cmd'] };
const clouds: SurveyQuestion = { ...base, id: 'clouds', position: 3, text: 'Clouds, used', type: 'multi-choice', options: ['AWS', 'GCP'] };
const comment: SurveyQuestion = { ...base, id: 'comment', position: 4, text: 'What slows you down?', type: 'free-text' };
const row: SurveyQuestion = { ...base, id: 'g1', position: 5, text: 'Builds', type: 'grid-item', gridTitle: 'Pain', itemType: 'single-choice', options: ['Low', 'High'] };

describe('surveyResultsCsv', () => {
  it('writes answered/skipped, one row per option with count and percent, then statistics and NPS', () => {
    const questions = [nps, tool, clouds];
    const results = computeSurveyResults(questions, [
      { nps: 10, tool: 'Terraform', clouds: ['AWS', 'GCP'] },
      { nps: 9, tool: '=cmd', clouds: ['AWS'] },
      { nps: 3, tool: '@evil', clouds: [] },
    ]);
    const csv = surveyResultsCsv([nps, tool, clouds], results, { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(`"Question","Type","Option","Count","Percent","Statistic","Value"`);
    expect(lines.slice(1, 14)).toEqual([
      `"Would you recommend us?","scale",,,,"Answered",3`,
      `"Would you recommend us?","scale",,,,"Skipped",0`,
      `"Would you recommend us?","scale","0",0,0,,`,
      `"Would you recommend us?","scale","1",0,0,,`,
      `"Would you recommend us?","scale","2",0,0,,`,
      `"Would you recommend us?","scale","3",1,33.3,,`,
      `"Would you recommend us?","scale","4",0,0,,`,
      `"Would you recommend us?","scale","5",0,0,,`,
      `"Would you recommend us?","scale","6",0,0,,`,
      `"Would you recommend us?","scale","7",0,0,,`,
      `"Would you recommend us?","scale","8",0,0,,`,
      `"Would you recommend us?","scale","9",1,33.3,,`,
      `"Would you recommend us?","scale","10",1,33.3,,`,
    ]);
    expect(lines.slice(14, 22)).toEqual([
      `"Would you recommend us?","scale",,,,"Mean",7.33`,
      `"Would you recommend us?","scale",,,,"Median",9`,
      `"Would you recommend us?","scale",,,,"Minimum",3`,
      `"Would you recommend us?","scale",,,,"Maximum",10`,
      `"Would you recommend us?","scale",,,,"NPS",33`,
      `"Would you recommend us?","scale",,,,"Promoters (9-10)",2`,
      `"Would you recommend us?","scale",,,,"Passives (7-8)",0`,
      `"Would you recommend us?","scale",,,,"Detractors (0-6)",1`,
    ]);
    expect(lines.slice(22)).toEqual([
      `"Main tool","single-choice",,,,"Answered",3`,
      `"Main tool","single-choice",,,,"Skipped",0`,
      `"Main tool","single-choice","Terraform",1,33.3,,`,
      `"Main tool","single-choice","'=cmd",1,33.3,,`,
      `"Main tool","single-choice","'@evil",1,33.3,,`,
      `"Clouds, used","multi-choice",,,,"Answered",2`,
      `"Clouds, used","multi-choice",,,,"Skipped",1`,
      `"Clouds, used","multi-choice","AWS",2,100,,`,
      `"Clouds, used","multi-choice","GCP",1,50,,`,
      '',
    ]);
  });

  it('starts with a BOM by default and names grid rows with their grid', () => {
    const results = computeSurveyResults([row], [{ g1: 'High' }]);
    const csv = surveyResultsCsv([row], results);
    expect(csv.startsWith('\uFEFF"Question",')).toBe(true);
    expect(csv).toContain('\r\n"Pain [Builds]","grid-item","High",1,100,,\r\n');
  });
});

describe('surveyResponsesCsv', () => {
  it('writes one row per response with its key, ISO submission time and one column per question', () => {
    const csv = surveyResponsesCsv(
      [nps, tool, clouds, comment, row],
      [
        { respondentKey: 'r-001', submittedAt: Date.UTC(2024, 2, 4, 9, 15, 2), answers: { nps: 9, tool: 'Terraform', clouds: ['AWS', 'GCP'], comment: 'Reviews, "flaky" tests\nand waiting', g1: 'Low' } },
        { respondentKey: '=HYPERLINK("http://x")', answers: { nps: null, tool: '@SUM(1)', clouds: [], comment: '-2+3', g1: null } },
        { respondentKey: 'r-003', submittedAt: Date.UTC(2024, 2, 5), answers: { nps: '-3', comment: "+cmd|' /C calc'!A0" } },
        { respondentKey: 'r-004', answers: { comment: '\t=1', tool: '\r=1', clouds: ['=evil', 'GCP'] } },
      ],
      { bom: false },
    );
    expect(csv).toBe(
      '"Respondent","Submitted at","Would you recommend us?","Main tool","Clouds, used","What slows you down?","Pain [Builds]"\r\n' +
        '"r-001","2024-03-04T09:15:02.000Z",9,"Terraform","AWS; GCP","Reviews, ""flaky"" tests\nand waiting","Low"\r\n' +
        `"'=HYPERLINK(""http://x"")",,,"'@SUM(1)",,"'-2+3",\r\n` +
        `"r-003","2024-03-05T00:00:00.000Z","-3",,,"'+cmd|' /C calc'!A0",\r\n` +
        `"r-004",,,"\r'=1","'=evil; GCP","\t'=1",\r\n`,
    );
  });

  it('starts with a BOM by default and writes a header alone when there are no responses', () => {
    expect(surveyResponsesCsv([comment], [])).toBe('\uFEFF"Respondent","Submitted at","What slows you down?"\r\n');
  });

  it('leaves an invalid submission time empty instead of throwing', () => {
    expect(surveyResponsesCsv([], [{ respondentKey: 'k', submittedAt: Number.NaN, answers: {} }], { bom: false })).toBe('"Respondent","Submitted at"\r\n"k",\r\n');
  });
});

describe('exportedQuestionText', () => {
  it('prefixes a grid row with its grid title unless the text already has it', () => {
    expect(exportedQuestionText(row)).toBe('Pain [Builds]');
    expect(exportedQuestionText({ ...row, text: 'Pain [Builds]' })).toBe('Pain [Builds]');
    expect(exportedQuestionText(tool)).toBe('Main tool');
  });
});
