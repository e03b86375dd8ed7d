import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../../shared/domain/channel';
import { richTextToPlainText } from '../../../shared/domain/rich-text';
import { isUntouchedTemplate, noteTemplate, noteTemplatePrompts } from '../../../shared/rich-text/note-templates';
import { sanitizeRichText } from '../../../shared/rich-text/sanitize-rich-text';

// Discovery judges nothing: a template that asks to score, rank or prioritise breaks the method.
const JUDGING_WORDS = /\b(scor\w*|rank\w*|rating|rate|priorit\w*|vote\w*|voting|severity|urgen\w*|critical|important|importance|weight\w*|impact|top \d+|best|worst|must-have|nice-to-have|stars?)\b/i;

describe('noteTemplate', () => {
  it.each(CHANNEL_IDS)('has a clean, editable template for %s', (channel) => {
    const template = noteTemplate(channel);
    expect(template.type).toBe('doc');
    expect(sanitizeRichText(template)).toEqual(template);
  });

  it.each(CHANNEL_IDS)('asks nothing that scores or ranks in %s', (channel) => {
    expect(richTextToPlainText(noteTemplate(channel))).not.toMatch(JUDGING_WORDS);
  });

  it('the judging-word check does catch judging prompts', () => {
    for (const prompt of ['Score this', 'Priority', 'How would you rate it?', 'Rank the ideas', 'Impact']) expect(prompt).toMatch(JUDGING_WORDS);
  });

  it('gives each prompt a heading and a place to write under it', () => {
    expect(noteTemplate('coffee-chat')).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What are you working on?' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What could we improve?' }] },
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'What would make your week easier?' }] },
        { type: 'paragraph' },
      ],
    });
  });

  it('has the prompts of each channel', () => {
    expect(noteTemplatePrompts('discussion-group')).toEqual(['The proposal', 'Reactions', 'Concerns', 'What would change their mind']);
    expect(noteTemplatePrompts('sla')).toEqual(['What they rely on', 'What happens when it is late or down', 'What they expect']);
    expect(noteTemplatePrompts('peer-company')).toEqual(['How they approach it', 'What worked', 'What did not']);
    expect(noteTemplatePrompts('research')).toEqual(['Key claims', 'Evidence', 'Relevance to us']);
    expect(noteTemplatePrompts('open-source')).toEqual(['What it does', 'State and trends', "Could it solve our users' problem?"]);
    expect(noteTemplatePrompts('cloud-vendor')).toEqual(['What it offers', 'Limits', 'Could it absorb the problem?']);
    expect(noteTemplatePrompts('brainstorm')).toEqual(['Ideas', 'Open questions']);
    expect(noteTemplatePrompts('email-check-in').length).toBeGreaterThan(0);
  });

  it('collects brainstorm ideas in lists', () => {
    expect(noteTemplate('brainstorm').content?.filter((node) => node.type === 'bulletList')).toHaveLength(2);
  });

  it('leaves survey responses empty', () => {
    expect(noteTemplate('survey-response')).toEqual({ type: 'doc', content: [] });
  });

  it('returns a fresh document each time', () => {
    expect(noteTemplate('research')).not.toBe(noteTemplate('research'));
    expect(noteTemplate('research').content?.[0]).not.toBe(noteTemplate('research').content?.[0]);
  });
});

describe('isUntouchedTemplate', () => {
  it.each(CHANNEL_IDS)('knows the %s template as given', (channel) => {
    expect(isUntouchedTemplate(noteTemplate(channel), channel)).toBe(true);
  });

  it('is false once anything is written, or for another channel’s template', () => {
    const written = noteTemplate('coffee-chat');
    const withText = { ...written, content: [...(written.content ?? []), { type: 'paragraph', content: [{ type: 'text', text: 'Builds are slow' }] }] };
    expect(isUntouchedTemplate(withText, 'coffee-chat')).toBe(false);
    expect(isUntouchedTemplate(noteTemplate('sla'), 'coffee-chat')).toBe(false);
    expect(isUntouchedTemplate({ type: 'doc', content: [] }, 'coffee-chat')).toBe(false);
    expect(isUntouchedTemplate({ type: 'doc', content: [] }, 'survey-response')).toBe(true);
  });
});
