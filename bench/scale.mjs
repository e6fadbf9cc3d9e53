// Scale benchmark: N nodes, D Deployments × R replicas behind D Services, run to all-Ready.
// Prints JSON lines: the setup, then wall seconds, virtual time, events/s, peak RSS and the trace
// hash.
// Usage: node bench/scale.mjs [nodes=1000] [deployments=1000] [replicas=30]
//
// Doubling mode: node bench/scale.mjs --doubling [from=250] [sizes=3] [replicas=30]
// runs from, 2×from, 4×from… nodes with as many Deployments and Services as nodes (pods scale
// alike), each size in a fresh process (its own heap and peak RSS), and prints the wall-time ratio
// of each doubling. The target is "doubling at most doubles wall time (±20 %)": ratio ≤ 2.4.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { createSimulation } from '@kubesim/sim';

const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

/** Runs one size in a child process and returns its result line. */
function runChild(nodes, deployments, replicas) {
  const stdout = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      String(nodes),
      String(deployments),
      String(replicas),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const lines = stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return lines.find((l) => l.result === 'scale');
}

function doubling(args) {
  const [from = 250, sizes = 3, replicas = 30] = args.map(Number);
  out({ bench: 'scale-doubling', from, sizes, replicas, node: process.version });
  const results = [];
  for (let k = 0; k < sizes; k++) {
    const nodes = from * 2 ** k;
    const r = runChild(nodes, nodes, replicas);
    results.push(r);
    out({ nodes, pods: nodes * replicas, services: nodes, ...r });
  }
  const ratios = results.slice(1).map((r, k) => ({
    nodes: `${from * 2 ** k} → ${from * 2 ** (k + 1)}`,
    wallRatio: Number((r.wallSeconds / results[k].wallSeconds).toFixed(2)),
    rssRatio: Number((r.peakRssMiB / results[k].peakRssMiB).toFixed(2)),
  }));
  out({
    result: 'scale-doubling',
    ratios,
    worstWallRatio: Math.max(...ratios.map((r) => r.wallRatio)),
    target: 2.4,
    withinTarget: ratios.every((r) => r.wallRatio <= 2.4),
  });
}

function scale(args) {
  const [nodes = 1000, deployments = 1000, replicas = 30] = args.map(Number);
  out({
    bench: 'scale',
    nodes,
    deployments,
    replicas,
    pods: deployments * replicas,
    node: process.version,
  });

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

  const total = deployments * replicas;
  const readySet = new Set();
  const unwatch = sim.watch('Pod', (ev) => {
    const cond = ev.object.status?.conditions?.find((c) => c.type === 'Ready');
    const isReady = cond?.status === 'True' && ev.type !== 'DELETED';
    const name = ev.object.metadata.name;
    if (isReady) readySet.add(name);
    else readySet.delete(name);
  });
  sim.runUntil(() => readySet.size >= total, { timeout: '30m' });
  sim.settle();
  unwatch();
  const t1 = performance.now();
  const stats = sim.stats();
  const slices = sim.list('EndpointSlice');
  const readyEndpoints = slices.reduce(
    (n, s) => n + s.endpoints.filter((e) => e.conditions.ready !== false).length,
    0,
  );
  out({
    result: 'scale',
    readyPods: readySet.size,
    readyEndpoints,
    slices: slices.length,
    virtualSeconds: sim.now / 1000,
    applySeconds: Number(((tApplied - t0) / 1000).toFixed(2)),
    wallSeconds: Number(((t1 - t0) / 1000).toFixed(2)),
    events: stats.events,
    eventsPerSecond: Math.round(stats.events / ((t1 - t0) / 1000)),
    traceEntries: stats.traceEntries,
    reconciles: stats.reconciles,
    proxySyncs: stats.proxySyncs,
    // The process's true peak resident set (getrusage ru_maxrss), not a sample.
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    // Read after the timing and the peak above (the last < 1,024 entries are hashed now): equal
    // on two builds means they made exactly the same changes.
    traceHash: sim.trace.hash(),
  });
}

const argv = process.argv.slice(2);
if (argv[0] === '--doubling') doubling(argv.slice(1));
else scale(argv);
