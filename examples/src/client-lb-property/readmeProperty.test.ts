import { test } from 'vitest';
import type { EndpointSlice } from '@kubesim/core';
import type { Simulation } from '@kubesim/sim';
import { agreesWithKubeProxy, scenarioTest } from '@kubesim/sim/testing';

/** The code under test: a client-side load balancer that watches every EndpointSlice. */
function startClient(sim: Simulation) {
  const slices = new Map<string, EndpointSlice>();
  sim.watch('EndpointSlice', ({ type, object }) => {
    const key = `${object.metadata.namespace}/${object.metadata.name}`;
    if (type === 'DELETED') slices.delete(key);
    else slices.set(key, object);
  });
  return {
    /** A Service's backends as kube-proxy picks them: ready, else serving and terminating. */
    backends(service: string): string[] {
      const found = new Map<string, { ready: boolean; fallback: boolean }>();
      for (const [, slice] of [...slices].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const name = slice.metadata.labels?.['kubernetes.io/service-name'] ?? '';
        if (`${slice.metadata.namespace}/${name}` !== service || slice.ports.length === 0) continue;
        for (const { addresses, conditions: c } of slice.endpoints) {
          const ip = addresses[0];
          if (ip === undefined || found.has(ip)) continue; // the first slice (by name) wins
          const fallback = (c.serving ?? true) && (c.terminating ?? false);
          found.set(ip, { ready: c.ready ?? true, fallback }); // a missing condition is ready
        }
      }
      const ready = [...found].filter(([, e]) => e.ready);
      return (ready.length > 0 ? ready : [...found].filter(([, e]) => e.fallback)).map(
        ([ip]) => ip,
      );
    },
  };
}

scenarioTest(test, 'the client routes where kube-proxy routes', {
  attach: startClient,
  checks: [
    agreesWithKubeProxy((client: ReturnType<typeof startClient>, svc) => client.backends(svc)),
  ],
  numRuns: 50,
});
