import type { Channel } from './channel';
import { SLA_METRICS, type ChannelFields, type SlaMetric } from './note';

/** One channel-specific input on the note form. */
export interface ChannelFieldSpec {
  readonly key: string;
  readonly label: string;
  readonly kind: 'text' | 'url' | 'year' | 'select';
  readonly isRequired?: boolean;
  readonly options?: readonly string[];
  readonly placeholder?: string;
}

/** The fields each channel's notes carry beyond title, date, people, teams, organisation and tags. */
export const CHANNEL_FIELD_SPECS: Readonly<Record<Channel, readonly ChannelFieldSpec[]>> = {
  'coffee-chat': [],
  'email-check-in': [],
  'survey-response': [],
  'discussion-group': [{ key: 'proposal', label: 'Proposal they reacted to', kind: 'text', isRequired: true, placeholder: 'e.g. Self-service database provisioning' }],
  sla: [
    { key: 'service', label: 'Service', kind: 'text', isRequired: true, placeholder: 'e.g. Build cache' },
    { key: 'metric', label: 'Metric', kind: 'select', isRequired: true, options: SLA_METRICS },
    { key: 'expected', label: 'Users expect', kind: 'text', isRequired: true, placeholder: 'e.g. 99.95% or 200 ms' },
    { key: 'offered', label: 'Offered today', kind: 'text', placeholder: 'e.g. 99.9%' },
    { key: 'measured', label: 'Measured today', kind: 'text', placeholder: 'if known' },
  ],
  'peer-company': [
    { key: 'company', label: 'Company', kind: 'text', isRequired: true },
    { key: 'approach', label: 'How they approach it', kind: 'text' },
  ],
  research: [
    { key: 'authors', label: 'Authors', kind: 'text' },
    { key: 'venue', label: 'Venue', kind: 'text', placeholder: 'e.g. OSDI, SREcon' },
    { key: 'year', label: 'Year', kind: 'year' },
    { key: 'url', label: 'URL', kind: 'url' },
  ],
  'open-source': [
    { key: 'project', label: 'Project', kind: 'text', isRequired: true },
    { key: 'url', label: 'URL', kind: 'url' },
    { key: 'licence', label: 'Licence', kind: 'text', placeholder: 'e.g. Apache-2.0' },
    { key: 'activity', label: 'Activity', kind: 'text', placeholder: 'e.g. weekly releases, 40 contributors' },
    { key: 'maturity', label: 'Maturity', kind: 'text', placeholder: 'e.g. CNCF incubating' },
  ],
  'cloud-vendor': [
    { key: 'vendor', label: 'Vendor', kind: 'text', isRequired: true, placeholder: 'e.g. AWS' },
    { key: 'service', label: 'Service', kind: 'text', isRequired: true },
    { key: 'url', label: 'URL', kind: 'url' },
    { key: 'pricingModel', label: 'Pricing model', kind: 'text' },
    { key: 'limits', label: 'Limits', kind: 'text' },
  ],
  brainstorm: [],
};

/** What the people field is called on each channel's form. */
export function peopleLabel(channel: Channel): string {
  switch (channel) {
    case 'discussion-group':
      return 'Participants (2-4)';
    case 'brainstorm':
      return 'Participants';
    case 'survey-response':
      return 'Respondent';
    default:
      return 'People';
  }
}

/** A warning about the people on a note, or null: discussion groups work with 2-4 people. */
export function peopleWarning(channel: Channel, peopleCount: number): string | null {
  if (channel !== 'discussion-group' || peopleCount === 0) return null;
  if (peopleCount < 2) return 'A discussion group needs at least 2 participants.';
  if (peopleCount > 4) return 'Discussion groups work best with 2-4 participants; consider splitting this one.';
  return null;
}

/** The form values of a note's channel fields, every spec key present. */
export function channelFieldValues(channel: Channel, fields: ChannelFields | undefined): Readonly<Record<string, string>> {
  return Object.fromEntries(
    CHANNEL_FIELD_SPECS[channel].map((spec) => {
      const value: unknown = fields === undefined ? undefined : Reflect.get(fields, spec.key);
      return [spec.key, typeof value === 'string' ? value : spec.kind === 'select' ? (spec.options?.[0] ?? '') : ''];
    }),
  );
}

function isSlaMetric(value: string): value is SlaMetric {
  return (SLA_METRICS as readonly string[]).includes(value);
}

/**
 * Builds the stored channel fields from form values: trimmed, empty optional fields left out,
 * undefined for channels without fields. Required fields may be empty while a note is a draft.
 */
export function channelFieldsFromValues(channel: Channel, values: Readonly<Record<string, string>>): ChannelFields | undefined {
  const value = (key: string) => (values[key] ?? '').trim();
  const optional = (key: string) => (value(key) === '' ? {} : { [key]: value(key) });
  switch (channel) {
    case 'sla': {
      const metric = value('metric');
      return {
        kind: 'sla',
        service: value('service'),
        metric: isSlaMetric(metric) ? metric : 'other',
        expected: value('expected'),
        ...optional('offered'),
        ...optional('measured'),
      };
    }
    case 'discussion-group':
      return { kind: 'discussion-group', proposal: value('proposal') };
    case 'peer-company':
      return { kind: 'peer-company', company: value('company'), ...optional('approach') };
    case 'research':
      return { kind: 'research', ...optional('authors'), ...optional('venue'), ...optional('year'), ...optional('url') };
    case 'open-source':
      return { kind: 'open-source', project: value('project'), ...optional('url'), ...optional('licence'), ...optional('activity'), ...optional('maturity') };
    case 'cloud-vendor':
      return { kind: 'cloud-vendor', vendor: value('vendor'), service: value('service'), ...optional('url'), ...optional('pricingModel'), ...optional('limits') };
    default:
      return undefined;
  }
}

/** Problems with channel field values, keyed by field, for inline messages. Empty when all is well. */
export function channelFieldProblems(channel: Channel, values: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const problems: Record<string, string> = {};
  for (const spec of CHANNEL_FIELD_SPECS[channel]) {
    const value = (values[spec.key] ?? '').trim();
    if (spec.isRequired && value === '') problems[spec.key] = `${spec.label} is needed.`;
    else if (spec.kind === 'url' && value !== '' && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value)) problems[spec.key] = 'Use a full web address starting with https://';
    else if (spec.kind === 'year' && value !== '' && !/^(19|20)\d\d$/.test(value)) problems[spec.key] = 'Use a four-digit year, e.g. 2024.';
  }
  return problems;
}
