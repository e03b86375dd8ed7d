/** The discovery channels a note can come from, in the order screens list them. */
export const CHANNELS = [
  { id: 'coffee-chat', label: 'Coffee chat' },
  { id: 'email-check-in', label: 'Email check-in' },
  { id: 'survey-response', label: 'Survey response' },
  { id: 'discussion-group', label: 'Discussion group' },
  { id: 'sla', label: 'SLA conversation' },
  { id: 'peer-company', label: 'Peer company' },
  { id: 'research', label: 'Research' },
  { id: 'open-source', label: 'Open-source scan' },
  { id: 'cloud-vendor', label: 'Cloud vendor' },
  { id: 'brainstorm', label: 'Brainstorm' },
] as const satisfies readonly { readonly id: string; readonly label: string }[];

export type Channel = (typeof CHANNELS)[number]['id'];

/** The channel ids alone, in display order. */
export const CHANNEL_IDS: readonly Channel[] = CHANNELS.map((channel) => channel.id);
