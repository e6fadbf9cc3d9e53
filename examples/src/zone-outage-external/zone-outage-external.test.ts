// The zone-outage example: what outside users see, asserted.
import { describe, expect, it } from 'vitest';
import { renderReport } from '@kubesim/sim';
import { OUTAGE_AT_MS, runZoneOutageExternal } from './zoneOutageExternal.js';

describe('zone-outage example: what external users see when a zone dies', () => {
  const run = runZoneOutageExternal();
  const path = (via: string) => run.paths.find((p) => p.via === via);

  it("the load balancer takes the zone's two nodes out 17 s after the outage (GCE: 3 × 8 s checks + 1 s timeout)", () => {
    const lb = path('loadBalancer');
    const web = lb?.windows ?? [];
    expect(web.length).toBe(2);
    expect(web.every((w) => w.start === OUTAGE_AT_MS && w.end === OUTAGE_AT_MS + 17_000)).toBe(
      true,
    );
  });

  it('outside through the load balancer and inside the cluster, requests fail for a while, then recover', () => {
    for (const via of ['loadBalancer', 'cluster']) {
      const p = path(via);
      expect(p?.failed).toBeGreaterThan(0);
      expect((p?.lastFailure ?? Infinity) - OUTAGE_AT_MS).toBeLessThanOrEqual(60_000);
      expect(p?.ok).toBeGreaterThan(0);
    }
  });

  it("through the Ingress, the controller keeps sending to the zone's dead pods until its workers drop them: 56 s", () => {
    // Zone a's nodes go Unknown at the first node-monitor pass strictly after 2m + 50 s grace
    // (2m55s); their endpoints turn not ready then, ingress-nginx syncs at once and its workers
    // pick the lists up at their next 1 s tick (2m56s). In-cluster clients stop at 2m55s.
    const ingress = path('ingress')?.windows ?? [];
    const inCluster = path('cluster')?.windows ?? [];
    expect(inCluster.length).toBeGreaterThan(0);
    expect(
      inCluster.every((w) => w.start === OUTAGE_AT_MS && w.end === OUTAGE_AT_MS + 55_000),
    ).toBe(true);
    expect(ingress.map((w) => w.ip).sort()).toEqual(inCluster.map((w) => w.ip).sort());
    expect(ingress.every((w) => w.start === OUTAGE_AT_MS && w.end === OUTAGE_AT_MS + 56_000)).toBe(
      true,
    );
  });

  it('through the Ingress, ingress-nginx retries the next endpoint: no more failures than via the load balancer', () => {
    const ingress = path('ingress');
    expect(ingress?.ok).toBeGreaterThan(0);
    expect(ingress?.failed ?? Infinity).toBeLessThanOrEqual(path('loadBalancer')?.failed ?? 0);
  });

  it('the HTML report shows the external window beside the in-cluster one', () => {
    const html = renderReport({
      sim: run.result.sim,
      scenario: run.result.scenario,
      services: ['default/web'],
    });
    expect(html).toContain('data-testid="external-windows"');
    expect(html).toMatch(
      /in-cluster: 02:00.000 → 02:55.000[^<]*via load balancer: 02:00.000 → 02:17.000[^<]*via Ingress: 02:00.000 → 02:56.000/,
    );
    // One lane per entry path on the shared time axis: the zone's two nodes for the load balancer,
    // the zone's pods in-cluster and through the Ingress.
    const chart =
      html.split('data-testid="chart-windows-default/web"')[1]?.split('</svg>')[0] ?? '';
    const lanes = [
      ...chart.matchAll(/<g class="lane-row" data-via="(\w+)" data-windows="(\d+)">/g),
    ];
    const inCluster = path('cluster')?.windows.length ?? 0;
    expect(lanes.map((m) => [m[1], Number(m[2])])).toEqual([
      ['cluster', inCluster],
      ['loadBalancer', 2],
      ['ingress', inCluster],
    ]);
    expect(html).toContain('data-testid="entry-paths-default/web"');
  });

  it('is deterministic: the same scenario gives the same trace hash', () => {
    expect(runZoneOutageExternal().result.hash).toBe(run.result.hash);
  });
});
