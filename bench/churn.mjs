// Churn benchmark: from a settled cluster (default 300 nodes in 3 zones, 300 Deployments × 30
// replicas = 9,000 pods behind 300 Services), one virtual hour with 1 % of pods deleted every
// minute, a rollout of 5 % of the Deployments every 10 minutes, 3 node crashes each recovered
// 5 minutes later, and a 10-minute outage of one zone. Prints JSON lines: the setup (and how long
// bring-up took), then the churn hour's wall time and its virtual/real ratio.
// Usage: node bench/churn.mjs [nodes=300] [deployments=300] [replicas=30] [minutes=60]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createSimulation } from '@kubesim/sim';

const [nodes = 300, deployments = 300, replicas = 30, minutes = 60] = process.argv
  .slice(2)
  .map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
out({
  bench: 'churn',
  nodes,
  deployments,
  replicas,
  pods: deployments * replicas,
  minutes,
  node: process.version,
});

// A seeded pick, so every run deletes and rolls out the same objects.
let state = 0x9e3779b9;
const next = () => {
  state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
  return state / 2 ** 32;
};

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const t0 = performance.now();
const sim = createSimulation({ seed: 'churn', keepTrace: false });
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
                image: 'nginx:1',
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
sim.settle({ timeout: '1h' });
sampleRss();
const tSettled = performance.now();
out({
  phase: 'settled',
  wallSeconds: Number(((tSettled - t0) / 1000).toFixed(2)),
  virtualSeconds: sim.now / 1000,
  pods: sim.list('Pod').length,
});

const start = sim.now;
const minute = 60_000;
const nodeNames = sim.list('Node').map((n) => n.metadata.name);
const eventsBefore = sim.stats().events;
for (let m = 1; m <= minutes; m++) {
  sim.at(start + m * minute, (s) => {
    const pods = s.list('Pod').filter((p) => p.metadata.deletionTimestamp === undefined);
    const n = Math.round(pods.length / 100);
    for (let i = 0; i < n; i++) {
      const pod = pods[Math.floor(next() * pods.length)];
      if (
        pod !== undefined &&
        s.get('Pod', `default/${pod.metadata.name}`)?.metadata.deletionTimestamp === undefined
      ) {
        s.delete('Pod', `default/${pod.metadata.name}`);
      }
    }
  });
  if (m % 10 === 0) {
    sim.at(start + m * minute + 1000, (s) => {
      for (let i = 0; i < Math.max(1, Math.round(deployments / 20)); i++) {
        const name = `app-${Math.floor(next() * deployments)}`;
        s.update('Deployment', name, (d) => {
          d.spec.template.spec.containers[0].image = `nginx:${m}`;
        });
      }
    });
  }
}
// Three node crashes, each recovered 5 minutes later; a 10-minute outage of zone-c at 30 min.
for (const [i, at] of [5, 20, 45].entries()) {
  const name = nodeNames[(i * 97) % nodeNames.length];
  sim.at(start + at * minute, (s) => s.faults.crashNode(name));
  sim.at(start + (at + 5) * minute, (s) => s.faults.recoverNode(name));
}
sim.at(start + 30 * minute, (s) => s.faults.zoneOutage('zone-c', '10m'));

const t1 = performance.now();
const cpu0 = process.cpuUsage();
let steps = 0;
sim.runUntil(
  () => {
    steps += 1;
    if (steps % 256 === 0) sampleRss();
    return false;
  },
  { timeout: minutes * minute },
);
sampleRss();
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const wall = (t2 - t1) / 1000;
const events = sim.stats().events - eventsBefore;
out({
  result: 'churn',
  virtualSeconds: (sim.now - start) / 1000,
  wallSeconds: Number(wall.toFixed(2)),
  cpuSeconds: Number(((cpu.user + cpu.system) / 1e6).toFixed(2)),
  virtualToReal: Math.round((sim.now - start) / 1000 / wall),
  events,
  microsPerEvent: Number(((wall * 1e6) / events).toFixed(1)),
  podsAtEnd: sim.list('Pod').length,
  peakRssMiB: Math.round(peakRss / 2 ** 20),
  hash: sim.trace.hash(),
  loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
});
