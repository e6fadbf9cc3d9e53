// A rolling update of a 4-replica Deployment behind an Ingress, whose application listens 10 s
// after its container starts. ingress-nginx sends straight to endpoints and tries the next one on
// a connect error up to proxy-next-upstream-tries (3); when every try fails the client gets 502.
import { describe, expect, it } from 'vitest';
import { defaultNodeLifecycleConfig, unknownTransitionTime } from '@kubesim/core';
import {
  INGRESS_NGINX_DEFAULTS,
  createSimulation,
  renderReport,
  type ConnectResult,
  type Simulation,
} from '@kubesim/sim';
import { podsOf, runTo, webApp } from './helpers.js';

const ingress = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'shop', namespace: 'default' },
  spec: {
    rules: [
      {
        host: 'shop.example.com',
        http: {
          paths: [
            {
              path: '/',
              pathType: 'Prefix',
              backend: { service: { name: 'web', port: { number: 80 } } },
            },
          ],
        },
      },
    ],
  },
};

function rollout(
  withProbe: boolean,
  opts: { traffic?: boolean } = {},
): { sim: Simulation; results: ConnectResult[]; t0: number; oldPods: Set<string> } {
  const sim = createSimulation({ seed: 3 });
  sim.addNodes(3);
  sim.addIngressController();
  const behavior = withProbe ? '{ listenAfter: 10s, readyAfter: 10s }' : '{ listenAfter: 10s }';
  sim.apply([
    ...webApp('web', 4, {
      annotations: { 'kubesim.io/behavior': behavior },
      readinessProbe: withProbe,
    }),
    ingress,
  ] as never);
  sim.settle();
  runTo(sim, sim.now + 30_000);
  expect(
    sim.connect({ from: { external: true }, to: 'http://shop.example.com/cart' }).outcome,
  ).toBe('ok');
  const oldPods = new Set(podsOf(sim, 'web').map((p) => `default/${p.metadata.name}`));
  sim.update('Deployment', 'default/web', (d) => {
    const c = d.spec.template.spec.containers[0];
    if (c !== undefined) c.image = 'nginx:2';
  });
  const results: ConnectResult[] = [];
  const t0 = sim.now;
  if (opts.traffic === true) {
    // Steady traffic instead of one-off connects: its outcomes are recorded in the metrics.
    sim.traffic({ from: { external: true }, to: 'http://shop.example.com/cart', every: '200ms' });
    runTo(sim, t0 + 120_000);
    return { sim, results, t0, oldPods };
  }
  for (let t = t0; t <= t0 + 120_000; t += 200) {
    runTo(sim, t);
    results.push(sim.connect({ from: { external: true }, to: 'http://shop.example.com/cart' }));
  }
  return { sim, results, t0, oldPods };
}

describe('a rolling update behind an Ingress (app listens 10 s after start)', () => {
  it('with a readiness probe, no request fails', () => {
    const { sim, results } = rollout(true);
    expect(results.filter((r) => r.outcome !== 'ok')).toEqual([]);
    expect(results.every((r) => r.via === 'ingress')).toBe(true);
    expect(sim.list('Pod', { labelSelector: 'app=web' }).length).toBe(4);
  });

  it('without one, requests get http_502 once the controller has tried 3 endpoints that refuse', () => {
    const { results } = rollout(false);
    const bad = results.filter((r) => r.outcome !== 'ok');
    const b502 = bad.filter((r) => r.outcome === 'http_502');
    expect(b502.length).toBeGreaterThan(0);
    // 502: every try was refused (new pods not listening yet, old ones exited); 504 when the last
    // try went to a pod already gone (the connect times out).
    expect(bad.every((r) => r.outcome === 'http_502' || r.outcome === 'http_504')).toBe(true);
    expect(b502.every((r) => r.reason.startsWith('3 upstream tries failed'))).toBe(true);
    // Once every new pod listens, everything succeeds again.
    expect(results.slice(-50).every((r) => r.outcome === 'ok')).toBe(true);
  });

  it('without one, every request fails from the workers taking the new pods until the first two listen', () => {
    const { sim, results, t0, oldPods } = rollout(false);
    const at = (i: number) => t0 + i * 200;
    // Without a probe a new pod is Ready when its container starts, so the rollout replaces all
    // four pods within seconds (maxSurge 1, maxUnavailable 1: two new pods, then two more as soon
    // as those are available), while each new pod's app listens only 10 s after its start.
    const starts = sim.trace.entries
      .filter(
        (e) =>
          e.t >= t0 &&
          e.kind === 'Pod' &&
          e.key !== undefined &&
          !oldPods.has(e.key) &&
          e.cause.startsWith('kubelet/') &&
          JSON.stringify(e.patches ?? []).includes('"Running"'),
      )
      .map((e) => e.t);
    expect(starts.map((t) => t - t0)).toEqual([1_000, 1_000, 2_000, 2_000]);
    const firstListen = (starts[0] ?? NaN) + 10_000;
    // ingress-nginx synced at the update (t0) and may sync again 1 / 0.3 s later; its workers pick
    // that list (the four new pods, none listening) up at their next 1 s tick: t0 + 4 s.
    const syncs = sim.trace.entries.filter((e) => e.t >= t0 && e.type === 'IngressSync');
    expect(syncs.map((e) => e.t - t0).slice(0, 2)).toEqual([
      0,
      INGRESS_NGINX_DEFAULTS.syncPeriodMs,
    ]);
    const tick = INGRESS_NGINX_DEFAULTS.backendsSyncIntervalMs;
    const onlyNew = (Math.floor((t0 + INGRESS_NGINX_DEFAULTS.syncPeriodMs) / tick) + 1) * tick;
    expect(onlyNew - t0).toBe(4_000);
    const between = results.filter((_, i) => at(i) >= onlyNew && at(i) < firstListen);
    // Every try of each of them is refused by a new pod: 502 after 3 tries.
    expect(between.length).toBe(35);
    expect(between.every((r) => r.outcome === 'http_502')).toBe(true);
    expect(
      between.every((r) => r.reason === '3 upstream tries failed: the backend is not listening'),
    ).toBe(true);
    // From the first two pods' listening on, 3 round-robin tries over 4 endpoints always reach one.
    expect(results.filter((_, i) => at(i) >= firstListen).every((r) => r.outcome === 'ok')).toBe(
      true,
    );
    // Before the workers' update, the old list mixes exited pods (refused, or gone: 504) with the
    // first new ones; nothing failed before the first old pods were gone.
    const firstBad = results.findIndex((r) => r.outcome !== 'ok');
    expect(at(firstBad) - t0).toBe(2_000);
  });

  it("without one, the report stacks the controller's http_502 answers to steady traffic", () => {
    const { sim } = rollout(false, { traffic: true });
    const total = sim.metrics.outcomes('default/web', { via: 'ingress' }).total;
    expect(total.http_502).toBeGreaterThan(0);
    expect(total.ok).toBeGreaterThan(total.http_502);
    const html = renderReport({ sim, services: ['default/web'] });
    expect(html).toContain('<g class="bars bar-http_502" data-series="http_502">');
    expect(html).toContain(`· ${total.http_502} http_502 ·`);
    expect(html).toMatch(
      /<tr data-via="ingress"><td>via Ingress<\/td><td>[\d,]+<\/td><td>[\d,]+<\/td><td>[^<]*http_502[^<]*<\/td>/,
    );
  });

  it('answers 404 for an unknown path and nxdomain for a host no Ingress names', () => {
    const sim = createSimulation({ seed: 3 });
    sim.addNodes(2);
    sim.addIngressController();
    sim.apply([
      ...webApp('web', 2),
      {
        ...ingress,
        spec: {
          rules: [
            {
              host: 'shop.example.com',
              http: {
                paths: [
                  {
                    path: '/cart',
                    pathType: 'Prefix',
                    backend: { service: { name: 'web', port: { number: 80 } } },
                  },
                  {
                    path: '/empty',
                    pathType: 'Exact',
                    backend: { service: { name: 'none', port: { number: 80 } } },
                  },
                ],
              },
            },
          ],
        },
      },
    ] as never);
    sim.settle();
    runTo(sim, sim.now + 10_000);
    const get = (url: string) => sim.connect({ from: { external: true }, to: url }).outcome;
    expect(get('http://shop.example.com/cart/1')).toBe('ok');
    expect(get('http://shop.example.com/cartx')).toBe('http_404');
    expect(get('http://shop.example.com/empty')).toBe('http_503');
    expect(get('http://other.example.com/cart')).toBe('nxdomain');
  });
});

describe('a node crash behind an Ingress: the ingress black-hole window', () => {
  // ingress-nginx sends straight to the endpoints in its own view, so it keeps sending to a dead
  // pod until that view drops it: the EndpointSlice turns not ready when the node monitor marks the
  // node Unknown (t0 + 55 s, as in-cluster), the controller syncs at once (no sync in the last
  // 1 / 0.3 s), and the nginx workers pick the new list up at their next 1 s tick: t0 + 56 s.
  it('opens at the crash for the dead pod and closes when the workers drop it (t0 + 56 s); retries hide it from clients', () => {
    const sim = createSimulation({ seed: 1 });
    sim.addNodes(4, { zones: ['a', 'b'] });
    sim.addIngressController();
    sim.apply([...webApp('web', 3), ingress] as never);
    sim.settle();
    const controllers = new Set(
      sim.list('Pod', { namespace: 'ingress-nginx' }).map((p) => p.spec.nodeName),
    );
    // A node with a web pod and no controller pod: the load balancer in front is not involved.
    const deadPod = podsOf(sim, 'web').find((p) => !controllers.has(p.spec.nodeName));
    const victim = deadPod?.spec.nodeName ?? '';
    expect(victim).not.toBe('');

    const t0 = 120_000; // a multiple of the kubelets' 10 s lease renewal (they started at 0)
    runTo(sim, t0);
    sim.faults.crashNode(victim);
    const results: { t: number; r: ConnectResult }[] = [];
    for (let t = t0; t <= t0 + 70_000; t += 250) {
      runTo(sim, t);
      results.push({
        t,
        r: sim.connect({ from: { external: true }, to: 'http://shop.example.com/cart' }),
      });
    }

    const notReadyAt = unknownTransitionTime(t0, defaultNodeLifecycleConfig);
    expect(notReadyAt - t0).toBe(55_000);
    const inCluster = sim.metrics.blackHoleWindows('default/web', { via: 'cluster' });
    expect(inCluster.map((w) => [w.start - t0, (w.end ?? Infinity) - t0])).toEqual([[0, 55_000]]);
    // The controller's sync at t0 + 55 s, then the workers' first tick strictly after it.
    expect(INGRESS_NGINX_DEFAULTS.backendsSyncIntervalMs).toBe(1_000);
    const windows = sim.metrics.blackHoleWindows('default/web', { via: 'ingress' });
    expect(windows.map((w) => [w.ip, w.podKey, w.start - t0, (w.end ?? Infinity) - t0])).toEqual([
      [deadPod?.status.podIP, `default/${deadPod?.metadata.name}`, 0, 56_000],
    ]);

    // Inside the window every request still succeeds: one that round robin sends to the dead pod
    // times out on it and is retried on the next endpoint ("connected on try 2").
    expect(results.filter((x) => x.r.outcome !== 'ok')).toEqual([]);
    const retried = results.filter((x) => x.r.reason === 'connected on try 2');
    expect(retried.length).toBeGreaterThan(0);
    expect(retried.every((x) => x.t < t0 + 56_000)).toBe(true);
    expect(results.filter((x) => x.t >= t0 + 56_000).every((x) => x.r.reason === 'connected')).toBe(
      true,
    );
  });
});
