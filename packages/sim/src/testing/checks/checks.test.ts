import { describe, expect, it } from 'vitest';
import type { Service } from '@kubesim/core';
import { runScenario } from '../../scenario/runScenario.js';
import type { Scenario } from '../../scenario/types.js';
import type { Simulation } from '../../simulation/types.js';
import { webAppManifests } from '../../testFixtures.test-helper.js';
import { CLIENTS, lateClient } from '../sixClients.test-helper.js';
import { AGREES_WITH_DNS, agreesWithDns } from './agreesWithDns.js';
import { AGREES_WITH_KUBE_PROXY, agreesWithKubeProxy } from './agreesWithKubeProxy.js';
import { kubeProxyBackends } from './kubeProxyBackends.js';
import { NEVER_ROUTES_TO_DEAD_POD, neverRoutesToDeadPod } from './neverRoutesToDeadPod.js';

const web = webAppManifests('web', 3);
const backends = (c: { backends(k: string): string[] }, k: string) => c.backends(k);

describe('agreesWithKubeProxy', () => {
  const threeSlices: Scenario = {
    seed: 1,
    config: { maxEndpointsPerSlice: 1 },
    nodes: [{ count: 1 }],
    manifests: web,
    horizon: '30s',
  };

  it('passes a client that merges every slice, and names a client that reads one', () => {
    const check = agreesWithKubeProxy(backends);
    const good = runScenario(threeSlices, { attach: CLIENTS['correct']!, checks: [check] });
    expect(good.violations).toEqual([]);
    const bad = runScenario(threeSlices, { attach: CLIENTS['reads one slice']!, checks: [check] });
    const v = bad.violations.find((x) => x.invariant === AGREES_WITH_KUBE_PROXY);
    expect(v?.message).toMatch(
      /^default\/web: the client would use \[[\d.]+\], kube-proxy \[[\d., ]+\]/,
    );
    expect(v?.subjects).toEqual(['Service/default/web']);
  });

  it('uses serving+terminating endpoints only while none is ready', () => {
    const slow = webAppManifests('web', 2, {
      annotations: { 'kubesim.io/behavior': '{terminationDelay: 10s}' },
    });
    const s: Scenario = {
      seed: 1,
      nodes: [{ count: 1 }],
      manifests: slow,
      actions: [{ at: '10s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 0 }],
      horizon: '15s',
    };
    const seen: string[][] = [];
    runScenario(s, {
      checks: [(_: unknown, sim: Simulation) => void seen.push(kubeProxyBackends(sim, 'web'))],
    });
    // After the scale-down both pods terminate but still serve: kube-proxy keeps both.
    expect(seen.at(-2)).toHaveLength(2);
    const r = runScenario(s, {
      attach: CLIENTS['no terminating fallback']!,
      checks: [agreesWithKubeProxy(backends)],
    });
    expect(r.violations.map((v) => v.t)).toContain(10_000);
  });

  it('lets a client trail by its watch delay plus lag, and no longer', () => {
    const s: Scenario = { ...threeSlices, config: { userWatchDelay: '2s' } };
    const strictLag = runScenario(s, {
      attach: CLIENTS['correct']!,
      checks: [agreesWithKubeProxy(backends)],
      invariants: [],
    });
    expect(strictLag.violations).toEqual([]);
    // A client whose own watches lag 5 s behind breaks a 0 s lag (on top of 2 s), passes a 5 s one.
    const late = lateClient('7s');
    const tight = runScenario(s, {
      attach: late,
      checks: [agreesWithKubeProxy(backends)],
      invariants: [],
    });
    expect(tight.violations.length).toBeGreaterThan(0);
    const loose = runScenario(s, {
      attach: late,
      checks: [agreesWithKubeProxy(backends, { lag: '5s' })],
      invariants: [],
    });
    expect(loose.violations).toEqual([]);
    expect(kubeProxyBackends(strictLag.sim, 'default/nothing')).toEqual([]);
  });
});

describe('agreesWithDns', () => {
  it('catches a client that caches the ClusterIP of a Service deleted and re-created', () => {
    const s: Scenario = {
      seed: 1,
      nodes: [{ count: 1 }],
      manifests: web,
      actions: [
        { at: '10s', type: 'delete', kind: 'Service', key: 'web' },
        { at: '12s', type: 'apply', manifests: [web[1]!] },
      ],
      horizon: '20s',
    };
    const caching = (sim: Simulation) => {
      const ips = new Map<string, string>();
      return {
        lookup(fqdn: string): string[] {
          const name = fqdn.split('.')[0] ?? '';
          if (!ips.has(fqdn)) {
            const svc: Service | undefined = sim.get('Service', name);
            if (svc?.spec.clusterIP !== undefined) ips.set(fqdn, svc.spec.clusterIP);
          }
          const ip = ips.get(fqdn);
          return ip === undefined || sim.get('Service', name) === undefined ? [] : [ip];
        },
      };
    };
    const r = runScenario(s, {
      attach: caching,
      checks: [
        agreesWithDns((c: ReturnType<typeof caching>, fqdn) => c.lookup(fqdn), {
          services: (k) => k === 'default/web',
        }),
      ],
    });
    const v = r.violations.find((x) => x.invariant === AGREES_WITH_DNS);
    expect(v?.t).toBe(12_000);
    expect(v?.message).toMatch(/^web\.default\.svc\.cluster\.local: the client resolves \[10\./);
  });
});

describe('neverRoutesToDeadPod', () => {
  it('allows a gone pod for `after`, then names it', () => {
    const s: Scenario = {
      seed: 1,
      nodes: [{ count: 1 }],
      manifests: web,
      actions: [{ at: '10s', type: 'scale', kind: 'Deployment', key: 'web', replicas: 0 }],
      horizon: '30s',
    };
    const check = neverRoutesToDeadPod(backends, { after: '5s' });
    const ok = runScenario(s, { attach: CLIENTS['correct']!, checks: [check] });
    expect(ok.violations).toEqual([]);
    // Remembers the first non-empty answer for ever.
    const sticky = (sim: Simulation) => {
      const inner = CLIENTS['correct']!(sim);
      const kept = new Map<string, string[]>();
      return {
        backends(k: string): string[] {
          const now = inner.backends(k);
          if (!kept.has(k) && now.length > 0) kept.set(k, now);
          return kept.get(k) ?? now;
        },
      };
    };
    const stale = runScenario(s, { attach: sticky, checks: [check] });
    const v = stale.violations.find((x) => x.invariant === NEVER_ROUTES_TO_DEAD_POD);
    expect(v).toBeDefined();
    expect(v!.t).toBeGreaterThan(15_000);
    expect(v!.message).toMatch(/still uses 10\.[\d.]+ of pod default\/web-/);
  });
});
