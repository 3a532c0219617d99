/**
 * SVG files from content as vector PDF pages, a page each the size of the image. Each is shown as an
 * <img> of a data URI, never inlined as markup: a script or a link inside it cannot run or load.
 */
import type { Page } from 'playwright-core';
import type { Sheet } from './browser/print-sheets.js';
import { type CaptureLimits, pdfScaleFor } from './capture-limits.js';
import { type PrintOptions, printMarkup } from './print.js';

export interface SvgImage {
  bytes: Uint8Array;
  /** Intrinsic size in CSS px. */
  width: number;
  height: number;
}

export function printSvgImages(
  page: Page,
  images: readonly SvgImage[],
  limits: CaptureLimits,
  options: PrintOptions,
): Promise<Uint8Array> {
  return printMarkup(
    page,
    images.map((image) => sheetOf(image, limits)),
    limits,
    options,
  );
}

function sheetOf(image: SvgImage, limits: CaptureLimits): Sheet {
  const scale = pdfScaleFor(image.width, image.height, limits);
  const [width, height] = [
    Math.max(1, Math.ceil(image.width * scale)),
    Math.max(1, Math.ceil(image.height * scale)),
  ];
  const uri = `data:image/svg+xml;base64,${Buffer.from(image.bytes).toString('base64')}`;
  return {
    html: `<img src="${uri}" alt="" style="display: block; width: ${width}px; height: ${height}px">`,
    width,
    height,
  };
}
