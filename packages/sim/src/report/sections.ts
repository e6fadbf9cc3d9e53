/**
 * The HTML sections of the report around the charts: summary, legends, violations, event list.
 * @packageDocumentation
 */
import type { Violation } from '../invariants/types.js';
import type { EventRow } from './analyzeTrace.js';
import { clock, count, esc } from './html.js';
import { OUTCOME_COLORS, WINDOW_COLORS } from './styles.js';

/** One labelled value of the summary. */
export interface SummaryItem {
  readonly label: string;
  readonly value: string;
  /** A data-testid for the value, e.g. `trace-hash`. */
  readonly testid?: string;
}

/** The summary card (`data-testid="summary"`). */
export function summarySection(items: readonly SummaryItem[]): string {
  const cells = items
    .map(
      (i) =>
        `<div><dt>${esc(i.label)}</dt><dd${i.testid === undefined ? '' : ` data-testid="${esc(i.testid)}"`}>${esc(i.value)}</dd></div>`,
    )
    .join('');
  return `<section class="card" data-testid="summary"><h2 style="margin-top:0">Summary</h2><dl class="summary">${cells}</dl></section>`;
}

/** Legend of the outcome bars (the kinds charted) and the black-hole shading. */
export function outcomeLegend(kinds: readonly string[]): string {
  const items = kinds
    .map((k) => `<span style="--c:${OUTCOME_COLORS[k] ?? '#000'}">${esc(k)}</span>`)
    .join('');
  return `<div class="legend" data-testid="legend-outcomes">${items}<span style="--c:#11182722">black-hole window</span><span style="--c:#b91c1c" class="line">fault</span></div>`;
}

/** Legend of the window lanes: one colour per entry path shown. */
export function windowLegend(paths: readonly { via: string; label: string }[]): string {
  const items = paths
    .map((p) => `<span style="--c:${WINDOW_COLORS[p.via] ?? '#000'}">${esc(p.label)}</span>`)
    .join('');
  return `<div class="legend" data-testid="legend-windows">${items}<span style="--c:#b91c1c" class="line">fault</span></div>`;
}

/** Legend of the ready line. */
export function readyLegend(): string {
  return `<div class="legend"><span style="--c:#2563eb" class="line">ready endpoints</span><span style="--c:#11182722">black-hole window</span><span style="--c:#b91c1c" class="line">fault</span></div>`;
}

/** Legend of the node lanes. */
export function laneLegend(): string {
  return (
    `<div class="legend" data-testid="legend-lanes">` +
    `<span style="--c:#86efac">Ready</span><span style="--c:#fbbf24">NotReady</span>` +
    `<span style="--c:#fb923c">Unknown</span><span class="hatch">cordoned</span>` +
    `<span style="--c:#dc2626">down (power loss)</span><span style="--c:#7c3aed">partitioned</span></div>`
  );
}

/** The violations card (`data-testid="violations"`). */
export function violationsSection(violations: readonly Violation[]): string {
  if (violations.length === 0) {
    return `<section class="card" data-testid="violations"><h2 style="margin-top:0">Violations</h2><p class="ok-badge">No invariant was violated.</p></section>`;
  }
  const rows = violations
    .map(
      (v) =>
        `<tr><td class="t">${clock(v.t)}</td><td><code>${esc(v.invariant)}</code></td><td>${esc(v.message)}</td><td>${esc((v.subjects ?? []).join(', '))}</td></tr>`,
    )
    .join('');
  return (
    `<section class="card" data-testid="violations"><h2 style="margin-top:0">Violations <span class="bad-badge">(${count(violations.length)})</span></h2>` +
    `<div class="scroll"><table><thead><tr><th>time</th><th>invariant</th><th>what</th><th>subjects</th></tr></thead><tbody>${rows}</tbody></table></div></section>`
  );
}

/** The event list (`data-testid="event-list"`), with a note when it was capped. */
export function eventListSection(
  rows: readonly EventRow[],
  interesting: number,
  traceEntries: number,
): string {
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.category}"><td class="t">${clock(r.t)}</td><td class="cause">${esc(r.cause)}</td><td class="what">${esc(r.text)}</td></tr>`,
    )
    .join('');
  const capped =
    rows.length < interesting
      ? `Showing the first ${count(rows.length)} of ${count(interesting)} notable entries (${count(traceEntries)} trace entries in all).`
      : `${count(interesting)} notable entries of ${count(traceEntries)} trace entries (kube-proxy syncs and bookkeeping writes are left out).`;
  return (
    `<section class="card"><h2 style="margin-top:0">Events</h2>` +
    `<div class="scroll"><table data-testid="event-list"><thead><tr><th>time</th><th>cause</th><th>what happened</th></tr></thead><tbody>${body}</tbody></table></div>` +
    `<p class="note" data-testid="event-list-note">${esc(capped)}</p></section>`
  );
}
