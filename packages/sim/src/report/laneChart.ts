/**
 * Node swim lanes: one row per node, its Ready condition as coloured segments, cordons as a
 * hatched overlay, and power loss or partitions as a strip above.
 * @packageDocumentation
 */
import type { FaultMark } from './analyzeTrace.js';
import { esc, px } from './html.js';
import type { NodeLane } from './nodeLanes.js';
import {
  CHART_WIDTH,
  PLOT_LEFT,
  faultMarkers,
  scaleAttrs,
  timeAxis,
  type TimeScale,
} from './timeScale.js';

const TOP = 34;
const ROW = 30;

const seg = (
  scale: TimeScale,
  cls: string,
  start: number,
  end: number,
  y: number,
  h: number,
  title: string,
): string => {
  const x0 = scale.x(start);
  const w = Math.max(0.5, scale.x(end) - x0);
  return `<rect class="${cls}" x="${px(x0)}" y="${y}" width="${px(w)}" height="${h}"><title>${esc(title)}</title></rect>`;
};

/** The node lanes chart (`data-testid="lanes-nodes"`). */
export function laneChart(
  lanes: readonly NodeLane[],
  faults: readonly FaultMark[],
  scale: TimeScale,
): string {
  const bottom = TOP + Math.max(1, lanes.length) * ROW;
  const height = bottom + 28;
  const rows = lanes
    .map((lane, i) => {
      const y = TOP + i * ROW;
      const name = `<text class="lane-name" x="${PLOT_LEFT - 6}" y="${y + 19}" text-anchor="end">${esc(lane.node)}</text>`;
      const api = lane.api
        .map((s) =>
          seg(scale, `lane lane-${s.state}`, s.start, s.end, y + 8, 16, `${lane.node} ${s.state}`),
        )
        .join('');
      const cordons = lane.cordoned
        .map((s) =>
          seg(scale, 'lane lane-cordoned', s.start, s.end, y + 8, 16, `${lane.node} cordoned`),
        )
        .join('');
      const down = lane.faults
        .map((s) =>
          seg(scale, `lane lane-${s.state}`, s.start, s.end, y + 2, 5, `${lane.node} ${s.state}`),
        )
        .join('');
      return `<g class="lane-row" data-node="${esc(lane.node)}">${name}${api}${cordons}${down}</g>`;
    })
    .join('');
  return (
    `<svg class="chart" data-testid="lanes-nodes" ${scaleAttrs(scale)} viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}" role="img" aria-label="node states">` +
    `<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="2.5" height="6" fill="#1d4ed8" fill-opacity="0.55"/></pattern></defs>` +
    timeAxis(scale, TOP, bottom) +
    rows +
    faultMarkers(scale, faults, TOP, bottom) +
    `</svg>`
  );
}
