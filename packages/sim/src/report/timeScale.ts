/**
 * The shared time axis of every chart: virtual ms → x pixels, and round tick steps.
 * @packageDocumentation
 */
import { esc, px, shortDuration } from './html.js';
import type { FaultMark } from './analyzeTrace.js';

/** Chart width in px, and the plot area's left and right edges. */
export const CHART_WIDTH = 960;
export const PLOT_LEFT = 64;
export const PLOT_RIGHT = 944;

/** Maps virtual time onto the plot area. */
export interface TimeScale {
  /** Virtual ms at the right edge. */
  readonly horizon: number;
  x(t: number): number;
  /** Tick times, from 0, on a round step, at most ~10. */
  readonly ticks: readonly number[];
}

const STEPS = [
  1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000,
  1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000,
];

/** A scale from 0 to `horizon` ms (at least 1 s). */
export function timeScale(horizon: number): TimeScale {
  const h = Math.max(1000, horizon);
  const step = STEPS.find((s) => h / s <= 10) ?? Math.ceil(h / 10 / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = 0; t <= h; t += step) ticks.push(t);
  return {
    horizon: h,
    x: (t) => PLOT_LEFT + (Math.min(Math.max(t, 0), h) / h) * (PLOT_RIGHT - PLOT_LEFT),
    ticks,
  };
}

/** Attributes that let a reader (or a test) map x back to time. */
export function scaleAttrs(scale: TimeScale): string {
  return `data-x0="${PLOT_LEFT}" data-x1="${PLOT_RIGHT}" data-horizon="${scale.horizon}"`;
}

/** Vertical grid lines and time labels under the plot. */
export function timeAxis(scale: TimeScale, top: number, bottom: number): string {
  return scale.ticks
    .map((t) => {
      const x = px(scale.x(t));
      return (
        `<line class="grid" x1="${x}" x2="${x}" y1="${top}" y2="${bottom}"/>` +
        `<text class="tick" x="${x}" y="${bottom + 14}" text-anchor="middle">${esc(shortDuration(t))}</text>`
      );
    })
    .join('');
}

/** Fault markers: a dashed vertical line per fault with its label, staggered so labels overlap less. */
export function faultMarkers(
  scale: TimeScale,
  faults: readonly FaultMark[],
  top: number,
  bottom: number,
): string {
  return faults
    .map((f, i) => {
      const x = px(scale.x(f.t));
      const label = `${f.type} ${f.target}`.trimEnd();
      const y = top - 4 - (i % 2) * 11;
      return (
        `<g class="fault" data-testid="fault-marker" data-t="${f.t}" data-x="${x}">` +
        `<title>${esc(label)} at ${f.t} ms</title>` +
        `<line x1="${x}" x2="${x}" y1="${top - 2}" y2="${bottom}"/>` +
        `<text x="${px(scale.x(f.t) + 3)}" y="${y}">${esc(label)}</text></g>`
      );
    })
    .join('');
}
