import { describe, expect, it } from 'vitest';
import { cleanHeaderText } from '../../../shared/surveys/clean-header-text';

describe('cleanHeaderText', () => {
  it('strips tags, turning line breaks into spaces', () => {
    expect(cleanHeaderText('<strong>Are you self-employed?</strong>')).toBe('Are you self-employed?');
    expect(cleanHeaderText('Consider this: <br>In Lottery A,<br/>you win')).toBe('Consider this: In Lottery A, you win');
    expect(cleanHeaderText('What country do you <strong>live</strong> in?')).toBe('What country do you live in?');
    expect(cleanHeaderText('<p class="x">One</p><p>Two</p>')).toBe('One Two');
    expect(cleanHeaderText('<em>Straw</em>berries')).toBe('Strawberries');
  });

  it('decodes entities and collapses whitespace', () => {
    expect(cleanHeaderText('Fish &amp; chips&nbsp;&#8211; &#x2019;s &lt;b&gt; &hellip;')).toBe('Fish & chips – ’s <b> …');
    expect(cleanHeaderText('  Line one\r\n\tline two\u00a0 ')).toBe('Line one line two');
    expect(cleanHeaderText('&unknown; &#0;')).toBe('&unknown; &#0;');
  });

  it('keeps text that only looks like a tag', () => {
    expect(cleanHeaderText('Age < 18 or > 65')).toBe('Age < 18 or > 65');
    expect(cleanHeaderText('')).toBe('');
  });
});
