/**
 * The kit's typefaces, one table for every output: TTF files shipped in npm packages, so every output
 * draws its text with the same faces on every machine (never a system font). The PDFs (report,
 * handouts: @studykit/typeset) embed TTF subsets of them; the decks and the diagrams carry per-output
 * subsets as web fonts. The serif is the PDFs' body face only: no web output uses it.
 */
import { createRequire } from 'node:module';

export type FaceId =
  | 'sans'
  | 'sansItalic'
  | 'sansSemibold'
  | 'sansBold'
  | 'sansBoldItalic'
  | 'mono'
  | 'monoBold'
  | 'cjk'
  | 'cjkBold'
  | 'emoji'
  | 'serif'
  | 'serifBold'
  | 'serifItalic'
  | 'serifBoldItalic';

/** A face as CSS sees it: one `@font-face` rule per face. */
export interface Face {
  id: FaceId;
  /** The CSS family name. Ours alone (prefixed), so a font installed on a viewer's machine never matches. */
  family: string;
  weight: number;
  style: 'normal' | 'italic';
  /** The TTF inside its npm package. */
  file: string;
}

export const FAMILIES = {
  sans: 'Studykit Sans',
  mono: 'Studykit Mono',
  cjk: 'Studykit CJK',
  emoji: 'Studykit Emoji',
  serif: 'Studykit Serif',
} as const;

const SOURCE_SANS = '@expo-google-fonts/source-sans-3';
const SOURCE_CODE = '@expo-google-fonts/source-code-pro';
const NOTO_SC = '@expo-google-fonts/noto-sans-sc';
const SOURCE_SERIF = '@expo-google-fonts/source-serif-4';

export const FACES: Readonly<Record<FaceId, Face>> = {
  sans: face('sans', 'sans', 400, 'normal', `${SOURCE_SANS}/400Regular/SourceSans3_400Regular.ttf`),
  sansItalic: face(
    'sansItalic',
    'sans',
    400,
    'italic',
    `${SOURCE_SANS}/400Regular_Italic/SourceSans3_400Regular_Italic.ttf`,
  ),
  sansSemibold: face(
    'sansSemibold',
    'sans',
    600,
    'normal',
    `${SOURCE_SANS}/600SemiBold/SourceSans3_600SemiBold.ttf`,
  ),
  sansBold: face('sansBold', 'sans', 700, 'normal', `${SOURCE_SANS}/700Bold/SourceSans3_700Bold.ttf`),
  sansBoldItalic: face(
    'sansBoldItalic',
    'sans',
    700,
    'italic',
    `${SOURCE_SANS}/700Bold_Italic/SourceSans3_700Bold_Italic.ttf`,
  ),
  mono: face('mono', 'mono', 400, 'normal', `${SOURCE_CODE}/400Regular/SourceCodePro_400Regular.ttf`),
  monoBold: face('monoBold', 'mono', 700, 'normal', `${SOURCE_CODE}/700Bold/SourceCodePro_700Bold.ttf`),
  cjk: face('cjk', 'cjk', 400, 'normal', `${NOTO_SC}/400Regular/NotoSansSC_400Regular.ttf`),
  cjkBold: face('cjkBold', 'cjk', 700, 'normal', `${NOTO_SC}/700Bold/NotoSansSC_700Bold.ttf`),
  // Monochrome Noto Emoji: notes carry emoji, and the colour font is 10 MB of bitmaps.
  emoji: face(
    'emoji',
    'emoji',
    400,
    'normal',
    '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf',
  ),
  serif: face('serif', 'serif', 400, 'normal', `${SOURCE_SERIF}/400Regular/SourceSerif4_400Regular.ttf`),
  serifBold: face('serifBold', 'serif', 700, 'normal', `${SOURCE_SERIF}/700Bold/SourceSerif4_700Bold.ttf`),
  serifItalic: face(
    'serifItalic',
    'serif',
    400,
    'italic',
    `${SOURCE_SERIF}/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf`,
  ),
  serifBoldItalic: face(
    'serifBoldItalic',
    'serif',
    700,
    'italic',
    `${SOURCE_SERIF}/700Bold_Italic/SourceSerif4_700Bold_Italic.ttf`,
  ),
};

function face(
  id: FaceId,
  family: keyof typeof FAMILIES,
  weight: number,
  style: Face['style'],
  file: string,
): Face {
  return { id, family: FAMILIES[family], weight, style, file };
}

/**
 * The one fallback order, for every output: text asks for a family (its stack's name) and the first
 * family of the stack that has a character draws it: the family itself, then CJK, then emoji. The
 * serif has about 900 characters to the sans's 1,600 (IPA, more Latin Extended, symbols such as ϕ):
 * what it and CJK lack, the sans draws. A character no family of the stack has is drawn as
 * MISSING_GLYPH (`Coverage.drawable` for the web outputs, @studykit/typeset for the PDFs), so the
 * generic CSS family at the end is never reached (tests prove it with Chromium's own report of the
 * fonts it used).
 */
export const STACKS = {
  sans: ['sans', 'cjk', 'emoji'],
  mono: ['mono', 'cjk', 'emoji'],
  serif: ['serif', 'cjk', 'sans', 'emoji'],
} as const satisfies Record<string, readonly (keyof typeof FAMILIES)[]>;

export function cssStack(stack: keyof typeof STACKS): string {
  const generic = stack === 'mono' ? 'monospace' : stack === 'serif' ? 'serif' : 'sans-serif';
  return [...STACKS[stack].map((family) => `'${FAMILIES[family]}'`), generic].join(', ');
}

/** The faces of one family, e.g. every weight of 'Studykit Sans'. */
export function facesOf(family: keyof typeof FAMILIES): Face[] {
  return Object.values(FACES).filter((f) => f.family === FAMILIES[family]);
}

const require = createRequire(import.meta.url);

export function facePath(id: FaceId): string {
  return require.resolve(FACES[id].file);
}
