import type { Citation } from '../../../shared/domain/artifact';
import type { CitedSource, ExportDocument } from '../../../shared/export/artifact-export-document';

const day = (iso: string) => Date.parse(`${iso}T10:00:00Z`);

/** Sources by note or highlight id; anything else is a deleted source. */
export const sources: Readonly<Record<string, CitedSource>> = {
  'note-1': { title: 'Coffee chat with Dana Lee', channelLabel: 'Coffee chat', occurredAt: day('2026-03-02') },
  'hl-1': { title: 'Deploy survey', channelLabel: 'Survey response', occurredAt: day('2026-04-10'), quote: 'Dana said deploys take an hour' },
};

export const resolveCitation = (citation: Citation): CitedSource | null =>
  sources[citation.kind === 'highlight' ? citation.highlightId : citation.noteId] ?? null;

const cite = (noteId: string, highlightId: string | null = null, label = 'Label') => ({
  type: 'citation',
  attrs: { kind: highlightId === null ? 'note' : 'highlight', noteId, highlightId, label },
});

export const sampleDocument: ExportDocument = {
  title: 'Platform team: charter',
  subtitle: 'Round: Spring 2026',
  sections: [
    {
      heading: 'Charter',
      level: 2,
      blocks: [],
    },
    {
      heading: 'Unique value',
      level: 3,
      blocks: [
        {
          kind: 'rich-text',
          doc: {
            type: 'doc',
            content: [
              {
                type: 'paragraph',
                content: [
                  { type: 'text', text: 'We ship ' },
                  { type: 'text', text: 'safe', marks: [{ type: 'bold' }] },
                  { type: 'text', text: ' deploys' },
                  cite('note-1', null, 'Coffee chat with Dana Lee'),
                  { type: 'text', text: ' in minutes' },
                  cite('note-1', 'hl-1', 'Dana said deploys take an hour'),
                  { type: 'text', text: '.' },
                ],
              },
              { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'docs', marks: [{ type: 'link', attrs: { href: 'https://example.com/a_(b)' } }] }] }] }] },
            ],
          },
        },
      ],
    },
    {
      heading: 'Strategy',
      level: 3,
      blocks: [
        { kind: 'rich-text', doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Gone' }, cite('gone-note', null, 'Old chat')] }] } },
      ],
    },
    { heading: 'Year 1 themes', level: 3, blocks: [{ kind: 'list', items: ['Self-service deploys'] }] },
    {
      heading: 'User pains',
      level: 2,
      blocks: [
        {
          kind: 'pain-list',
          entries: [
            {
              rank: 1,
              title: 'Slow deploys',
              statement: 'Deploys take too long to trust.',
              solutionKind: 'eliminate',
              evidence: ['3 people', '2 teams', '2 channels', '4 notes'],
              strength: 'Strong',
              slaGaps: ['Deploy API (latency): users expect 5 min, offered best effort'],
              quotes: [{ text: 'Dana Lee waits an hour', attribution: 'Dana Lee, Coffee chat, 2026-03-02' }],
              marketQuotes: [{ text: 'Managed deploys in minutes', attribution: 'Cloud deploy service, Cloud vendor, 2026-02-01' }],
            },
          ],
        },
      ],
    },
  ],
};

/** Text that tries to become markup in every format. */
export const HOSTILE = '<script>alert(1)</script> & <img src=x onerror=alert(2)> **bold** _u_ [x](javascript:alert(3)) # h `c` | > q';

export const hostileDocument: ExportDocument = {
  title: HOSTILE,
  subtitle: HOSTILE,
  sections: [
    {
      heading: HOSTILE,
      level: 2,
      blocks: [
        {
          kind: 'rich-text',
          doc: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: HOSTILE }, cite('note-1', null, HOSTILE)] },
              { type: 'paragraph', content: [{ type: 'text', text: 'click', marks: [{ type: 'link', attrs: { href: 'javascript:alert(4)' } }] }] },
              { type: 'codeBlock', content: [{ type: 'text', text: '```\n</code></pre><script>alert(5)</script>' }] },
            ],
          },
        },
        { kind: 'list', items: [HOSTILE] },
        {
          kind: 'pain-list',
          entries: [
            {
              rank: null,
              title: HOSTILE,
              statement: HOSTILE,
              solutionKind: 'address',
              evidence: [HOSTILE],
              slaGaps: [HOSTILE],
              quotes: [{ text: HOSTILE, attribution: HOSTILE }],
              marketQuotes: [{ text: HOSTILE, attribution: HOSTILE }],
            },
          ],
        },
        { kind: 'table', columns: [HOSTILE, 'Plain'], rows: [[HOSTILE, 'a | b']] },
      ],
    },
  ],
};
