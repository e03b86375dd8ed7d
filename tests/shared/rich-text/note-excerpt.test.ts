import { describe, expect, it } from 'vitest';
import { noteExcerpt } from '../../../shared/rich-text/note-excerpt';
import { noteTemplatePrompts } from '../../../shared/rich-text/note-templates';

describe('noteExcerpt', () => {
  it('shows what was written, not the template prompts', () => {
    const [first, second] = noteTemplatePrompts('coffee-chat');
    const text = [first, 'Migrating the billing service to Kubernetes', second, '', 'Faster CI'].join('\n');
    expect(noteExcerpt('coffee-chat', text)).toBe('Migrating the billing service to Kubernetes · Faster CI');
  });

  it('is empty for an untouched template, and cut to length', () => {
    expect(noteExcerpt('sla', noteTemplatePrompts('sla').join('\n'))).toBe('');
    expect(noteExcerpt('brainstorm', 'x'.repeat(500), 10)).toBe('xxxxxxxxxx');
  });
});
