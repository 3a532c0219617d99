/**
 * Vue files of ours written next to each deck's slides.md (trusted code; content never reaches them).
 *
 * global-top.vue — the slide number in the bottom margin (not on the cover).
 */
const FOOTER_VUE = `<template>
  <div v-if="$nav.currentPage > 1" class="sk-footer">{{ $nav.currentPage }} / {{ $nav.total }}</div>
</template>
`;

/** Path (relative to the deck folder) → contents. */
export const DECK_COMPONENTS: Readonly<Record<string, string>> = {
  'global-top.vue': FOOTER_VUE,
};
