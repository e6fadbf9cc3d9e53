// Fork benchmark (issue 12), simulation part: what `sim.fork()` costs on a settled cluster of N
// nodes running one Deployment of P pods per node behind a Service (the 1,000-node scale row's
// shape): fork time (median of K forks) and heap per fork, and that a fork's first minute runs.
// Prints JSON lines. Usage: node --expose-gc bench/forkSim.mjs [nodes=1000] [podsPerNode=3] [forks=10]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import os from 'node:os';
import { createSimulation } from '@kubesim/sim';

const [nodes = 1000, podsPerNode = 3, forks = 10] = process.argv.slice(2).map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const gc = globalThis.gc ?? (() => undefined);
const heap = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mib = (b) => Number((b / 2 ** 20).toFixed(2));

const t0 = performance.now();
const sim = createSimulation({
  seed: 1,
  keepTrace: false,
  config: { maxNodes: Math.max(nodes, 100) },
});
sim.addNodes(nodes, { zones: ['a', 'b', 'c'] });
sim.apply([
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: nodes * podsPerNode,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: 8080 }] }] },
      },
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web' },
    spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
  },
]);
sim.settle({ timeout: '30m' });
const buildSeconds = (performance.now() - t0) / 1000;
out({
  bench: 'fork-sim',
  nodes,
  pods: sim.list('Pod').length,
  buildSeconds: Number(buildSeconds.toFixed(1)),
  events: sim.stats().events,
});

const kept = [];
const times = [];
const before = heap();
const cpu0 = process.cpuUsage();
for (let i = 0; i < forks; i++) {
  const t = performance.now();
  kept.push(sim.fork());
  times.push(performance.now() - t);
}
const cpu = process.cpuUsage(cpu0);
const after = heap();
const f = kept[0];
const t1 = performance.now();
f.runFor('1m');
out({
  result: 'fork-sim',
  forkMsMedian: Number(median(times).toFixed(2)),
  forkMsMax: Number(Math.max(...times).toFixed(2)),
  // CPU time of this process per fork (GC included): steadier than wall time on a shared machine.
  forkCpuMsMean: Number(((cpu.user + cpu.system) / 1000 / forks).toFixed(2)),
  heapPerForkMiB: mib((after - before) / forks),
  forkRunsOneMinuteMs: Number((performance.now() - t1).toFixed(0)),
  loadavg: os.loadavg().map((x) => Number(x.toFixed(2))),
});
