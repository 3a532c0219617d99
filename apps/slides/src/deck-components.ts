/**
 * Vue files of ours written next to each deck's slides.md (trusted code; content never reaches them).
 *
 * global-top.vue — the slide number in the bottom margin (not on the cover).
 */
const FOOTER_VUE = `<template>
  <div v-if="$nav.currentPage > 1" class="sk-footer">{{ $nav.currentPage }} / {{ $nav.total }}</div>
</template>
`;

/**
 * vite.config.mjs — the deck's figures stay files of their own (figures/<digest16>.<ext> becomes
 * assets/<digest16>-<Vite's hash>.<ext>), never inlined into a script as a data URL however small.
 */
const VITE_CONFIG = `export default {
  build: {
    assetsInlineLimit: (file) => (/[\\\\/]figures[\\\\/][0-9a-f]{16}\\.(png|jpg|svg)$/.test(file) ? false : undefined),
  },
};
`;

/** Path (relative to the deck folder) → contents. */
export const DECK_COMPONENTS: Readonly<Record<string, string>> = {
  'global-top.vue': FOOTER_VUE,
  'vite.config.mjs': VITE_CONFIG,
};
