/**
 * Vue files of ours written next to each deck's slides.md (trusted code; content never reaches them
 * except as mermaid text inside the SVG).
 *
 * components/SkFitDiagram.vue — Slidev registers it by name. It
 * sizes the mermaid SVG, which Slidev draws inside a shadow root that page CSS cannot reach, so the
 * whole diagram fits the slide body: enlarged up to `max-zoom` when small, shrunk when large.
 *
 * global-top.vue — the slide number in the bottom margin (not on the cover).
 */
const FIT_DIAGRAM_VUE = `<script setup lang="ts">
import { onBeforeUnmount, onMounted, ref } from 'vue'

const props = defineProps<{ maxZoom?: number; height: number }>()
const box = ref<HTMLElement>()
let timer: ReturnType<typeof setInterval> | undefined
let observer: ResizeObserver | undefined

function fit(): boolean {
  const host = box.value?.querySelector('.mermaid') as HTMLElement | null
  const svg = host?.shadowRoot?.querySelector('svg')
  if (!box.value || !svg) return false
  const viewBox = (svg.getAttribute('viewBox') || '').split(/[\\s,]+/).map(Number)
  const width = viewBox[2]
  const height = viewBox[3]
  if (!width || !height) return false
  const available = box.value.clientWidth
  // A slide mounted ahead of time is hidden (no width yet): fit once it is laid out.
  if (!available) return false
  const scale = Math.min(available / width, props.height / height, props.maxZoom ?? 1)
  svg.removeAttribute('style')
  svg.setAttribute('width', String(Math.floor(width * scale)))
  svg.setAttribute('height', String(Math.floor(height * scale)))
  svg.style.display = 'block'
  svg.style.margin = '0 auto'
  return true
}

onMounted(() => {
  // Mermaid renders asynchronously: poll until the SVG is there, then refit on every resize.
  let tries = 0
  timer = setInterval(() => {
    tries += 1
    if (fit() || tries > 400) clearInterval(timer)
  }, 50)
  observer = new ResizeObserver(() => fit())
  if (box.value) observer.observe(box.value)
})
onBeforeUnmount(() => {
  clearInterval(timer)
  observer?.disconnect()
})
</script>

<template>
  <div ref="box" class="sk-fit-diagram" :style="{ height: props.height + 'px' }">
    <slot />
  </div>
</template>
`;

const FOOTER_VUE = `<template>
  <div v-if="$nav.currentPage > 1" class="sk-footer">{{ $nav.currentPage }} / {{ $nav.total }}</div>
</template>
`;

/** Path (relative to the deck folder) → contents. */
export const DECK_COMPONENTS: Readonly<Record<string, string>> = {
  'components/SkFitDiagram.vue': FIT_DIAGRAM_VUE,
  'global-top.vue': FOOTER_VUE,
};
