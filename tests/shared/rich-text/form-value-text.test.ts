import { describe, expect, it } from 'vitest';
import { formValueText } from '../../../shared/rich-text/form-value-text';

describe('formValueText', () => {
  it('lists filled fields with readable labels, rich text as plain text, and leaves ids out', () => {
    const text = formValueText({
      title: 'Remote cache',
      capabilityNotes: 'Checked the vendor offering',
      noteIds: ['n1'],
      empty: '',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Warm it at night' }] }] },
    });
    expect(text).toBe('Title: Remote cache\nCapability notes: Checked the vendor offering\nBody:\nWarm it at night');
  });

  it('reads a value that is only a string', () => {
    expect(formValueText('70')).toBe('70');
  });
});
