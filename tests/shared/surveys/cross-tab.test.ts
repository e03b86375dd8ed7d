import { describe, expect, it } from 'vitest';
import type { SurveyAnswer, SurveyQuestion } from '../../../shared/domain/survey';
import { canCrossTab, crossTabulate, rowPercent } from '../../../shared/surveys/cross-tab';

const question = (id: string, type: SurveyQuestion['type'], extra: Partial<SurveyQuestion> = {}): SurveyQuestion => ({ id, surveyId: 's', position: 0, text: id, type, ...extra });

const STABLE = question('stable', 'scale', { scale: { min: 1, max: 3, labels: ['Not at all', '', 'Very'] } });
const SIZE = question('size', 'single-choice', { options: ['1-10 nodes', '11-100 nodes', '100+ nodes'] });
const TOOLS = question('tools', 'multi-choice', { options: ['CI', 'Grafana'] });

const responses = (rows: readonly Record<string, SurveyAnswer>[]) => rows.map((answers) => ({ answers }));

describe('crossTabulate', () => {
  it('counts one question by another, in each question’s own order, with row and column totals', () => {
    const tab = crossTabulate(
      STABLE,
      SIZE,
      responses([
        { stable: 1, size: '100+ nodes' },
        { stable: 1, size: '100+ nodes' },
        { stable: 3, size: '1-10 nodes' },
        { stable: 'Very', size: '11-100 nodes' },
        { stable: 2, size: '100+ nodes' },
      ]),
    );
    expect(tab.rowLabels).toEqual(['1 (Not at all)', '2', '3 (Very)']);
    expect(tab.columnLabels).toEqual(['1-10 nodes', '11-100 nodes', '100+ nodes']);
    expect(tab.counts).toEqual([
      [0, 0, 2],
      [0, 0, 1],
      [1, 1, 0],
    ]);
    expect(tab.rowTotals).toEqual([2, 1, 2]);
    expect(tab.columnTotals).toEqual([1, 1, 3]);
    expect(tab.respondents).toBe(5);
  });

  it('leaves out and counts responses that skipped either question, and adds answers that were not listed', () => {
    const tab = crossTabulate(SIZE, STABLE, responses([{ stable: 1, size: null }, { stable: null, size: '1-10 nodes' }, { size: '1-10 nodes' }, { stable: 2, size: '1000+ nodes' }]));
    expect(tab.skipped).toBe(3);
    expect(tab.respondents).toBe(1);
    expect(tab.rowLabels).toEqual(['1-10 nodes', '11-100 nodes', '100+ nodes', '1000+ nodes']);
    expect(tab.counts[3]).toEqual([0, 1, 0]);
  });

  it('counts a multiple-choice answer under each option picked', () => {
    const tab = crossTabulate(TOOLS, SIZE, responses([{ tools: ['CI', 'Grafana'], size: '1-10 nodes' }, { tools: ['CI'], size: '1-10 nodes' }, { tools: [], size: '1-10 nodes' }]));
    expect(tab.counts).toEqual([
      [2, 0, 0],
      [1, 0, 0],
    ]);
    expect(tab.respondents).toBe(2);
    expect(tab.skipped).toBe(1);
  });
});

describe('canCrossTab and rowPercent', () => {
  it('offers scales and choice questions, not free text or plain numbers', () => {
    expect([STABLE, SIZE, TOOLS, question('why', 'free-text'), question('nodes', 'number')].map(canCrossTab)).toEqual([true, true, true, false, false]);
  });

  it('gives shares of the row total', () => {
    expect(rowPercent(1, 3)).toBe('33%');
    expect(rowPercent(0, 0)).toBe('–');
  });
});
