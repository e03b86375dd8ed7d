import { plainTextToRichText } from '../rich-text/plain-text-to-rich-text';
import type { Card, Initiative, PainBucket, Vote } from './board';
import type { Channel } from './channel';
import { contactNameKey, type Contact } from './contact';
import type { Note } from './note';
import { richTextToPlainText } from './rich-text';
import type { Round } from './round';
import { cardSnapshot } from './round-snapshot';
import type { Survey, SurveyAnswer, SurveyQuestion, SurveyResponse } from './survey';
import type { Experiment, Solution } from './validation';
import type { Workshop } from './workshop';

/** Every record of the sample workspace has an id starting with this: that is how it is told apart and removed. */
export const SAMPLE_ID_PREFIX = 'sample-';

/** The tag every sample note carries, so lists show it is sample data. */
export const SAMPLE_TAG = 'sample data';

/** Whether a record belongs to the sample workspace. */
export function isSampleId(id: string): boolean {
  return id.startsWith(SAMPLE_ID_PREFIX);
}

/** The tables the sample workspace writes, with their rows. */
export interface SampleWorkspace {
  readonly contacts: readonly Contact[];
  readonly notes: readonly Note[];
  readonly surveys: readonly Survey[];
  readonly surveyQuestions: readonly SurveyQuestion[];
  readonly surveyResponses: readonly SurveyResponse[];
  readonly rounds: readonly Round[];
  readonly cards: readonly Card[];
  readonly buckets: readonly PainBucket[];
  readonly votes: readonly Vote[];
  readonly workshops: readonly Workshop[];
  readonly initiatives: readonly Initiative[];
  readonly solutions: readonly Solution[];
  readonly experiments: readonly Experiment[];
}

const DAY = 24 * 60 * 60 * 1000;
const id = (name: string) => `${SAMPLE_ID_PREFIX}${name}`;

/**
 * A small workspace that walks the whole method: notes from several channels (collect), a survey,
 * a round with buckets, votes and a ranking (prioritise), a plan (artifacts), and candidate
 * solutions with experiments (validate). Every id starts with SAMPLE_ID_PREFIX and every note is
 * tagged SAMPLE_TAG. `now` is when it is loaded; dates are spread over the weeks before.
 */
export function buildSampleWorkspace(now: number): SampleWorkspace {
  const at = (daysAgo: number) => now - daysAgo * DAY;
  const contact = (key: string, name: string, team: string, role: string): Contact => ({
    id: id(`contact-${key}`),
    name,
    nameKey: contactNameKey(name),
    team,
    role,
    organisation: 'Sample Co',
    createdAt: now,
    updatedAt: now,
  });
  const contacts = [contact('dana', 'Dana Sample', 'Checkout', 'Backend engineer'), contact('omar', 'Omar Sample', 'Search', 'Tech lead'), contact('lin', 'Lin Sample', 'Payments', 'SRE')];
  const [dana, omar, lin] = contacts.map((person) => person.id);
  const note = (key: string, channel: Channel, title: string, text: string, daysAgo: number, personIds: readonly (string | undefined)[]): Note => {
    const body = plainTextToRichText(text);
    return {
      id: id(`note-${key}`),
      channel,
      title,
      body,
      plainText: richTextToPlainText(body),
      occurredAt: at(daysAgo),
      personIds: personIds.filter((person): person is string => person !== undefined),
      teams: [],
      tags: [SAMPLE_TAG],
      links: [],
      createdAt: now,
      updatedAt: now,
    };
  };
  const notes = [
    note('deploys', 'coffee-chat', 'Coffee chat: deploys take an hour', 'Every deploy waits on CI for 40 minutes and then on a manual approval. We batch changes to avoid it.', 20, [dana]),
    note('flaky', 'email-check-in', 'Email check-in: flaky integration tests', 'We rerun the pipeline two or three times before a merge goes green.', 14, [omar]),
    note('oncall', 'discussion-group', 'Discussion group: who owns the alert?', 'Three teams were paged for the same alert; nobody knew who owned the queue.', 10, [lin, omar]),
    note('vendor', 'cloud-vendor', 'Cloud vendor: managed deploy pipelines', 'The vendor now offers managed progressive delivery with approvals built in.', 6, []),
    note('cache', 'brainstorm', 'Team brainstorm: a shared build cache', 'A remote build cache could cut CI time in half for most services.', 3, []),
  ];

  const surveyId = id('survey');
  const question = (key: string, position: number, text: string, extra: Pick<SurveyQuestion, 'type'> & Partial<SurveyQuestion>): SurveyQuestion => ({
    id: id(`question-${key}`),
    surveyId,
    position,
    text,
    key,
    ...extra,
  });
  const surveyQuestions = [
    question('stable', 0, 'Is the platform stable enough?', { type: 'scale', scale: { min: 1, max: 3, labels: ['No', 'Mostly', 'Yes'] } }),
    question('size', 1, 'How large is your cluster?', { type: 'single-choice', options: ['1-10 nodes', '11-100 nodes', '100+ nodes'] }),
    question('pain', 2, 'What slows you down most?', { type: 'free-text' }),
  ];
  const answers: readonly [number, string, string][] = [
    [1, '100+ nodes', 'Flaky tests'],
    [1, '100+ nodes', 'Waiting for deploys'],
    [2, '11-100 nodes', 'Alerts nobody owns'],
    [3, '1-10 nodes', 'Nothing much'],
    [2, '100+ nodes', 'Slow CI'],
    [3, '11-100 nodes', 'Docs'],
  ];
  const surveyResponses = answers.map(([stable, size, pain], index): SurveyResponse => {
    const values: Record<string, SurveyAnswer> = { [id('question-stable')]: stable, [id('question-size')]: size, [id('question-pain')]: pain };
    return { id: id(`response-${index + 1}`), surveyId, respondentKey: `sample-${index + 1}`, submittedAt: at(12 - index), answers: values };
  });
  const surveys: Survey[] = [{ id: surveyId, title: 'Sample: platform survey', sourceFileName: 'sample-survey.csv', importedAt: now, format: 'generic', responseCount: surveyResponses.length, createdAt: now, updatedAt: now }];

  const roundId = id('round');
  const rounds: Round[] = [
    {
      id: roundId,
      title: 'Sample round',
      state: 'ranking',
      snapshotNoteIds: notes.map((entry) => entry.id),
      snapshotHighlightIds: [],
      snapshotTakenAt: now,
      immediatePainTargetPercent: 70,
      createdAt: now,
      updatedAt: now,
    },
  ];
  const bucket = (key: string, title: string, statement: string, solutionKind: NonNullable<PainBucket['solutionKind']>, rank: number): PainBucket => ({
    id: id(`bucket-${key}`),
    roundId,
    title,
    statement,
    solutionKind,
    rank,
    createdAt: now + rank,
    updatedAt: now,
  });
  const buckets = [
    bucket('deploys', 'Slow deploys', 'Shipping a change takes an hour of waiting on CI and approvals.', 'eliminate', 1),
    bucket('flaky', 'Flaky integration tests', 'Teams rerun pipelines until a merge goes green.', 'address', 2),
    bucket('oncall', 'Unclear alert ownership', 'Alerts page several teams and nobody owns them.', 'empower', 3),
  ];
  const byName = new Map(contacts.map((person) => [person.id, person]));
  const bucketOf: Readonly<Record<string, string>> = { deploys: 'deploys', vendor: 'deploys', cache: 'deploys', flaky: 'flaky', oncall: 'oncall' };
  const cards = notes.map((entry, index): Card => {
    const key = entry.id.slice(id('note-').length);
    return { id: id(`card-${key}`), roundId, source: { kind: 'note', noteId: entry.id }, bucketId: id(`bucket-${bucketOf[key] ?? 'deploys'}`), position: index, snapshot: cardSnapshot(entry, byName) };
  });
  const workshops: Workshop[] = [
    {
      id: id('workshop'),
      roundId,
      participants: [
        { id: id('participant-dana'), name: 'Dana Sample', ...(dana === undefined ? {} : { contactId: dana }) },
        { id: id('participant-omar'), name: 'Omar Sample', ...(omar === undefined ? {} : { contactId: omar }) },
      ],
      phase: 'ranking',
      votesPerParticipant: 3,
      areVotesRevealed: true,
      createdAt: now,
      updatedAt: now,
    },
  ];
  const vote = (participant: string, bucketKey: string, dots: number): Vote => ({ id: id(`vote-${participant}-${bucketKey}`), roundId, participant: id(`participant-${participant}`), bucketId: id(`bucket-${bucketKey}`), dots });
  const votes = [vote('dana', 'deploys', 2), vote('dana', 'flaky', 1), vote('omar', 'deploys', 1), vote('omar', 'oncall', 2)];
  const initiatives: Initiative[] = [
    { id: id('initiative-cache'), roundId, title: 'Remote build cache', kind: 'immediate-pain', effortWeeks: 6, bucketIds: [id('bucket-deploys')], createdAt: now, updatedAt: now },
    { id: id('initiative-portal'), roundId, title: 'Self-service ownership portal', kind: 'vision', effortWeeks: 3, bucketIds: [], visionThemeIds: [], createdAt: now, updatedAt: now },
  ];
  const solution = (key: string, bucketKey: string, title: string, order: number, existingCapability: Solution['existingCapability'] = { status: 'does-not-solve-it', notes: '', noteIds: [] }): Solution => ({
    id: id(`solution-${key}`),
    bucketId: id(`bucket-${bucketKey}`),
    title,
    description: '',
    existingCapability,
    createdAt: now + order,
    updatedAt: now,
  });
  const solutions = [
    solution('cache', 'deploys', 'Remote build cache', 1),
    solution('managed', 'deploys', 'Managed deploys from the cloud vendor', 2, { status: 'solves-it', notes: 'The vendor’s managed progressive delivery', noteIds: [id('note-vendor')] }),
    solution('quarantine', 'flaky', 'Quarantine flaky tests automatically', 3),
  ];
  const experiment = (key: string, solutionKey: string, hypothesis: string, killCriteria: string, order: number, result?: Experiment['result']): Experiment => ({
    id: id(`experiment-${key}`),
    solutionId: id(`solution-${solutionKey}`),
    hypothesis,
    howItCouldFail: '',
    killCriteria,
    killCriteriaLockedAt: now,
    ...(result === undefined ? {} : { result }),
    createdAt: now + order,
    updatedAt: now,
  });
  const concluded = (outcome: 'survived' | 'killed', evidence: string): Experiment['result'] => ({ recordedAt: now, concludedOn: new Date(at(1)).toISOString().slice(0, 10), outcome, evidence });
  const experiments = [
    experiment('cache-speed', 'cache', 'Cached builds are at least twice as fast', 'We stop if builds are less than 30% faster on three services', 1, concluded('survived', 'Builds were 2.4 times faster')),
    experiment('quarantine-reruns', 'quarantine', 'Quarantine halves pipeline reruns', 'We stop if reruns drop by less than a quarter in two weeks', 2, concluded('killed', 'Reruns dropped by 10%: most failures were real')),
  ];
  return { contacts, notes, surveys, surveyQuestions, surveyResponses, rounds, cards, buckets, votes, workshops, initiatives, solutions, experiments };
}
