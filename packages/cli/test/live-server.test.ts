import { describe, expect, it } from 'vitest';
import { LIVE_ENDPOINT, outputOf, withScript } from '../src/live/live-server.js';

describe('the live server’s pages', () => {
  it('names the output a page shows: a deck’s folder for any page in it, else the file', () => {
    expect(outputOf('/')).toBe('index.html');
    expect(outputOf('/index.html')).toBe('index.html');
    expect(outputOf('/slides/llama/')).toBe('slides/llama');
    expect(outputOf('/slides/llama/index.html')).toBe('slides/llama');
    expect(outputOf('/meetings/2026-12-03/')).toBe('meetings/2026-12-03');
    expect(outputOf('/slides/llama.pdf')).toBe('slides/llama.pdf');
    expect(outputOf('/lineage/lineage.svg')).toBe('lineage/lineage.svg');
    expect(outputOf('/slides/%E4%B8%AD%E6%96%87/')).toBe('slides/中文');
    expect(outputOf('/%zz')).toBe('');
  });

  it('adds the script before </head> or </svg>, and leaves any other page as it is', () => {
    const html = withScript(
      'index.html',
      Buffer.from('<html><head><title>x</title></head><body></body></html>'),
    ).toString();
    expect(html).toMatch(
      new RegExp(`<script>.*${LIVE_ENDPOINT.replaceAll('.', '\\.')}.*</script></head>`, 's'),
    );
    const svg = withScript(
      'lineage.svg',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><text>a</text></svg>'),
    ).toString();
    expect(svg).toMatch(/<script type="text\/javascript"><!\[CDATA\[.*\]\]><\/script><\/svg>$/s);
    expect(withScript('bare.html', Buffer.from('<p>no head</p>')).toString()).toBe('<p>no head</p>');
  });
});
