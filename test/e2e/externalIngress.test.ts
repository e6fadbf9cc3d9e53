// A rolling update of a 4-replica Deployment behind an Ingress, whose application listens 10 s
// after its container starts. ingress-nginx sends straight to endpoints and tries the next one on
// a connect error up to proxy-next-upstream-tries (3); when every try fails the client gets 502.
import { describe, expect, it } from 'vitest';
import { createSimulation, type ConnectResult, type Simulation } from '@kubesim/sim';
import { runTo, webApp } from './helpers.js';

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

function rollout(withProbe: boolean): { sim: Simulation; results: ConnectResult[] } {
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
  sim.update('Deployment', 'default/web', (d) => {
    const c = d.spec.template.spec.containers[0];
    if (c !== undefined) c.image = 'nginx:2';
  });
  const results: ConnectResult[] = [];
  const t0 = sim.now;
  for (let t = t0; t <= t0 + 120_000; t += 200) {
    runTo(sim, t);
    results.push(sim.connect({ from: { external: true }, to: 'http://shop.example.com/cart' }));
  }
  return { sim, results };
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
