// Idle benchmark: a settled cluster with no faults, then N virtual days (DESIGN.md point 6: the
// node monitor's and PodGC's passes, lease renewals and kube-proxy syncs are computed, not
// stepped, so idle time should cost next to nothing). Prints one JSON line.
// Usage: node bench/idle.mjs [nodes=10] [days=30]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createSimulation } from '@kubesim/sim';

const [nodes = 10, days = 30] = process.argv.slice(2).map(Number);
const sim = createSimulation({ seed: 1, keepTrace: false });
sim.addNodes(nodes, { zones: ['zone-a', 'zone-b', 'zone-c'] });
const app = 'web';
sim.apply([
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app },
    spec: {
      replicas: nodes,
      selector: { matchLabels: { app } },
      template: {
        metadata: { labels: { app } },
        spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 80 }] }] },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: app },
    spec: { selector: { app }, ports: [{ port: 80 }] },
  },
]);
sim.settle();
const events0 = sim.stats().events;
const virtual0 = sim.now;
const t0 = performance.now();
sim.runFor(`${days}d`);
const t1 = performance.now();
process.stdout.write(
  `${JSON.stringify({
    bench: 'idle',
    nodes,
    days,
    virtualDays: (sim.now - virtual0) / 86_400_000,
    wallMs: Number((t1 - t0).toFixed(2)),
    events: sim.stats().events - events0,
    node: process.version,
  })}\n`,
);
