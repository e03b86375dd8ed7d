import { CHANNEL_IDS, type Channel } from '../../shared/domain/channel';
import { contactNameKey, type Contact } from '../../shared/domain/contact';
import type { Highlight } from '../../shared/domain/highlight';
import { SLA_METRICS, type ChannelFields, type Note, type NoteLink, type SlaMetric } from '../../shared/domain/note';
import { richTextToPlainText, type RichTextDoc, type RichTextMark, type RichTextNode } from '../../shared/domain/rich-text';
import { createSeededRandom, hashSeed, type SeededRandom } from './seeded-random';
import {
  CLOUD_VENDORS,
  FIRST_NAMES,
  HEADINGS,
  LAST_NAMES,
  LINK_HOSTS,
  METRICS,
  OPEN_SOURCE_LICENCES,
  OPEN_SOURCE_PROJECTS,
  ORGANISATIONS,
  PEER_COMPANIES,
  PROBLEMS,
  RESEARCH_VENUES,
  ROLES,
  SITUATIONS,
  SLA_SERVICES,
  SYSTEMS,
  TAGS,
  TEAM_PREFIXES,
  TEAM_SUFFIXES,
  VENDOR_OFFERINGS,
  WISHES,
} from './workspace-vocabulary';

/** Dates are spread over the three years before this instant, so runs never depend on today. */
export const WORKSPACE_REFERENCE_TIME = Date.UTC(2026, 0, 1);

const THREE_YEARS_MS = 3 * 365 * 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The TipTap mark a highlight leaves in the note body; it carries the Highlight's id. */
export const HIGHLIGHT_MARK_TYPE = 'evidenceHighlight';

/** How often each channel occurs: coffee chats and survey answers dominate real workspaces. */
const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = {
  'coffee-chat': 22,
  'email-check-in': 14,
  'survey-response': 18,
  'discussion-group': 8,
  sla: 7,
  'peer-company': 6,
  research: 6,
  'open-source': 7,
  'cloud-vendor': 5,
  brainstorm: 7,
};

const CHANNEL_TAG: Readonly<Record<Channel, string>> = {
  'coffee-chat': 'follow-up',
  'email-check-in': 'follow-up',
  'survey-response': 'survey',
  'discussion-group': 'workshop',
  sla: 'sla',
  'peer-company': 'peer',
  research: 'paper',
  'open-source': 'open-source',
  'cloud-vendor': 'vendor',
  brainstorm: 'long-term',
};

const SURVEY_COUNT = 3;

export interface WorkspaceOptions {
  readonly seed: number;
  readonly noteCount: number;
  /** Defaults to `defaultContactCount(noteCount)`. */
  readonly contactCount?: number;
}

export interface GeneratedNote {
  readonly note: Note;
  /** The highlights whose marks are in the note's body. */
  readonly highlights: readonly Highlight[];
}

export interface WorkspaceBatch {
  readonly notes: readonly Note[];
  readonly highlights: readonly Highlight[];
}

export interface GeneratedWorkspace {
  readonly seed: number;
  readonly noteCount: number;
  readonly contacts: readonly Contact[];
  /** Each note depends only on the seed and its index, so batches can be generated one at a time. */
  noteAt(index: number): GeneratedNote;
  batches(batchSize: number): Generator<WorkspaceBatch>;
}

/** A few thousand people at the full size: enough that most appear in only a handful of notes. */
export function defaultContactCount(noteCount: number): number {
  return Math.min(3000, Math.max(20, Math.round(noteCount * 0.15)));
}

/**
 * A reproducible workspace: the same options always give the same contacts and notes, record for
 * record. Notes are made lazily (`noteAt`, `batches`), so 100,000 of them never sit in memory at once.
 */
export function generateWorkspace({ seed, noteCount, contactCount = defaultContactCount(noteCount) }: WorkspaceOptions): GeneratedWorkspace {
  if (!Number.isInteger(noteCount) || noteCount < 0) throw new RangeError(`A workspace needs a whole number of notes, not ${noteCount}.`);
  if (!Number.isInteger(contactCount) || contactCount < 1) throw new RangeError(`A workspace needs at least one contact, not ${contactCount}.`);
  const teams = generateTeams(createSeededRandom(hashSeed(seed, 'teams')));
  const contacts = generateContacts(seed, contactCount, teams);
  const surveyIds = Array.from({ length: SURVEY_COUNT }, (_, index) => createSeededRandom(hashSeed(seed, 'survey', index)).uuid());
  const context: NoteContext = { seed, contacts, teams, surveyIds };

  const noteAt = (index: number): GeneratedNote => {
    if (!Number.isInteger(index) || index < 0 || index >= noteCount) throw new RangeError(`No note ${index} in a workspace of ${noteCount}.`);
    return generateNote(context, index);
  };

  return {
    seed,
    noteCount,
    contacts,
    noteAt,
    *batches(batchSize) {
      for (let start = 0; start < noteCount; start += batchSize) {
        const generated = Array.from({ length: Math.min(batchSize, noteCount - start) }, (_, offset) => noteAt(start + offset));
        yield { notes: generated.map(({ note }) => note), highlights: generated.flatMap(({ highlights }) => highlights) };
      }
    },
  };
}

interface NoteContext {
  readonly seed: number;
  readonly contacts: readonly Contact[];
  readonly teams: readonly string[];
  readonly surveyIds: readonly string[];
}

function generateTeams(random: SeededRandom): string[] {
  const names = new Set<string>();
  while (names.size < 60) names.add(`${random.pick(TEAM_PREFIXES)}-${random.pick(TEAM_SUFFIXES)}`);
  return [...names];
}

function generateContacts(seed: number, count: number, teams: readonly string[]): Contact[] {
  const usedEmails = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const random = createSeededRandom(hashSeed(seed, 'contact', index));
    const id = random.uuid();
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    const isExternal = random.chance(0.05);
    const organisation = isExternal ? random.pick(PEER_COMPANIES) : random.pick(ORGANISATIONS);
    const domain = isExternal ? `${organisation.toLowerCase().replace(/[^a-z]+/g, '')}.example` : 'example.com';
    const localPart = `${first}.${last}`.toLowerCase().replace(/[^a-z.]+/g, '');
    let email = `${localPart}@${domain}`;
    for (let suffix = 2; usedEmails.has(email); suffix += 1) email = `${localPart}${suffix}@${domain}`;
    const hasEmail = random.chance(0.9);
    if (hasEmail) usedEmails.add(email);
    const createdAt = WORKSPACE_REFERENCE_TIME - THREE_YEARS_MS - random.int(0, 365) * DAY_MS;
    const team = random.pick(teams);
    const role = random.pick(ROLES);
    return {
      id,
      name,
      nameKey: contactNameKey(name),
      ...(hasEmail ? { email } : {}),
      ...(random.chance(0.85) && !isExternal ? { team } : {}),
      ...(random.chance(0.8) ? { role } : {}),
      ...(random.chance(0.9) ? { organisation } : {}),
      createdAt,
      updatedAt: createdAt + random.int(0, 900) * DAY_MS,
    } satisfies Contact;
  });
}

function generateNote({ seed, contacts, teams, surveyIds }: NoteContext, index: number): GeneratedNote {
  const random = createSeededRandom(hashSeed(seed, 'note', index));
  const id = random.uuid();
  // The first notes cover every channel, so even a tiny workspace has each one.
  const channel = index < CHANNEL_IDS.length ? channelAt(index) : channelAt(random.weightedIndex(CHANNEL_IDS.map((c) => CHANNEL_WEIGHTS[c])));
  const people = random.sample(contacts, peopleCount(channel, random));
  const firstNames = people.map((person) => person.name.split(' ')[0] ?? person.name);
  const system = random.pick(SYSTEMS);
  const channelFields = generateChannelFields(channel, random, surveyIds, system);
  const links = generateLinks(channel, random, channelFields);
  const tags = generateTags(channel, random);

  const occurredAt = WORKSPACE_REFERENCE_TIME - Math.floor((random.next() * THREE_YEARS_MS) / 60_000) * 60_000;
  const createdAt = occurredAt + random.int(0, 2 * 24 * 60) * 60_000;
  const updatedAt = random.chance(0.3) ? createdAt + random.int(1, 30 * 24 * 60) * 60_000 : createdAt;

  const highlightIds = random.chance(0.25) ? Array.from({ length: random.int(1, 3) }, () => random.uuid()) : [];
  const { body, quotes } = generateBody(random, { channel, firstNames, system, channelFields, links, highlightIds });
  const highlights = quotes.map(
    (quote, position): Highlight => ({
      id: highlightIds[position] ?? random.uuid(),
      noteId: id,
      quote,
      tags: random.sample(tags, random.int(1, Math.min(2, tags.length))),
      createdAt: updatedAt,
      updatedAt,
    }),
  );

  const noteTeams = [...new Set(people.flatMap((person) => (person.team === undefined ? [] : [person.team])))];
  if (channel === 'brainstorm' || (noteTeams.length === 0 && random.chance(0.3))) noteTeams.push(random.pick(teams));
  const organisation = people.find((person) => person.organisation !== undefined)?.organisation;

  const note: Note = {
    id,
    channel,
    title: generateTitle(channel, random, { firstNames, system, channelFields }),
    body,
    plainText: richTextToPlainText(body),
    occurredAt,
    personIds: people.map((person) => person.id),
    teams: [...new Set(noteTeams)],
    ...(organisation === undefined ? {} : { organisation }),
    tags,
    links,
    ...(channelFields === undefined ? {} : { channelFields }),
    createdAt,
    updatedAt,
  };
  return { note, highlights };
}

function channelAt(index: number): Channel {
  const channel = CHANNEL_IDS[index];
  if (channel === undefined) throw new RangeError(`No channel at ${index}.`);
  return channel;
}

function peopleCount(channel: Channel, random: SeededRandom): number {
  switch (channel) {
    case 'coffee-chat':
    case 'email-check-in':
    case 'survey-response':
      return 1;
    case 'discussion-group':
      return random.int(2, 4);
    case 'sla':
      return random.int(1, 2);
    case 'brainstorm':
      return random.int(2, 5);
    case 'peer-company':
    case 'research':
    case 'open-source':
    case 'cloud-vendor':
      return random.int(0, 1);
  }
}

function generateChannelFields(channel: Channel, random: SeededRandom, surveyIds: readonly string[], system: string): ChannelFields | undefined {
  switch (channel) {
    case 'sla': {
      // Mostly the metrics users name; now and then one the form files under `other`.
      const metric = random.chance(0.9) ? random.pick(SLA_METRICS.filter((candidate) => candidate !== 'other')) : 'other';
      return {
        kind: 'sla',
        service: random.pick(SLA_SERVICES),
        metric,
        expected: slaFigure(metric, random, 'expected'),
        ...(random.chance(0.6) ? { offered: slaFigure(metric, random, 'offered') } : {}),
        ...(random.chance(0.4) ? { measured: slaFigure(metric, random, 'measured') } : {}),
      };
    }
    case 'survey-response':
      return { kind: 'survey-response', surveyId: random.pick(surveyIds), responseId: random.uuid(), ...(random.chance(0.5) ? { questionId: random.uuid() } : {}) };
    case 'discussion-group':
      return { kind: 'discussion-group', proposal: `${capitalise(random.pick(WISHES))} for the ${system}` };
    case 'peer-company':
      return { kind: 'peer-company', company: random.pick(PEER_COMPANIES), ...(random.chance(0.6) ? { approach: `${capitalise(random.pick(WISHES))}, run by a small platform team` } : {}) };
    case 'research':
      return {
        kind: 'research',
        ...(random.chance(0.9) ? { authors: `${random.pick(LAST_NAMES)}, ${random.pick(LAST_NAMES)} and ${random.pick(LAST_NAMES)}` } : {}),
        ...(random.chance(0.9) ? { venue: random.pick(RESEARCH_VENUES) } : {}),
        ...(random.chance(0.8) ? { year: String(random.int(2012, 2025)) } : {}),
        ...(random.chance(0.7) ? { url: `${random.pick(LINK_HOSTS)}/paper-${random.int(100, 99_999)}` } : {}),
      };
    case 'open-source': {
      const project = random.pick(OPEN_SOURCE_PROJECTS);
      return {
        kind: 'open-source',
        project,
        ...(random.chance(0.8) ? { url: `https://github.com/example/${slug(project)}` } : {}),
        ...(random.chance(0.6) ? { licence: random.pick(OPEN_SOURCE_LICENCES) } : {}),
        ...(random.chance(0.5) ? { activity: `${random.pick(['weekly', 'monthly', 'quarterly'])} releases, ${random.int(5, 400)} contributors` } : {}),
        ...(random.chance(0.4) ? { maturity: random.pick(['CNCF sandbox', 'CNCF incubating', 'CNCF graduated', '1.0 released', 'pre-1.0']) } : {}),
      };
    }
    case 'cloud-vendor':
      return {
        kind: 'cloud-vendor',
        vendor: random.pick(CLOUD_VENDORS),
        service: random.pick(VENDOR_OFFERINGS),
        ...(random.chance(0.7) ? { url: `${random.pick(LINK_HOSTS)}/vendor-${random.int(100, 99_999)}` } : {}),
        ...(random.chance(0.5) ? { pricingModel: random.pick(['per request', 'per GB-month', 'per node-hour', 'per seat', 'flat monthly']) } : {}),
        ...(random.chance(0.4) ? { limits: `${random.int(1, 50)} ${random.pick(['clusters', 'regions', 'TB', 'requests per second'])} per account` } : {}),
      };
    case 'coffee-chat':
    case 'email-check-in':
    case 'brainstorm':
      return undefined;
  }
}

function slaFigure(metric: SlaMetric, random: SeededRandom, side: 'expected' | 'offered' | 'measured'): string {
  switch (metric) {
    case 'availability':
      return random.pick(['99.5%', '99.9%', '99.95%', '99.99%', '99% during business hours']);
    case 'latency':
      return `p${random.pick([95, 99])} under ${random.pick([50, 100, 200, 300, 500, 1000])} ms`;
    case 'throughput':
      return `${random.pick([100, 500, 1000, 5000, 20_000])} requests per second`;
    case 'freshness':
    case 'other':
      return `${side === 'expected' ? 'within' : 'about'} ${random.int(2, 60)} ${random.pick(['minutes', 'hours'])}`;
  }
}

function generateLinks(channel: Channel, random: SeededRandom, channelFields: ChannelFields | undefined): NoteLink[] {
  const count = channel === 'research' ? random.int(1, 2) : channel === 'open-source' || channel === 'cloud-vendor' ? 1 : random.chance(0.1) ? 1 : 0;
  return Array.from({ length: count }, (_, index) => {
    const url = `${random.pick(LINK_HOSTS)}/${slug(channelFields?.kind ?? channel)}-${random.int(100, 99_999)}`;
    return random.chance(0.7) ? { url, label: index === 0 ? linkLabel(channelFields) : 'Slides' } : { url };
  });
}

function linkLabel(channelFields: ChannelFields | undefined): string {
  switch (channelFields?.kind) {
    case 'research':
      return 'Paper';
    case 'open-source':
      return `${channelFields.project} repository`;
    case 'cloud-vendor':
      return `${channelFields.vendor} documentation`;
    default:
      return 'Reference';
  }
}

function generateTags(channel: Channel, random: SeededRandom): string[] {
  const tags = new Set<string>(random.chance(0.7) ? [CHANNEL_TAG[channel]] : []);
  const wanted = random.int(1, 5);
  // Squaring skews picks towards the front of the list: a few tags are common, most are rare.
  while (tags.size < wanted) tags.add(TAGS[Math.floor(random.next() ** 2 * TAGS.length)] ?? 'misc');
  return [...tags];
}

interface TitleParts {
  readonly firstNames: readonly string[];
  readonly system: string;
  readonly channelFields: ChannelFields | undefined;
}

function generateTitle(channel: Channel, random: SeededRandom, { firstNames, system, channelFields }: TitleParts): string {
  const person = firstNames[0] ?? 'someone';
  switch (channelFields?.kind) {
    case 'sla':
      return `SLA expectations: ${channelFields.service}${channelFields.metric === 'other' ? '' : ` ${channelFields.metric}`}`;
    case 'survey-response':
      return `Survey answer from ${person}: ${system}`;
    case 'discussion-group':
      return `Discussion group: ${channelFields.proposal}`;
    case 'peer-company':
      return `How ${channelFields.company} handles the ${system}`;
    case 'research':
      return `${channelFields.venue ?? random.pick(RESEARCH_VENUES)}: ${capitalise(system)} in practice`;
    case 'open-source':
      return `Open-source scan: ${channelFields.project} for the ${system}`;
    case 'cloud-vendor':
      return `${channelFields.vendor} ${channelFields.service}: could it absorb the ${system}?`;
    case undefined:
      break;
  }
  if (channel === 'coffee-chat') return random.chance(0.5) ? `Coffee chat with ${person}` : `${person} on the ${system}`;
  if (channel === 'email-check-in') return `Check-in: ${person}, ${random.pick(PROBLEMS).split(' ').slice(0, 3).join(' ')}…`;
  return `Brainstorm: ${random.pick(WISHES)}`;
}

interface BodyParts {
  readonly channel: Channel;
  readonly firstNames: readonly string[];
  readonly system: string;
  readonly channelFields: ChannelFields | undefined;
  readonly links: readonly NoteLink[];
  readonly highlightIds: readonly string[];
}

interface Segment {
  readonly text: string;
  readonly marks?: readonly RichTextMark[];
}

/** Builds a TipTap document of about 1 KB on average (log-normal lengths, 150 to 5,000 characters). */
function generateBody(random: SeededRandom, parts: BodyParts): { body: RichTextDoc; quotes: string[] } {
  const targetLength = Math.round(Math.min(5000, Math.max(150, Math.exp(random.normal(Math.log(900), 0.55)))));
  const blocks: RichTextNode[] = [];
  const quotes: string[] = [];
  const pendingHighlights = [...parts.highlightIds];
  let length = 0;
  let headingIndex = 0;

  while (length < targetLength) {
    const roll = random.next();
    if (blocks.length > 0 && roll < 0.12) {
      const text = HEADINGS[headingIndex % HEADINGS.length] ?? 'Notes';
      headingIndex += 1 + random.int(0, 2);
      blocks.push({ type: 'heading', attrs: { level: random.chance(0.7) ? 2 : 3 }, content: [{ type: 'text', text }] });
      length += text.length;
    } else if (roll < 0.27) {
      const items = Array.from({ length: random.int(2, 5) }, () => sentence(random, parts));
      blocks.push({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [paragraph([{ text: item }])] })) });
      length += items.join('').length;
    } else if (roll < 0.32) {
      const items = Array.from({ length: random.int(1, 3) }, () => `Follow up: ${random.pick(WISHES)}`);
      blocks.push({
        type: 'taskList',
        content: items.map((item) => ({ type: 'taskItem', attrs: { checked: random.chance(0.3) }, content: [paragraph([{ text: item }])] })),
      });
      length += items.join('').length;
    } else {
      const segments: Segment[] = [];
      const sentences = random.int(2, 5);
      for (let index = 0; index < sentences; index += 1) {
        const text = sentence(random, parts);
        const separator = index === 0 ? '' : ' ';
        const highlightId = pendingHighlights.length > 0 && random.chance(0.35) ? pendingHighlights.shift() : undefined;
        if (highlightId !== undefined) {
          segments.push({ text: separator }, { text, marks: [{ type: HIGHLIGHT_MARK_TYPE, attrs: { highlightId } }] });
          quotes.push(text);
        } else if (random.chance(0.06)) {
          segments.push({ text: separator }, { text, marks: [{ type: 'bold' }] });
        } else {
          segments.push({ text: `${separator}${text}` });
        }
        length += text.length + separator.length;
      }
      blocks.push(paragraph(segments));
    }
  }

  for (const highlightId of pendingHighlights) {
    const text = sentence(random, parts);
    blocks.push(paragraph([{ text, marks: [{ type: HIGHLIGHT_MARK_TYPE, attrs: { highlightId } }] }]));
    quotes.push(text);
  }
  const link = parts.links[0];
  if (link !== undefined) {
    blocks.push(paragraph([{ text: 'Source: ' }, { text: link.label ?? link.url, marks: [{ type: 'link', attrs: { href: link.url } }] }]));
  }
  if (parts.channel === 'email-check-in') {
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text: 'Thanks,' }, { type: 'hardBreak' }, { type: 'text', text: parts.firstNames[0] ?? 'Team' }] });
  }
  return { body: { type: 'doc', content: blocks }, quotes };
}

/** A paragraph of text nodes, merging neighbours with the same marks as ProseMirror would. */
function paragraph(segments: readonly Segment[]): RichTextNode {
  const content: RichTextNode[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const previous = content.at(-1);
    if (previous?.text !== undefined && previous.marks === undefined && segment.marks === undefined) {
      content[content.length - 1] = { type: 'text', text: previous.text + segment.text };
    } else {
      content.push(segment.marks === undefined ? { type: 'text', text: segment.text } : { type: 'text', text: segment.text, marks: segment.marks });
    }
  }
  return { type: 'paragraph', content };
}

function sentence(random: SeededRandom, { firstNames, system, channelFields }: BodyParts): string {
  const person = firstNames.length > 0 ? random.pick(firstNames) : 'They';
  const otherSystem = random.pick(SYSTEMS);
  switch (random.int(0, 9)) {
    case 0:
      return `${person} said the ${system} ${random.pick(PROBLEMS)} ${random.pick(SITUATIONS)}.`;
    case 1:
      return `What they really want is ${random.pick(WISHES)}.`;
    case 2:
      return `They tried working around the ${otherSystem} with a script, but it ${random.pick(PROBLEMS)}.`;
    case 3:
      return `Their ${random.pick(METRICS)} expectation for the ${system} is stricter than what we offer today.`;
    case 4:
      return `"The ${otherSystem} ${random.pick(PROBLEMS)}," according to ${person}.`;
    case 5:
      return channelFields?.kind === 'peer-company'
        ? `${channelFields.company} solved a similar problem with ${random.pick(OPEN_SOURCE_PROJECTS)} and a small platform team.`
        : `Nobody seems to know who owns the ${otherSystem} ${random.pick(SITUATIONS)}.`;
    case 6:
      return channelFields?.kind === 'cloud-vendor'
        ? `${channelFields.vendor} ${channelFields.service} could absorb part of this, at a price.`
        : `It would save about ${random.int(2, 20)} hours a week if the ${system} were self-service.`;
    case 7:
      return `${person} mentioned that ${random.pick(OPEN_SOURCE_PROJECTS)} might help with the ${otherSystem}.`;
    case 8:
      return `The ${system} and the ${otherSystem} interact badly ${random.pick(SITUATIONS)}.`;
    default:
      return `Worth asking again in a month whether ${random.pick(WISHES)} would change how they work.`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
