/**
 * Splits an author as written in the frontmatter ("Given Family") into CSL name parts. Only names
 * that clearly read as a Western personal name are split; anything else (an organisation, a single
 * name, a name in Chinese, stray markup) stays whole as a `literal`, which every style prints as is.
 */
import type { CslName } from './csl-types.js';

/** A word of a personal name: letters, with inner apostrophes, hyphens or a closing period ("B.", "O'Neil"). */
const NAME_WORD = /^\p{L}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?$/u;
/** Scripts whose names are not "given family" separated by a space, so splitting would be a guess. */
const EAST_ASIAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Words that make an author an organisation rather than a person (case as usually written). */
const ORGANISATION_WORD =
  /^(?:AI|Lab|Labs|Laboratory|Institute|University|College|School|Academy|Team|Group|Research|Foundation|Inc\.?|Corp\.?|Ltd\.?|LLC|Company|Center|Centre|Department|Consortium|Collaboration|Project|Community|Workshop|Organisation|Organization|and|&)$/;
const SUFFIX = /^(?:Jr\.?|Sr\.?|II|III|IV)$/;
/** Lower-case words before the family name that belong to it: "van" Beethoven, "de" la Cruz. */
const PARTICLE = /^\p{Ll}+$/u;

export function toCslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  const literal = { literal: name.trim() };
  if (words.length < 2 || EAST_ASIAN.test(name)) return literal;
  if (words.some((word) => ORGANISATION_WORD.test(word) || !NAME_WORD.test(word))) return literal;

  const suffix = words.length > 2 && SUFFIX.test(words.at(-1) ?? '') ? words.pop() : undefined;
  const family = words.pop() ?? '';
  const particles: string[] = [];
  // The first word is always a given name, even in lower case ("bell hooks" stays given + family).
  while (words.length > 1 && PARTICLE.test(words.at(-1) ?? '')) particles.unshift(words.pop() ?? '');

  return {
    family,
    ...(words.length > 0 ? { given: words.join(' ') } : {}),
    ...(particles.length > 0 ? { 'non-dropping-particle': particles.join(' ') } : {}),
    ...(suffix ? { suffix } : {}),
  };
}
