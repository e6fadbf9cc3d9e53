// The report of a run with outside traffic shows the external windows beside the in-cluster one.
import { describe, expect, it } from 'vitest';
import { demoScenario } from '../scenario/demoScenario.js';
import { runScenario } from '../scenario/runScenario.js';
import { count } from './html.js';
import { renderReport } from './renderReport.js';
import { nodeFailureRun } from './reportRun.test-helper.js';

describe('the report of a run reached from outside', () => {
  // The demo: a GCE-style load balancer in front, node-1 loses power at 1m; the load balancer
  // takes it out at 1m21s, in-cluster clients stop hitting its pod at 1m55s.
  const r = runScenario(demoScenario(), { invariants: [] });
  const html = renderReport({ sim: r.sim, scenario: r.scenario, services: ['default/web'] });

  it('prints the windows of each entry path on one line', () => {
    expect(html).toContain(
      '<p class="note" data-testid="external-windows">Black-hole windows: in-cluster: 01:00.000 → 01:55.000 · via load balancer: 01:00.000 → 01:21.000</p>',
    );
  });

  it('draws one lane per entry path with its windows on the shared time axis', () => {
    const chart = html.split('data-testid="chart-windows-default/web"')[1]?.split('</svg>')[0];
    expect(chart).toBeDefined();
    const lanes = [
      ...(chart ?? '').matchAll(/<g class="lane-row" data-via="(\w+)" data-windows="(\d+)">/g),
    ];
    expect(lanes.map((m) => [m[1], m[2]])).toEqual([
      ['cluster', '1'],
      ['loadBalancer', '1'],
    ]);
    // 8 minutes over 880 px: the load balancer's 21 s bar is 38.5 px wide, the in-cluster 55 s one 100.8.
    const widths = [
      ...(chart ?? '').matchAll(
        /<rect class="window window-(\w+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g,
      ),
    ];
    expect(widths.map((m) => [m[1], m[2], m[3]])).toEqual([
      ['cluster', '174', '100.8'],
      ['loadBalancer', '174', '38.5'],
    ]);
    expect(chart).toContain('via load balancer: node-1');
  });

  it('tabulates requests and windows per entry path', () => {
    const table =
      html.split('data-testid="entry-paths-default/web"')[1]?.split('</table>')[0] ?? '';
    const inside = r.sim.metrics.outcomes('default/web', { via: 'cluster' }).total;
    const outside = r.sim.metrics.outcomes('default/web', { via: 'loadBalancer' }).total;
    expect(table).toContain(
      `<tr data-via="cluster"><td>in-cluster</td><td>4,701</td><td>${count(inside.ok)}</td><td>${inside.timeout} timeout</td><td>1, longest 55s</td></tr>`,
    );
    expect(table).toContain(
      `<tr data-via="loadBalancer"><td>via load balancer</td><td>4,701</td><td>${count(outside.ok)}</td><td>${outside.timeout} timeout</td><td>1, longest 21s</td></tr>`,
    );
    expect(html).toMatch(/<dt>Black-hole windows<\/dt><dd>2<\/dd>/);
  });

  it('leaves reports of in-cluster runs without entry paths', () => {
    const plain = renderReport({ sim: nodeFailureRun() });
    expect(plain).not.toContain('external-windows');
    expect(plain).not.toContain('chart-windows-');
    expect(plain).not.toContain('entry-paths-');
  });
});
