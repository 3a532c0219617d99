import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../src/index.js';

describe('escapeHtml', () => {
  it('escapes the five characters HTML acts on, & first so nothing is escaped twice', () => {
    expect(escapeHtml(`<a href="x" title='y'>Q&A</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Q&amp;A&lt;/a&gt;',
    );
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeHtml('&#39;')).toBe('&amp;#39;');
  });

  it('keeps everything else as it is: letters, CJK, emoji, newlines, entities already decoded', () => {
    const text = 'GPT-3 · 变换器 — “quotes” ’ 😀\nsecond line\ttab';
    expect(escapeHtml(text)).toBe(text);
    expect(escapeHtml('')).toBe('');
  });

  it('cannot end an attribute value or start an element, whatever the input', () => {
    const hostile = `"><script>alert('x')</script><img src=x onerror=alert(1)>`;
    const escaped = escapeHtml(hostile);
    expect(escaped).not.toMatch(/[<>"']/);
    expect(escaped).toBe(
      '&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
    );
  });
});
