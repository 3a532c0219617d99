/**
 * The group's look on its decks, from study.md: the accent colour (every deck's, in place of the
 * family's or the meetings' slate), a dark colour scheme (Slidev's `colorSchema`, and our slides'
 * own colours after it), and the logo at the cover's top right. Pure: render-decks.ts copies the
 * logo's file into the deck beside the figures.
 */
import type { DeckTheme, ImageAsset, Study } from '@studykit/core';
import type { SlidePlan } from './deck.js';
import { contentHtml } from './escape.js';
import { figureFile } from './figures.js';
import { PAD_TOP, PAD_X } from './layout.js';

export interface DeckLook {
  /** study.md's `accent`; null: the family's colour (a meeting's deck: the slate). */
  accent: string | null;
  theme: DeckTheme;
  /** The logo's file and its alt text (the group's name); null without one, or when it is broken. */
  logo: { asset: ImageAsset; alt: string } | null;
}

export function deckLook(study: Study): DeckLook {
  const asset = study.logo?.data?.asset;
  return {
    accent: study.accent,
    theme: study.theme,
    logo: asset ? { asset, alt: study.logo?.alt ?? '' } : null,
  };
}

/** The cover slide with the logo drawn at its top right; the other slides as they are. */
export function withLogo(plans: SlidePlan[], look: DeckLook): SlidePlan[] {
  const logo = look.logo;
  if (!logo) return plans;
  const img = `<img class="sk-cover-logo" src="./${figureFile(logo.asset)}" alt="${contentHtml(logo.alt)}">`;
  return plans.map((plan) =>
    plan.kind === 'cover' && plan.body.type === 'fixed'
      ? { ...plan, body: { ...plan.body, html: `${img}${plan.body.html}` } }
      : plan,
  );
}

/**
 * The logo's place: out of the flow (it never changes what fits), inside the frame's padding edge
 * (the print check holds it to the frame like any content), and the dark scheme's colours.
 */
export function deckThemeCss(look: DeckLook): string {
  const logo = look.logo
    ? `
.slidev-layout.sk-page .sk-cover-logo { position: absolute; top: ${PAD_TOP}px; right: ${PAD_X}px; max-width: 220px; max-height: 72px; width: auto; height: auto; }`
    : '';
  return `${logo}${look.theme === 'dark' ? DARK : ''}`;
}

/**
 * Slidev puts `dark` on <html> for `colorSchema: dark` (its own screens follow); our slides set their
 * colours themselves, so each light colour of deck-style.ts has its dark one here, one step more specific.
 */
const DARK = `
html.dark {
  --sk-ink: #e2e8f0;
  --sk-muted: #94a3b8;
  --sk-accent-soft: color-mix(in srgb, var(--sk-accent) 24%, #0f172a);
  --sk-accent-mid: color-mix(in srgb, var(--sk-accent) 55%, #0f172a);
}
html.dark .slidev-layout.sk-page:not(.sk-page-cover) { background: #0f172a; }
html.dark .slidev-layout.sk-page .sk-body code { background: #1e293b; color: #e2e8f0; }
html.dark .slidev-layout.sk-page .sk-body pre.sk-code { background: #1e293b; border-color: #334155; }
html.dark .slidev-layout.sk-page .sk-body pre.sk-code code { background: none; }
html.dark .slidev-layout.sk-page .sk-body p.sk-footnote,
html.dark .slidev-layout.sk-page .sk-body hr,
html.dark .slidev-layout.sk-page .sk-body table.sk-table td { border-color: #334155; }
html.dark .slidev-layout.sk-page .sk-body table.sk-table tbody tr:nth-child(even) td { background: #1e293b; }
html.dark .slidev-layout.sk-page .sk-body .sk-raw,
html.dark .slidev-layout.sk-page .sk-body .sk-math-error { color: #fda4af; }
html.dark .slidev-layout.sk-page .sk-chip { color: #f8fafc; }`;
