/**
 * A standalone SVG carries its fonts: the subset of each face that its labels use, as WOFF2 data URIs
 * in an @font-face rule inside the SVG's own <style>. Labels then fit their boxes in any viewer,
 * whatever fonts that machine has (mermaid sized the boxes with these very faces).
 */
import { dataUri, fontFaceCss, subsetFonts } from '@studykit/fonts';

/** The characters an SVG may draw: its text with tags dropped and entities decoded (a superset). */
export function svgText(svg: string): string {
  return svg
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(Number.parseInt(code, 16)))
    .replace(
      /&(lt|gt|quot|apos|amp);/g,
      (_, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name] ?? '',
    );
}

export async function embedFonts(svg: string): Promise<string> {
  const fonts = await subsetFonts(svgText(svg), { families: ['sans', 'cjk', 'emoji'], regularOnly: true });
  const rules = fontFaceCss(fonts, dataUri);
  return svg.includes('<style>')
    ? svg.replace('<style>', `<style>${rules}`)
    : svg.replace(/(<svg[^>]*>)/, `$1<style>${rules}</style>`);
}
