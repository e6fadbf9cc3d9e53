// Trace cost benchmark (same process): what building and hashing the trace's entries costs, with
// trace format 2's element-level array patches against format 1's rule (a changed array replaced
// whole, kept below as the reference). Builds a cluster like bench/churn.mjs (N nodes in 3 zones,
// D Deployments × R replicas behind D Services), settles it, then churns for M virtual minutes
// (1 % of pods deleted a minute, a rollout of 5 % of the Deployments every 10 minutes, one node
// crash recovered 5 minutes later), recording every store change the trace is handed. Then it
// builds and hashes each change's entry under both rules, alternating, several rounds, and prints
// JSON lines: the run, then per rule the median CPU ms (all entries; MODIFIED ones; the MODIFIED ones'
// diffs alone, unhashed) and the patches and JSON characters of the MODIFIED entries.
// Usage: node bench/traceCost.mjs [nodes=300] [deployments=100] [replicas=30] [minutes=20] [rounds=5]
// Run `npm run build` first (it reads packages/sim/dist).
import process from 'node:process';
import { RunningHash, deepEqual } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';
import { TraceLog } from '../packages/sim/dist/world/trace.js';
import { diffPatches } from '../packages/sim/dist/world/diffPatches.js';

const [nodes = 300, deployments = 100, replicas = 30, minutes = 20, rounds = 5] = process.argv
  .slice(2)
  .map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

/** Format 1's patches: object keys as now, a changed array replaced whole. */
function diffPatchesV1(before, after, path = []) {
  const res = [];
  const isRecord = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
  const into = (b, a, p) => {
    if (isRecord(b) && isRecord(a)) {
      for (const k of Object.keys(b))
        if (!Object.hasOwn(a, k)) res.push({ op: 'remove', path: [...p, k] });
      for (const k of Object.keys(a)) {
        if (!Object.hasOwn(b, k)) res.push({ op: 'add', path: [...p, k], value: a[k] });
        else if (b[k] !== a[k]) into(b[k], a[k], [...p, k]);
      }
      return;
    }
    if (Array.isArray(b) && Array.isArray(a) && deepEqual(b, a)) return;
    res.push({ op: 'replace', path: p, value: a });
  };
  if (before !== after) into(before, after, path);
  return res;
}

// Every change the simulation's trace is handed (the module is the one the simulation uses).
const changes = [];
const appendChange = TraceLog.prototype.appendChange;
TraceLog.prototype.appendChange = function (change) {
  changes.push(change);
  return appendChange.call(this, change);
};

let state = 0x9e3779b9;
const next = () => {
  state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
  return state / 2 ** 32;
};
const sim = createSimulation({ seed: 'trace-cost', keepTrace: false });
sim.addNodes(nodes, { zones: ['zone-a', 'zone-b', 'zone-c'], cpu: '64', memory: '256Gi' });
const manifests = [];
for (let i = 0; i < deployments; i++) {
  const app = `app-${i}`;
  const container = {
    name: 'web',
    image: 'nginx:1',
    ports: [{ containerPort: 8080, name: 'http' }],
    resources: { requests: { cpu: '10m', memory: '16Mi' } },
  };
  manifests.push(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: app },
      spec: {
        replicas,
        selector: { matchLabels: { app } },
        template: { metadata: { labels: { app } }, spec: { containers: [container] } },
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
const start = sim.now;
const minute = 60_000;
for (let m = 1; m <= minutes; m++) {
  sim.at(start + m * minute, (s) => {
    const pods = s.list('Pod').filter((p) => p.metadata.deletionTimestamp === undefined);
    for (let i = 0; i < Math.round(pods.length / 100); i++) {
      const pod = pods[Math.floor(next() * pods.length)];
      const key = `default/${pod.metadata.name}`;
      if (s.get('Pod', key)?.metadata.deletionTimestamp === undefined) s.delete('Pod', key);
    }
  });
  if (m % 10 === 0) {
    sim.at(start + m * minute + 1000, (s) => {
      for (let i = 0; i < Math.max(1, Math.round(deployments / 20)); i++) {
        s.update('Deployment', `app-${Math.floor(next() * deployments)}`, (d) => {
          d.spec.template.spec.containers[0].image = `nginx:${m}`;
        });
      }
    });
  }
}
const crashed = sim.list('Node')[1].metadata.name;
sim.at(start + 2 * minute, (s) => s.faults.crashNode(crashed));
sim.at(start + 7 * minute, (s) => s.faults.recoverNode(crashed));
sim.runFor(minutes * minute);
const modified = changes.filter((c) => c.type === 'MODIFIED' && c.oldObject !== undefined);
out({
  bench: 'traceCost',
  nodes,
  deployments,
  replicas,
  minutes,
  changes: changes.length,
  modified: modified.length,
  node: process.version,
});

// CPU time of this process, steadier than wall time on a shared machine.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Builds and hashes every change's entry as the trace does (trace.ts, changeEntry); ms. */
function hashAll(list, diff) {
  const h = new RunningHash();
  const t0 = cpuMs();
  for (const [seq, c] of list.entries()) {
    const entry = { seq, t: c.t, cause: c.cause, type: c.type, kind: c.kind, key: c.key, rv: c.rv };
    if (c.type === 'MODIFIED' && c.oldObject !== undefined)
      entry.patches = diff(c.oldObject, c.object);
    else if (c.type === 'ADDED') entry.object = c.object;
    h.mixJson(entry);
  }
  return cpuMs() - t0;
}

/** Only the diffs of the MODIFIED changes, not hashed; ms. */
function diffAll(list, diff) {
  const t0 = cpuMs();
  let n = 0;
  for (const c of list) n += diff(c.oldObject, c.object).length;
  return n >= 0 ? cpuMs() - t0 : 0;
}

const rules = { 'format 1 (arrays whole)': diffPatchesV1, 'format 2 (element-level)': diffPatches };
const times = Object.fromEntries(
  Object.keys(rules).map((k) => [k, { all: [], modified: [], diffOnly: [] }]),
);
for (let r = 0; r < rounds + 1; r++) {
  for (const [name, diff] of Object.entries(rules)) {
    const all = hashAll(changes, diff);
    const mod = hashAll(modified, diff);
    const diffOnly = diffAll(modified, diff);
    if (r > 0) {
      // Round 0 warms up.
      times[name].all.push(all);
      times[name].modified.push(mod);
      times[name].diffOnly.push(diffOnly);
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, diff] of Object.entries(rules)) {
  let chars = 0;
  let patches = 0;
  for (const c of modified) {
    const p = diff(c.oldObject, c.object);
    patches += p.length;
    chars += JSON.stringify(p).length;
  }
  out({
    rule: name,
    allEntriesMs: Number(median(times[name].all).toFixed(1)),
    modifiedEntriesMs: Number(median(times[name].modified).toFixed(1)),
    modifiedDiffOnlyMs: Number(median(times[name].diffOnly).toFixed(1)),
    modifiedPatches: patches,
    modifiedPatchChars: chars,
  });
}
out({ loadavg: (await import('node:os')).loadavg().map((x) => Number(x.toFixed(2))) });
