/**
 * Looks at rendered output the way a reader would: in a real Chromium, separate from the renderer.
 */
import { launchChromium } from '@studykit/browser';
import { type DiagramMeasures, measureDiagrams } from '@studykit/diagram';
import type { Browser, Page } from 'playwright-core';

export interface SvgView {
  /** Every label as shown: the lines of each <text>, joined by a space. */
  texts: string[];
  /** Tag names of every element in the SVG. */
  tags: string[];
  /** Link targets of <a> elements. */
  links: string[];
  width: number;
  height: number;
}

export interface PngView {
  width: number;
  height: number;
  /** Share of pixels that are not (near) white. */
  inked: number;
  /** Whether some pixel is within 12 of this colour in every channel. */
  has(colour: string): Promise<boolean>;
}

const SVG_URL = 'http://inspect.invalid/diagram.svg';

export class Inspector {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
  ) {}

  static async launch(): Promise<Inspector> {
    const browser = await launchChromium();
    const page = await browser.newPage();
    const inspector = new Inspector(browser, page);
    // The inspected file is opened as a standalone SVG document (image/svg+xml: any XML or namespace
    // error shows), and it gets no network: everything else is aborted.
    await page.route('**/*', (route) =>
      route.request().url() === SVG_URL
        ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: inspector.current })
        : route.abort(),
    );
    return inspector;
  }

  private current = '';

  /**
   * The fonts Chromium drew the last opened SVG's text with (DevTools protocol), each with whether it
   * is a web font (the SVG's embedded subsets) or a font of this machine.
   */
  async drawnFonts(): Promise<{ family: string; custom: boolean }[]> {
    const session = await this.page.context().newCDPSession(this.page);
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', {
      nodeId: root.nodeId,
      selector: 'text, tspan',
    });
    const found = new Map<string, boolean>();
    for (const nodeId of nodeIds) {
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      for (const font of fonts) if (font.glyphCount > 0) found.set(font.familyName, font.isCustomFont);
    }
    await session.detach();
    return [...found].map(([family, custom]) => ({ family, custom }));
  }

  async svg(svg: string): Promise<SvgView> {
    this.current = svg;
    await this.page.goto(SVG_URL);
    return this.page.evaluate(() => {
      const root = document.documentElement as unknown as SVGSVGElement;
      if (root.localName !== 'svg')
        throw new Error(`not an SVG document: ${root.textContent?.slice(0, 300)}`);
      const texts = [...root.querySelectorAll('text')].map((text) => {
        const rows = [...text.querySelectorAll(':scope > tspan')];
        const lines = rows.length > 0 ? rows.map((row) => row.textContent ?? '') : [text.textContent ?? ''];
        return lines.join(' ').replace(/\s+/g, ' ').trim();
      });
      const box = root.getBoundingClientRect();
      return {
        texts: texts.filter(Boolean),
        tags: [...root.querySelectorAll('*')].map((element) => element.localName),
        links: [...root.querySelectorAll('a')].map(
          (a) => a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? a.getAttribute('href') ?? '',
        ),
        width: box.width,
        height: box.height,
      };
    });
  }

  /**
   * An SVG as a reader sees it opened on its own: the smallest label, overlapping labels, edges through
   * nodes (@studykit/diagram's measureDiagrams), and the legend's height over the whole drawing's.
   */
  async measure(svg: string): Promise<DiagramMeasures & { legendShare: number }> {
    await this.svg(svg);
    const measures = await this.page.evaluate(measureDiagrams, ':root');
    const legendShare = await this.page.evaluate(() => {
      const legend = [...document.querySelectorAll('g.cluster')].find((cluster) =>
        cluster.id.endsWith('-legend'),
      );
      const whole = document.documentElement.getBoundingClientRect().height;
      return legend && whole > 0
        ? Math.round((legend.getBoundingClientRect().height / whole) * 100) / 100
        : 0;
    });
    return { ...measures, legendShare };
  }

  /** The rows of every edge label of the last opened SVG, as drawn (one string per row). */
  async edgeLabelRows(): Promise<string[][]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('g.edgeLabel text')]
        .map((text) => {
          const rows = [...text.querySelectorAll(':scope > tspan')];
          return (rows.length > 0 ? rows : [text]).map((row) => (row.textContent ?? '').trim());
        })
        .filter((rows) => rows.some(Boolean)),
    );
  }

  async png(png: Uint8Array): Promise<PngView> {
    const dataUrl = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
    await this.page.goto('about:blank');
    const stats = await this.page.evaluate(async (url) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) {
        if ((data[i] as number) < 240 || (data[i + 1] as number) < 240 || (data[i + 2] as number) < 240)
          inked++;
      }
      (globalThis as { pixels?: Uint8ClampedArray }).pixels = data;
      return { width: canvas.width, height: canvas.height, inked: inked / (data.length / 4) };
    }, dataUrl);
    return {
      ...stats,
      has: (colour: string) =>
        this.page.evaluate((hex) => {
          const data = (globalThis as { pixels?: Uint8ClampedArray }).pixels as Uint8ClampedArray;
          const n = Number.parseInt(hex.slice(1), 16);
          const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
          for (let i = 0; i < data.length; i += 4) {
            if (
              Math.abs((data[i] as number) - r) <= 12 &&
              Math.abs((data[i + 1] as number) - g) <= 12 &&
              Math.abs((data[i + 2] as number) - b) <= 12
            )
              return true;
          }
          return false;
        }, colour),
    };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
