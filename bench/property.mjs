// Property-run benchmark: how many small scenarios per second kubesim runs from scratch, the
// budget a property-based test has. One run: 3 nodes in 3 zones, 2 Deployments (3 and 2 replicas,
// readiness probes) behind 2 Services; at 1 min node-0 crashes, at 2 min a pod of `api` is
// deleted, at 3 min `web` rolls out a new image, at 6 min node-0 recovers, at 7 min `api` scales
// to 4; the run ends at 10 virtual minutes (about 295 events).
// Prints JSON lines: the setup, then runs/s, µs per event, events and trace hash per run.
// Usage: node bench/property.mjs [seconds=10] [warmupRuns=20]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createSimulation } from '@kubesim/sim';

const [seconds = 10, warmup = 20] = process.argv.slice(2).map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

function app(name, replicas) {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: [
              {
                name: 'main',
                image: `${name}:1`,
                ports: [{ containerPort: 8080, name: 'http' }],
                readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 5 },
                resources: { requests: { cpu: '100m', memory: '64Mi' } },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 'http' }] },
    },
  ];
}

/** One run from scratch; returns the events it took and its trace hash. */
function run(seed) {
  const sim = createSimulation({ seed, keepTrace: false });
  sim.addNodes(3, { zones: ['a', 'b', 'c'] });
  sim.apply([...app('web', 3), ...app('api', 2)]);
  sim.at('1m', (s) => s.faults.crashNode('node-0'));
  sim.at('2m', (s) => {
    const pod = s.list('Pod', { labelSelector: 'app=api' })[0];
    if (pod !== undefined) s.delete('Pod', `default/${pod.metadata.name}`);
  });
  sim.at('3m', (s) =>
    s.update('Deployment', 'web', (d) => {
      d.spec.template.spec.containers[0].image = 'web:2';
    }),
  );
  sim.at('6m', (s) => s.faults.recoverNode('node-0'));
  sim.at('7m', (s) =>
    s.update('Deployment', 'api', (d) => {
      d.spec.replicas = 4;
    }),
  );
  sim.runFor('10m');
  return { events: sim.stats().events, hash: sim.trace.hash() };
}

const first = run('property-0');
out({
  bench: 'property',
  node: process.version,
  seconds,
  warmup,
  eventsPerRun: first.events,
  hash: first.hash,
});
for (let i = 0; i < warmup; i++) run(`warmup-${i}`);

let runs = 0;
let events = 0;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
let t = t0;
while (t - t0 < seconds * 1000) {
  events += run(`property-${runs}`).events;
  runs += 1;
  t = performance.now();
}
const wall = (t - t0) / 1000;
const cpuUsed = process.cpuUsage(cpu0);
const cpu = (cpuUsed.user + cpuUsed.system) / 1e6;
out({
  result: 'property',
  runs,
  wallSeconds: Number(wall.toFixed(2)),
  runsPerSecond: Number((runs / wall).toFixed(1)),
  eventsPerRun: Math.round(events / runs),
  microsPerEvent: Number(((wall * 1e6) / events).toFixed(1)),
  // CPU time of this process: steadier than wall time on a shared machine.
  cpuSeconds: Number(cpu.toFixed(2)),
  runsPerCpuSecond: Number((runs / cpu).toFixed(1)),
  loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
});
