import katex from 'katex';
import { texToHtml } from './to-html.js';

/** Why KaTeX refuses a formula: its own words, and where in the TeX (0-based offset), when it says. */
export interface TexError {
  message: string;
  offset: number | null;
}

/** null when KaTeX typesets `tex`; else its message (without the echo of the source it appends). */
export function texError(tex: string, display: boolean): TexError | null {
  try {
    texToHtml(tex, display); // typesetting, not just parsing: some refusals come only then
    return null;
  } catch (error) {
    if (error instanceof katex.ParseError) {
      const offset = Number.isInteger(error.position) ? error.position : null;
      return { message: error.rawMessage, offset };
    }
    throw error;
  }
}
