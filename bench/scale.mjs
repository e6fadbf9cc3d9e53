// Scale benchmark: N nodes, D Deployments × R replicas behind D Services, run to all-Ready.
// Prints JSON lines: the setup, then wall seconds, virtual time, events/s and peak RSS.
// Usage: node bench/scale.mjs [nodes=1000] [deployments=1000] [replicas=30]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createSimulation } from '@kubesim/sim';

const [nodes = 1000, deployments = 1000, replicas = 30] = process.argv.slice(2).map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
out({
  bench: 'scale',
  nodes,
  deployments,
  replicas,
  pods: deployments * replicas,
  node: process.version,
});

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const t0 = performance.now();
const sim = createSimulation({ seed: 1, keepTrace: false });
sim.addNodes(nodes, { zones: ['zone-a', 'zone-b', 'zone-c'], cpu: '64', memory: '256Gi' });
const manifests = [];
for (let i = 0; i < deployments; i++) {
  const app = `app-${i}`;
  manifests.push(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app },
      spec: {
        replicas,
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx',
                ports: [{ containerPort: 8080, name: 'http' }],
                resources: { requests: { cpu: '10m', memory: '16Mi' } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app },
      spec: { selector: { app }, ports: [{ port: 80, targetPort: 'http' }] },
    },
  );
}
sim.apply(manifests);
const tApplied = performance.now();
sampleRss();

const total = deployments * replicas;
let ready = 0;
const unwatch = sim.watch('Pod', (ev) => {
  const cond = ev.object.status?.conditions?.find((c) => c.type === 'Ready');
  const isReady = cond?.status === 'True' && ev.type !== 'DELETED';
  const wasReady = readySet.has(ev.object.metadata.name);
  if (isReady && !wasReady) readySet.add(ev.object.metadata.name);
  if (!isReady && wasReady) readySet.delete(ev.object.metadata.name);
  ready = readySet.size;
});
const readySet = new Set();
let steps = 0;
sim.runUntil(
  () => {
    steps += 1;
    if (steps % 64 === 0) sampleRss();
    return ready >= total;
  },
  { timeout: '30m' },
);
sim.settle();
unwatch();
sampleRss();
const t1 = performance.now();
const stats = sim.stats();
const slices = sim.list('EndpointSlice').length;
const readyEndpoints = sim
  .list('EndpointSlice')
  .reduce((n, s) => n + s.endpoints.filter((e) => e.conditions.ready !== false).length, 0);
out({
  result: 'scale',
  readyPods: ready,
  readyEndpoints,
  slices,
  virtualSeconds: sim.now / 1000,
  applySeconds: Number(((tApplied - t0) / 1000).toFixed(2)),
  wallSeconds: Number(((t1 - t0) / 1000).toFixed(2)),
  events: stats.events,
  eventsPerSecond: Math.round(stats.events / ((t1 - t0) / 1000)),
  traceEntries: stats.traceEntries,
  reconciles: stats.reconciles,
  proxySyncs: stats.proxySyncs,
  peakRssMiB: Math.round(peakRss / 2 ** 20),
});
