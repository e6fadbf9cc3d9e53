// Fork benchmark (issue 12), store part: what `Store.fork` costs on the API server of a cluster
// of the 1,000-node scale row (bench/RESULTS.md): N Nodes, N Services, N × P pods bound to the
// nodes with their Service's labels, one EndpointSlice per Service. Measures the fork itself
// (time, heap), the first write on each side of a kind table the fork shares (its copy-on-write
// copy), and later writes (no copy). `sim.fork()` is not built yet: this is the store's share.
// Prints JSON lines. Usage: node --expose-gc bench/fork.mjs [nodes=1000] [podsPerNode=30] [forks=50]
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { Store, counterIdSource, seededRandomSource } from '@kubesim/core';

const [nodes = 1000, podsPerNode = 30, forks = 50] = process.argv.slice(2).map(Number);
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
const store = new Store({ ids: counterIdSource(), random: seededRandomSource(1) });
store.transaction(() => {
  for (let n = 0; n < nodes; n++) {
    store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: `node-${n}`,
        labels: {
          'topology.kubernetes.io/zone': `zone-${n % 3}`,
          'kubernetes.io/hostname': `node-${n}`,
        },
      },
      spec: { podCIDR: `10.128.${n % 256}.0/24` },
    });
  }
  for (let s = 0; s < nodes; s++) {
    store.create({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: `svc-${s}`, namespace: 'default' },
      spec: { selector: { app: `app-${s}` }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    store.create({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `svc-${s}-abcde`,
        namespace: 'default',
        labels: { 'kubernetes.io/service-name': `svc-${s}` },
      },
      addressType: 'IPv4',
      endpoints: [],
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
    });
  }
  for (let p = 0; p < nodes * podsPerNode; p++) {
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `app-${p % nodes}-${p}`,
        namespace: 'default',
        labels: { app: `app-${p % nodes}`, 'pod-template-hash': 'abc' },
      },
      spec: {
        nodeName: `node-${p % nodes}`,
        containers: [{ name: 'main', image: 'nginx', ports: [{ containerPort: 8080 }] }],
      },
    });
  }
});
store.list('Pod'); // key orders built, as after a settled run's lists
const objects = nodes * 3 + nodes * podsPerNode;
out({
  bench: 'fork',
  node: process.version,
  nodes,
  pods: nodes * podsPerNode,
  objects,
  buildSeconds: Number(((performance.now() - t0) / 1000).toFixed(2)),
  gcExposed: globalThis.gc !== undefined,
});

const deps = (i) => ({ ids: counterIdSource(), random: seededRandomSource(i), clock: () => 0 });
const times = [];
const kept = [];
const before = heap();
for (let i = 0; i < forks; i++) {
  const t = performance.now();
  kept.push(store.fork(deps(i)));
  times.push(performance.now() - t);
}
const after = heap();

// The first write to a shared table copies it (on that side); the next one does not.
const child = kept[0];
const pod = (name) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', labels: { app: 'app-0' } },
  spec: { nodeName: 'node-0', containers: [{ name: 'main', image: 'nginx' }] },
});
let t = performance.now();
child.create(pod('first-write'));
const firstWrite = performance.now() - t;
const later = [];
for (let i = 0; i < 21; i++) {
  t = performance.now();
  child.create(pod(`later-write-${i}`));
  later.push(performance.now() - t);
}
// The parent, still sharing its tables with the other forks, copies on its first write too.
t = performance.now();
store.create(pod('parent-write'));
const parentFirstWrite = performance.now() - t;

out({
  result: 'fork',
  forks,
  forkMillisMedian: Number(median(times).toFixed(3)),
  forkMillisMax: Number(Math.max(...times).toFixed(3)),
  heapMiBPerFork: mib((after - before) / forks),
  firstPodWriteInForkMillis: Number(firstWrite.toFixed(3)),
  laterPodWriteMillisMedian: Number(median(later).toFixed(3)),
  firstPodWriteInParentMillis: Number(parentFirstWrite.toFixed(3)),
  loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))),
});
