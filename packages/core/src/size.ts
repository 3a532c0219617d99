import type { Size } from './ast.js';
import { SIZE_PATTERN } from './schema.js';

const MULTIPLIERS: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** "175B" → {text: "175B", value: 175e9}; a bare number is shown in the same notation. */
export function toSize(input: string | number): Size {
  if (typeof input === 'number') return { text: formatSize(input), value: input };
  const match = SIZE_PATTERN.exec(input.trim());
  const amount = Number(match?.[1] ?? Number.NaN);
  const unit = (match?.[2] ?? '').toUpperCase();
  return { text: `${match?.[1] ?? input}${unit}`, value: amount * (MULTIPLIERS[unit] ?? 1) };
}

export function formatSize(value: number): string {
  for (const [unit, multiplier] of Object.entries(MULTIPLIERS).reverse()) {
    if (value >= multiplier) return `${Number((value / multiplier).toPrecision(3))}${unit}`;
  }
  return String(value);
}

/** The largest of several sizes (a family of model sizes is labelled by its biggest member). */
export function largestSize(sizes: readonly Size[]): Size | undefined {
  return sizes.reduce<Size | undefined>(
    (largest, size) => (!largest || size.value > largest.value ? size : largest),
    undefined,
  );
}
