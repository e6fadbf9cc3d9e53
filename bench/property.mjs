// Property-run benchmark: how many small scenarios per second kubesim runs from scratch, the
// budget a property-based test has. One run: 3 nodes in 3 zones, 2 Deployments (3 and 2 replicas,
// readiness probes) behind 2 Services; at 1 min node-0 crashes, at 2 min a pod of `api` is
// deleted, at 3 min `web` rolls out a new image, at 6 min node-0 recovers, at 7 min `api` scales
// to 4; the run ends at 10 virtual minutes (about 295 events).
// A property run does not read its trace, so the timed runs do not ask for the hash (the trace
// then builds no entry: it is built and hashed when read); the first run's hash is printed, and
// one line times the same runs reading it (`hashRead`).
// Prints JSON lines: the setup, then runs/s, µs per event, events and trace hash per run; then the
// same runs started from a fork of the cluster run once to 59 s (sim.fork, issue 12); last, what
// sim.fork() of a settled large cluster costs (bench/forkSim.mjs in a child process with
// --expose-gc: median fork time, CPU and heap per fork; 0 skips it).
// Usage: node bench/property.mjs [seconds=10] [warmupRuns=20] [forkNodes=1000]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { createSimulation } from '@kubesim/sim';

const [seconds = 10, warmup = 20, forkNodes = 1000] = process.argv.slice(2).map(Number);
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

/** The cluster part of a run: 3 nodes, the two apps, run to just before the first action. */
function cluster(seed) {
  const sim = createSimulation({ seed, keepTrace: false });
  sim.addNodes(3, { zones: ['a', 'b', 'c'] });
  sim.apply([...app('web', 3), ...app('api', 2)]);
  return sim;
}

/** The actions of a run, then to 10 virtual minutes; `readHash` reads the trace hash at the end. */
function act(sim, readHash = false) {
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
  sim.runFor(10 * 60_000 - sim.now);
  return { events: sim.stats().events, hash: readHash ? sim.trace.hash() : undefined };
}

/** One run from scratch; returns the events it took and its trace hash. */
function run(seed, readHash = false) {
  return act(cluster(seed), readHash);
}

const first = run('property-0', true);
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

// The same runs from a fork of the cluster settled once (issue 12): the cluster part runs to
// 59 s once; each run forks it and does the actions. Every fork continues the same seed, so the
// runs are identical; what is measured is the cost of a run that starts from a fork.
const settled = cluster('property-fork');
settled.runFor('59s');
const settledEvents = settled.stats().events;
for (let i = 0; i < warmup; i++) act(settled.fork());
let forkRuns = 0;
let forkEvents = 0;
const fcpu0 = process.cpuUsage();
const ft0 = performance.now();
let ft = ft0;
while (ft - ft0 < seconds * 1000) {
  forkEvents += act(settled.fork()).events - settledEvents;
  forkRuns += 1;
  ft = performance.now();
}
const fwall = (ft - ft0) / 1000;
const fcpuUsed = process.cpuUsage(fcpu0);
const fcpu = (fcpuUsed.user + fcpuUsed.system) / 1e6;
out({
  result: 'property-from-fork',
  runs: forkRuns,
  wallSeconds: Number(fwall.toFixed(2)),
  runsPerSecond: Number((forkRuns / fwall).toFixed(1)),
  eventsPerRunAfterFork: Math.round(forkEvents / forkRuns),
  cpuSeconds: Number(fcpu.toFixed(2)),
  runsPerCpuSecond: Number((forkRuns / fcpu).toFixed(1)),
  loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
});

// The same runs from a fork, each reading its trace hash at the end (what a run costs when its
// trace is read: every entry built and hashed).
{
  let n = 0;
  const c0 = process.cpuUsage();
  const h0 = performance.now();
  let h = h0;
  while (h - h0 < seconds * 500) {
    act(settled.fork(), true);
    n += 1;
    h = performance.now();
  }
  const c = process.cpuUsage(c0);
  out({
    result: 'property-from-fork-hash-read',
    runs: n,
    runsPerSecond: Number((n / ((h - h0) / 1000)).toFixed(1)),
    runsPerCpuSecond: Number((n / ((c.user + c.system) / 1e6)).toFixed(1)),
  });
}

// The fork's cost on a settled large cluster (3 pods per node), measured in a child process so
// that its heap figures are its own.
if (forkNodes > 0) {
  const { execFileSync } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const script = fileURLToPath(new globalThis.URL('./forkSim.mjs', import.meta.url));
  const lines = execFileSync(
    process.execPath,
    ['--expose-gc', script, String(forkNodes), '3', '10'],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  for (const line of lines.trim().split('\n')) {
    const o = JSON.parse(line);
    out(o.result === undefined ? o : { ...o, result: 'fork-of-settled-cluster', nodes: forkNodes });
  }
}
