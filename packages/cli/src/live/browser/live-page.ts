/// <reference lib="dom" />
/**
 * The page side of `watch --serve`, injected into every served HTML page and SVG (never into out/).
 * It listens on the server's event stream and:
 * - on `reload` (its output landed in out/) reloads, a deck staying on the slide it showed: the slide
 *   with the same kicker and title in the new deck.json, else the same number;
 * - on `preview` (a deck laid out again, before its full build) replaces the slides' HTML in place,
 *   each shown slide by the new slide with its title, so the edit shows at once.
 * `livePage` runs in the browser from its source text: it uses nothing declared outside it.
 */

export interface LiveSlide {
  title: string;
  kicker: string;
  html?: string;
}

export type LiveMessage = { type: 'reload' } | { type: 'preview'; slides: LiveSlide[]; css: string };

export function livePage(endpoint: string): void {
  const KEY = 'studykit-live-slide';
  const here = location.pathname;
  // A Slidev deck (its app's root element); known once the document is parsed (this runs in <head>).
  let deck = false;
  /** What the deck shows now, slide by slide (deck.json first, then each preview). */
  let shown: LiveSlide[] = [];
  let latest: { slides: LiveSlide[]; css: string; map: number[] } | undefined;

  const base = (title: string) => title.replace(/ \(\d+\/\d+\)$/, '');
  /** 1-based number of the slide in `slides` that stands where `old` stood. */
  const find = (slides: readonly LiveSlide[], old: LiveSlide | undefined, number: number): number => {
    if (old) {
      const exact = slides.findIndex((s) => s.kicker === old.kicker && s.title === old.title);
      if (exact >= 0) return exact + 1;
      const section = slides.findIndex((s) => s.kicker === old.kicker && base(s.title) === base(old.title));
      if (section >= 0) return section + 1;
    }
    return Math.min(Math.max(1, number), Math.max(1, slides.length));
  };
  const current = (): number => Number(/(\d+)\/?$/.exec(location.hash)?.[1] ?? 1);
  const manifest = (): Promise<LiveSlide[]> =>
    fetch('deck.json', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : { slides: [] }))
      .then((m: { slides?: LiveSlide[] }) => m.slides ?? [])
      .catch(() => []);

  const patch = (root: ParentNode) => {
    if (!latest) return;
    for (const page of root.querySelectorAll<HTMLElement>('[class*="slidev-page-"]')) {
      const number = Number(/slidev-page-(\d+)/.exec(page.className)?.[1]);
      const slide = latest.slides[(latest.map[number - 1] ?? number) - 1];
      const old = page.querySelector<HTMLElement>('.sk-slide');
      if (!slide?.html || !old || old.dataset.live === slide.html) continue;
      const fresh = document.createElement('template');
      fresh.innerHTML = slide.html;
      const element = fresh.content.firstElementChild as HTMLElement | null;
      if (!element) continue;
      element.removeAttribute('v-pre');
      element.dataset.live = slide.html;
      old.replaceWith(element);
    }
  };

  const preview = (slides: LiveSlide[], css: string) => {
    // Every slide number the deck has now maps to the new slide that stands where it stood.
    const map = shown.map((old, index) => find(slides, old, index + 1));
    latest = { slides, css, map };
    shown = shown.map((_, index) => slides[(map[index] ?? index + 1) - 1] ?? { title: '', kicker: '' });
    let style = document.getElementById('studykit-live-css');
    if (!style) {
      style = document.createElement('style');
      style.id = 'studykit-live-css';
      document.head.append(style);
    }
    style.textContent = css;
    patch(document);
  };

  const reload = () => {
    if (deck) {
      const number = current();
      sessionStorage.setItem(KEY, JSON.stringify({ here, number, slide: shown[number - 1] }));
    }
    location.reload();
  };

  const start = () => {
    deck = document.querySelector('#app') !== null;
    if (!deck) return;
    void manifest().then(async (slides) => {
      shown = slides;
      const saved = sessionStorage.getItem(KEY);
      sessionStorage.removeItem(KEY);
      if (!saved) return;
      const {
        here: page,
        number,
        slide,
      } = JSON.parse(saved) as { here: string; number: number; slide?: LiveSlide };
      if (page !== here) return;
      const target = find(slides, slide, number);
      if (target !== current())
        location.hash = location.hash.replace(/\d+\/?$/, String(target)) || `#/${target}`;
    });
    // Slidev mounts slides as they are visited: new ones get the latest preview too.
    new MutationObserver(() => patch(document)).observe(document.documentElement, {
      childList: true,
      subtree: true,
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();

  const events = new EventSource(`${endpoint}?page=${encodeURIComponent(here)}`);
  events.onmessage = (event: MessageEvent<string>) => {
    const message = JSON.parse(event.data) as LiveMessage;
    if (message.type === 'reload') reload();
    else if (deck) preview(message.slides, message.css);
  };
}
