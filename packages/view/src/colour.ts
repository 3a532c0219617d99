/**
 * Family colours. Core has validated them as `#rgb`/`#rrggbb`; these only compute with them (tints,
 * shades, text that reads on top), in the notations each renderer needs.
 */

/** `#rgb` → `#rrggbb`, lowercase. */
export function expandHex(hex: string): string {
  const digits = hex.slice(1).toLowerCase();
  return digits.length === 3 ? `#${[...digits].map((c) => c + c).join('')}` : `#${digits}`;
}

/** The colour's channels, 0–255. */
export function channels(hex: string): [number, number, number] {
  const n = Number.parseInt(expandHex(hex).slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex(rgb: number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** Black or white, whichever reads better on `hex` (WCAG relative luminance). */
export function textColourOn(hex: string): string {
  // The text that contrasts more (WCAG 2 ratio). A luminance threshold (0.179) is right for pure black;
  // the dark text is #111111, so greys around #777 got dark text where white reads better.
  const background = luminance(hex);
  const ratio = (text: string) => {
    const [lighter, darker] = [luminance(text), background].sort((a, b) => b - a) as [number, number];
    return (lighter + 0.05) / (darker + 0.05);
  };
  return ratio('#111111') >= ratio('#ffffff') ? '#111111' : '#ffffff';
}

/** Relative luminance (WCAG 2) of a hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** `hex` mixed with white: `amount` 0 keeps the colour, 1 gives white. */
export function tint(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c + (255 - c) * amount));
}

/** `hex` mixed with black. */
export function shade(hex: string, amount: number): string {
  return toHex(channels(hex).map((c) => c * (1 - amount)));
}
