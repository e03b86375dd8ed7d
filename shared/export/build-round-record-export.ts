import { compareBuckets, type Initiative, type PainBucket, type Vote } from '../domain/board';
import { orderingRows } from '../domain/bucket-ordering';
import { immediatePainSplit, rankedBucketsWithoutInitiative } from '../domain/immediate-pain-split';
import type { Score } from '../domain/score';
import { VALIDATION_STATES } from '../domain/solution-validation-state';
import type { Experiment, Solution } from '../domain/validation';
import { BUCKET_VERDICT_LABELS, buildValidationTree, EXPERIMENT_STAGE_LABELS } from '../domain/validation-tree';
import type { Workshop } from '../domain/workshop';
import type { ExportSection } from './artifact-export-document';

/** What a round recorded beyond its artifacts: the plan, the workshop and solution validation. */
export interface RoundRecord {
  readonly buckets: readonly PainBucket[];
  readonly immediatePainTargetPercent: number;
  readonly initiatives: readonly Initiative[];
  readonly visionThemes: readonly { readonly id: string; readonly title: string }[];
  readonly workshop: Pick<Workshop, 'participants' | 'votesPerParticipant' | 'areVotesRevealed'> | null;
  readonly votes: readonly Pick<Vote, 'bucketId' | 'participant' | 'dots'>[];
  readonly scores: readonly Pick<Score, 'bucketId' | 'values'>[];
  readonly solutions: readonly Solution[];
  readonly experiments: readonly Experiment[];
}

const bucketName = (bucket: PainBucket | undefined) => (bucket === undefined ? 'deleted bucket' : bucket.title.trim() || 'Untitled bucket');
const weeks = (value: number) => `${Number.isInteger(value) ? value : value.toFixed(1)} person-week${value === 1 ? '' : 's'}`;
const percent = (value: number) => `${Math.round(value)}%`;

/** The plan: its initiatives, the immediate-pain/vision split against the target, and ranked pains nobody plans for. */
export function planSections({ buckets, immediatePainTargetPercent, initiatives, visionThemes }: RoundRecord): ExportSection[] {
  const split = immediatePainSplit(initiatives, immediatePainTargetPercent);
  const byId = new Map(buckets.map((bucket) => [bucket.id, bucket]));
  const themes = new Map(visionThemes.map((theme) => [theme.id, theme.title.trim() || 'Untitled theme']));
  const target = `${split.targetPercent}/${100 - split.targetPercent}`;
  const facts =
    split.immediatePercent === null
      ? [`Target split: ${target} (immediate user pain / vision)`, 'Nothing planned yet.']
      : [
          `Target split: ${target} (immediate user pain / vision)`,
          `Planned: ${percent(split.immediatePercent)} immediate user pain (${weeks(split.immediateWeeks)}), ${percent(100 - split.immediatePercent)} vision (${weeks(split.visionWeeks)}), ${weeks(split.totalWeeks)} in all`,
          ...(split.isDrifting ? [`Drift: ${Math.round(Math.abs(split.driftPoints ?? 0))} points ${(split.driftPoints ?? 0) > 0 ? 'more' : 'less'} immediate pain than the target`] : []),
        ];
  const rows = initiatives.map((initiative) => [
    initiative.title.trim() || 'Untitled initiative',
    initiative.kind === 'immediate-pain' ? 'Immediate user pain' : 'Vision',
    weeks(initiative.effortWeeks),
    (initiative.kind === 'immediate-pain' ? initiative.bucketIds.map((id) => bucketName(byId.get(id))) : (initiative.visionThemeIds ?? []).map((id) => themes.get(id) ?? 'deleted theme')).join('; '),
  ]);
  const unplanned = rankedBucketsWithoutInitiative(buckets, initiatives);
  return [
    {
      heading: 'Plan',
      level: 2,
      blocks: [
        { kind: 'list', items: facts },
        { kind: 'table', columns: ['Initiative', 'Kind', 'Effort', 'For'], rows },
        ...(unplanned.length === 0 ? [] : [{ kind: 'note' as const, text: `Ranked pains with no initiative: ${unplanned.map((bucket) => `${bucket.rank ?? ''}. ${bucketName(bucket)}`).join('; ')}` }]),
      ],
    },
  ];
}

/** The workshop record: who was in the room, the dots, the blind scores and the ranking, one row per bucket in ranked order. */
export function workshopSections({ buckets, workshop, votes, scores }: RoundRecord): ExportSection[] {
  const rows = orderingRows({ buckets, cards: [], votes, areVotesRevealed: workshop?.areVotesRevealed ?? false, scores, initiatives: [] });
  const facts =
    workshop === null
      ? ['No workshop was run for this round: the ranking below was set on the board.']
      : [
          `Participants: ${workshop.participants.map((participant) => participant.name.trim()).filter((name) => name !== '').join(', ') || 'none recorded'}`,
          `Dots per participant: ${workshop.votesPerParticipant}`,
          workshop.areVotesRevealed ? 'Votes were revealed together.' : 'Votes were not revealed: dots are left out.',
        ];
  return [
    {
      heading: 'Workshop record',
      level: 2,
      blocks: [
        { kind: 'list', items: facts },
        {
          kind: 'table',
          columns: ['Rank', 'Pain bucket', 'Dots', 'Voters', 'Blind score (1-5)', 'Scorers', 'Widest spread'],
          rows: rows.map((row) => [
            row.bucket.rank === undefined ? 'Unranked' : String(row.bucket.rank),
            bucketName(row.bucket),
            row.dots === null ? 'hidden' : String(row.dots),
            row.dots === null ? '' : String(row.voters),
            row.score === null ? 'not scored' : row.score.toFixed(1),
            String(row.scorers),
            row.scorers === 0 ? '' : String(row.widestSpread),
          ]),
        },
      ],
    },
  ];
}

const stateLabel = (id: string) => VALIDATION_STATES.find((state) => state.id === id)?.label ?? id;

/** Solution validation: per bucket, its candidate solutions with their state, and the experiments that tried to kill them. */
export function validationSections({ buckets, solutions, experiments }: RoundRecord): ExportSection[] {
  const tree = buildValidationTree([...buckets].sort(compareBuckets), solutions, experiments);
  return [
    {
      heading: 'Solution validation',
      level: 2,
      blocks: solutions.length === 0 ? [{ kind: 'note', text: 'No candidate solutions recorded yet.' }] : [],
    },
    ...tree
      .filter((node) => node.solutions.length > 0)
      .map(
        (node): ExportSection => ({
          heading: `${node.bucket.rank === undefined ? '' : `${node.bucket.rank}. `}${bucketName(node.bucket)}: ${BUCKET_VERDICT_LABELS[node.verdict]}`,
          level: 3,
          blocks: [
            {
              kind: 'table',
              columns: ['Candidate solution', 'State', 'Existing capability'],
              rows: node.solutions.map(({ solution, state }) => [
                solution.title.trim() || 'Untitled solution',
                stateLabel(state),
                solution.existingCapability.status === 'not-checked'
                  ? 'not checked'
                  : `${solution.existingCapability.status === 'solves-it' ? 'solves it' : 'does not solve it'}${solution.existingCapability.notes.trim() === '' ? '' : `: ${solution.existingCapability.notes.trim()}`}`,
              ]),
            },
            {
              kind: 'table',
              columns: ['Solution', 'Experiment', 'Kill criteria', 'Outcome', 'Evidence'],
              rows: node.solutions.flatMap(({ solution, experiments: own }) =>
                own.map(({ experiment, stage }) => [
                  solution.title.trim() || 'Untitled solution',
                  experiment.hypothesis.trim() || 'No hypothesis written',
                  experiment.killCriteria.trim(),
                  experiment.result === undefined ? EXPERIMENT_STAGE_LABELS[stage] : `${EXPERIMENT_STAGE_LABELS[stage]} (${experiment.result.concludedOn})`,
                  experiment.result?.evidence.trim() ?? '',
                ]),
              ),
            },
          ],
        }),
      ),
  ];
}
