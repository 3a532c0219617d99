import { describe, expect, test } from 'vitest';
import { oneLine } from '../src/index.js';

describe('oneLine', () => {
  test("drops Playwright's call log and colour codes: one line", () => {
    const playwright = new Error(
      'locator.screenshot: Timeout 29895ms exceeded.\nCall log:\n\u001b[2m  - taking element screenshot\u001b[22m\n\u001b[2m    - disabled all CSS animations\u001b[22m\n',
    );
    expect(oneLine(playwright)).toBe('locator.screenshot: Timeout 29895ms exceeded.');
    const launch = new Error(
      'browserType.launch: Target closed\n=========================== logs ===========================\n<launching> /usr/bin/chromium\n',
    );
    expect(oneLine(launch)).toBe('browserType.launch: Target closed');
    const closed = new Error(
      'browserType.launch: Target page, context or browser has been closed\nBrowser logs:\n\n<launching> /bin/false --headless\n[pid=1] <gracefully close start>',
    );
    expect(oneLine(closed)).toBe('browserType.launch: Target page, context or browser has been closed');
    expect(oneLine('a\n  b\tc')).toBe('a b c');
    expect(oneLine('x'.repeat(1000))).toHaveLength(240);
  });
});
