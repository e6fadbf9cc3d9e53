/**
 * The report's inline stylesheet (no external assets).
 * @packageDocumentation
 */

/** Colours of the outcome series, also used by the legend. */
export const OUTCOME_COLORS: Readonly<Record<string, string>> = {
  ok: '#16a34a',
  refused: '#f59e0b',
  timeout: '#dc2626',
  nxdomain: '#7c3aed',
  http_404: '#64748b',
  http_502: '#be185d',
  http_503: '#0891b2',
  http_504: '#7f1d1d',
};

/** Colours of the black-hole windows of each entry path (the window lanes). */
export const WINDOW_COLORS: Readonly<Record<string, string>> = {
  cluster: '#475569',
  loadBalancer: '#ea580c',
  ingress: '#0d9488',
};

/** The CSS of the report. */
export const STYLES = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1f2933;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1010px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
h3 { font-size: 14px; margin: 14px 0 4px; color: #52606d; font-weight: 600; }
.sub { color: #616e7c; margin: 0 0 18px; }
section.card { background: #fff; border: 1px solid #e1e4e8; border-radius: 8px; padding: 14px 16px; margin-bottom: 16px; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 10px 18px; margin: 0; }
.summary div { min-width: 0; }
.summary dt { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #7b8794; }
.summary dd { margin: 0; font-weight: 600; overflow-wrap: anywhere; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 12px; color: #52606d; margin: 2px 0 6px; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px; border-radius: 2px;
  margin-right: 5px; vertical-align: -1px; background: var(--c); }
.legend .line::before { height: 3px; vertical-align: 3px; }
.legend .hatch::before { background: repeating-linear-gradient(45deg, #1d4ed8aa 0 2px, transparent 2px 5px); border: 1px solid #1d4ed8; }
svg.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
svg .grid { stroke: #e4e7eb; stroke-width: 1; }
svg .tick { fill: #7b8794; font-size: 11px; }
svg .axis-label { fill: #52606d; font-size: 11.5px; font-weight: 600; }
svg .empty { fill: #9aa5b1; font-size: 13px; }
svg .series.ready { fill: none; stroke: #2563eb; stroke-width: 2.2; stroke-linejoin: round; }
svg .blackhole { fill: #111827; fill-opacity: .09; stroke: #111827; stroke-opacity: .25; stroke-dasharray: 3 3; }
svg .bar-ok rect { fill: ${OUTCOME_COLORS['ok'] ?? ''}; }
svg .bar-refused rect { fill: ${OUTCOME_COLORS['refused'] ?? ''}; }
svg .bar-timeout rect { fill: ${OUTCOME_COLORS['timeout'] ?? ''}; }
svg .bar-nxdomain rect { fill: ${OUTCOME_COLORS['nxdomain'] ?? ''}; }
svg .bar-http_404 rect { fill: ${OUTCOME_COLORS['http_404'] ?? ''}; }
svg .bar-http_502 rect { fill: ${OUTCOME_COLORS['http_502'] ?? ''}; }
svg .bar-http_503 rect { fill: ${OUTCOME_COLORS['http_503'] ?? ''}; }
svg .bar-http_504 rect { fill: ${OUTCOME_COLORS['http_504'] ?? ''}; }
svg .window-cluster { fill: ${WINDOW_COLORS['cluster'] ?? ''}; }
svg .window-loadBalancer { fill: ${WINDOW_COLORS['loadBalancer'] ?? ''}; }
svg .window-ingress { fill: ${WINDOW_COLORS['ingress'] ?? ''}; }
svg .fault line { stroke: #b91c1c; stroke-width: 1.3; stroke-dasharray: 5 3; }
svg .fault text { fill: #b91c1c; font-size: 11px; font-weight: 600; }
svg .lane-name { fill: #3e4c59; font-size: 12px; }
svg .lane-Ready { fill: #86efac; }
svg .lane-NotReady { fill: #fbbf24; }
svg .lane-Unknown { fill: #fb923c; }
svg .lane-cordoned { fill: url(#hatch); }
svg .lane-down { fill: #dc2626; }
svg .lane-partitioned { fill: #7c3aed; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th { text-align: left; font-weight: 600; color: #52606d; border-bottom: 2px solid #e4e7eb; padding: 5px 8px; position: sticky; top: 0; background: #fff; }
td { border-bottom: 1px solid #f0f2f4; padding: 3px 8px; vertical-align: top; }
td.t { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; white-space: nowrap; color: #52606d; }
td.cause { white-space: nowrap; color: #616e7c; }
tr.fault td { background: #fef2f2; }
tr.fault td.what { color: #b91c1c; font-weight: 600; }
tr.event td.what { color: #92400e; }
tr.node td.what { color: #1e3a8a; }
.scroll { max-height: 560px; overflow: auto; border: 1px solid #eef0f2; border-radius: 6px; }
.note { color: #7b8794; font-size: 12.5px; margin: 6px 0 0; }
.ok-badge { color: #15803d; font-weight: 600; }
.bad-badge { color: #b91c1c; font-weight: 600; }
`;
