import { describe, expect, it } from 'vitest';
import type { Initiative, PainBucket, SolutionKind } from '../../../shared/domain/board';
import type { Experiment, Solution } from '../../../shared/domain/validation';
import type { PainListEntry } from '../../../shared/export/artifact-export-document';
import { buildArtifactsExport, EXPORT_PARTS, painListSections } from '../../../shared/export/build-artifacts-export';
import type { RoundRecord } from '../../../shared/export/build-round-record-export';
import { renderArtifactsExport } from '../../../shared/export/render-artifacts-export';

// Every character HTML would turn into an entity.
const TRICKY = `Tom & Jerry's <CI> "fast" lane`;

function bucket(id: string, title: string, rank: number | undefined, solutionKind: SolutionKind): PainBucket {
  return { id, roundId: 'r', title, statement: `${title} hurts`, solutionKind, ...(rank === undefined ? {} : { rank }), createdAt: rank ?? 9, updatedAt: 1 };
}

function entry(bucketValue: PainBucket): PainListEntry {
  return { rank: bucketValue.rank ?? null, title: bucketValue.title, statement: bucketValue.statement, ...(bucketValue.solutionKind === undefined ? {} : { solutionKind: bucketValue.solutionKind }), evidence: ['2 people'], slaGaps: [], quotes: [], marketQuotes: [] };
}

const BUCKETS = [bucket('b1', TRICKY, 1, 'eliminate'), bucket('b2', 'Flaky tests', 2, 'address'), bucket('b3', 'No self-service', 3, 'empower'), bucket('b4', 'Slow reviews', undefined, 'address')];

const initiative = (id: string, title: string, kind: Initiative['kind'], effortWeeks: number, bucketIds: string[], visionThemeIds: string[] = []): Initiative => ({
  id,
  roundId: 'r',
  title,
  kind,
  effortWeeks,
  bucketIds,
  visionThemeIds,
  createdAt: 1,
  updatedAt: 1,
});

const solution: Solution = { id: 's1', bucketId: 'b1', title: `Cache & <reuse>`, description: '', existingCapability: { status: 'does-not-solve-it', notes: 'Nothing off the shelf', noteIds: [] }, createdAt: 1, updatedAt: 1 };
const experiment: Experiment = {
  id: 'e1',
  solutionId: 's1',
  hypothesis: `Builds "halve"`,
  howItCouldFail: '',
  killCriteria: 'Less than 20% faster',
  killCriteriaLockedAt: 2,
  result: { recordedAt: 3, concludedOn: '2026-11-30', outcome: 'killed', evidence: `Only 5% & it's flaky` },
  createdAt: 1,
  updatedAt: 3,
};

const RECORD: RoundRecord = {
  buckets: BUCKETS,
  immediatePainTargetPercent: 70,
  initiatives: [initiative('i1', `Fix <CI> & caches`, 'immediate-pain', 6, ['b1']), initiative('i2', 'Self-service portal', 'vision', 4, [], ['t1'])],
  visionThemes: [{ id: 't1', title: 'Everything self-service' }],
  workshop: { participants: [{ id: 'p1', name: 'Ana' }, { id: 'p2', name: "O'Neil" }], votesPerParticipant: 3, areVotesRevealed: true },
  votes: [
    { bucketId: 'b1', participant: 'p1', dots: 2 },
    { bucketId: 'b1', participant: 'p2', dots: 1 },
    { bucketId: 'b2', participant: 'p2', dots: 2 },
  ],
  scores: [{ bucketId: 'b1', values: { reach: 5, severity: 4, frequency: 3 } }],
  solutions: [solution],
  experiments: [experiment],
};

function exportAll() {
  const document = buildArtifactsExport({
    roundTitle: `Q3 & "beyond"`,
    parts: EXPORT_PARTS.map((part) => part.id),
    charter: null,
    vision: null,
    painList: [...BUCKETS].sort((a, b) => (a.rank ?? 99) - (b.rank ?? 99)).map(entry),
    record: RECORD,
    exportedAt: Date.UTC(2026, 11, 6),
  });
  return { document, ...renderArtifactsExport(document, { resolveCitation: () => null }) };
}

describe('the export pack', () => {
  it('holds the charter, vision, pain list, workshop record, plan and solution validation, in that order', () => {
    const { document } = exportAll();
    expect(document.sections.filter((section) => section.level === 2).map((section) => section.heading)).toEqual([
      'Charter',
      'Three-year vision',
      'Prioritized user-pain list',
      'Workshop record',
      'Plan',
      'Solution validation',
    ]);
  });

  it('groups the pain list by address, eliminate and empower, ranked within each group', () => {
    const { markdown } = exportAll();
    const pains = markdown.slice(markdown.indexOf('## Prioritized user-pain list'), markdown.indexOf('## Workshop record'));
    const headings = pains.split('\n').filter((line) => /^#{3,4} /.test(line));
    expect(headings).toEqual([
      '### Address: make an existing pain smaller',
      '#### 2. Flaky tests',
      '#### Unranked Slow reviews',
      '### Eliminate: remove the pain altogether',
      "#### 1. Tom & Jerry's \\<CI\\> \"fast\" lane",
      '### Empower: let users solve it themselves',
      '#### 3. No self-service',
    ]);
  });

  it('records the workshop: participants, dots, blind scores and the ranking', () => {
    const { markdown } = exportAll();
    expect(markdown).toContain("- Participants: Ana, O'Neil");
    expect(markdown).toContain('| Rank | Pain bucket | Dots | Voters | Blind score (1-5) | Scorers | Widest spread |');
    expect(markdown).toContain(`| 1 | Tom & Jerry's \\<CI\\> "fast" lane | 3 | 2 | 4\\.0 | 1 | 0 |`);
    expect(markdown).toContain('| 2 | Flaky tests | 2 | 1 | not scored | 0 |   |');
  });

  it('gives the plan with its split against the 70/30 target and the ranked pains nobody plans for', () => {
    const { markdown } = exportAll();
    expect(markdown).toContain('- Target split: 70/30 (immediate user pain / vision)');
    expect(markdown).toContain('- Planned: 60% immediate user pain (6 person-weeks), 40% vision (4 person-weeks), 10 person-weeks in all');
    expect(markdown).toContain(`| Fix \\<CI\\> & caches | Immediate user pain | 6 person-weeks | Tom & Jerry's \\<CI\\> "fast" lane |`);
    expect(markdown).toContain('| Self-service portal | Vision | 4 person-weeks | Everything self-service |');
    expect(markdown).toContain('*Ranked pains with no initiative: 2. Flaky tests; 3. No self-service*');
  });

  it('includes solution validation: each solution’s state, driven by its experiments', () => {
    const { markdown, html } = exportAll();
    expect(markdown).toContain(`### 1\\. Tom & Jerry's \\<CI\\> "fast" lane: Every candidate killed: look for new ones`);
    expect(markdown).toContain('| Cache & \\<reuse\\> | Killed | does not solve it: Nothing off the shelf |');
    expect(markdown).toContain(`| Cache & \\<reuse\\> | Builds "halve" | Less than 20% faster | Killed: cannot work (2026-11-30) | Only 5% & it's flaky |`);
    expect(html).toContain('<td>Cache &amp; &lt;reuse&gt;</td>');
  });

  it('never puts an HTML entity in Markdown, whatever the titles hold', () => {
    const { markdown } = exportAll();
    expect(markdown).not.toMatch(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/i);
    expect(markdown).toContain(`# Prioritization artifacts: Q3 & "beyond"`);
  });
});

describe('an export of the sample round', () => {
  it('says on its first lines that it is sample data', () => {
    const build = (isSample: boolean) => buildArtifactsExport({ roundTitle: 'Sample round', parts: ['pains'], charter: null, vision: null, painList: [], isSample, exportedAt: 0 });
    expect(renderArtifactsExport(build(true), { resolveCitation: () => null }).markdown.split('\n').slice(0, 3).join('\n')).toContain('Sample data from Discovery Desk’s sample workspace, not real research');
    expect(build(false).subtitle).not.toContain('Sample data');
  });
});

describe('the pain list of a bucket whose kind of solution is not chosen', () => {
  it('groups it last under its own heading, not as "address"', () => {
    const { solutionKind: _unset, ...unchosen } = bucket('b5', 'Unclear', 4, 'address');
    const headings = painListSections([entry(BUCKETS[1] ?? unchosen), entry(unchosen)]).map((section) => [section.heading, section.blocks.flatMap((block) => (block.kind === 'pain-list' ? block.entries.map((one) => one.title) : []))]);
    expect(headings.slice(1)).toEqual([
      ['Address: make an existing pain smaller', ['Flaky tests']],
      ['Kind of solution not chosen yet', ['Unclear']],
    ]);
  });
});
