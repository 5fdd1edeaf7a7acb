/** A4 in points, margins after GB/T 9704 proportions, with room in the bottom margin for the footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 76,
  bottom: 100,
  left: 78,
  right: 74,
} as const;

export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
export const CONTENT_BOTTOM = PAGE.height - PAGE.bottom;

export const TYPE = {
  body: 14,
  bodyLeading: 24,
  title: 22,
  subtitle: 17,
  number: 13,
  /** The signature line at the foot of each page of a record. */
  pageSign: 10.5,
  heading: 14,
  small: 10.5,
  smallLeading: 16,
  cell: 12,
  cellLeading: 17,
  signature: 13,
  signatureLeading: 32,
  footer: 9,
} as const;

export const COLORS = {
  text: '#000000',
  muted: '#6b6b6b',
  labelFill: '#f1f1f1',
} as const;

/** Baseline of a line of `size` text centred in a line box of `leading` starting at `top`. */
export function baseline(top: number, leading: number, size: number): number {
  // The ideographic em box sits from 0.12 em below to 0.88 em above the baseline.
  return top + leading / 2 + size * 0.38;
}
