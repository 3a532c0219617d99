/**
 * Type sizes and colours of the booklet (page geometry and the ink colours it shares with the
 * handouts are @studykit/typeset's). All lengths in PostScript points.
 */
import { INK, type Rgb, type TextStyle } from '@studykit/typeset';
import { channels } from '@studykit/view';

export const TINT: Rgb = [0.955, 0.955, 0.95];
export const LINK: Rgb = [0.09, 0.27, 0.55];
export const WHITE: Rgb = [1, 1, 1];

export const BODY_SIZE = 10.2;
export const BODY_LEADING = 14.6;

export const body: TextStyle = { family: 'serif', size: BODY_SIZE, color: INK };
export const small: TextStyle = { family: 'sans', size: 8.8, color: INK };

/** A family colour (hex, validated by core) as pdf-lib's 0–1 channels. */
export function parseColour(hex: string): Rgb {
  const [red, green, blue] = channels(hex);
  return [red / 255, green / 255, blue / 255];
}

/** A darker shade of a family colour, readable as text on white. */
export function darken(colour: Rgb, amount = 0.35): Rgb {
  return [colour[0] * (1 - amount), colour[1] * (1 - amount), colour[2] * (1 - amount)];
}

/** A pale tint of a family colour, for backgrounds. */
export function lighten(colour: Rgb, amount = 0.88): Rgb {
  return [
    colour[0] + (1 - colour[0]) * amount,
    colour[1] + (1 - colour[1]) * amount,
    colour[2] + (1 - colour[2]) * amount,
  ];
}
