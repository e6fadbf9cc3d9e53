// Testing-kit benchmark: runs per second of the kit's two modes (issue 12: both start runs from
// forks). Prints JSON lines:
// - commands: fc.assert over commands() with modelRunChecked (3 nodes, up to 12 commands);
// - commands-from-scratch: the same runs with the setup built and settled in every run (the
//   reference the fork must equal; skipped on builds without it); three alternating rounds;
// - scenarios: checkScenarios over scenarioArb with the built-in invariants, a passing property
//   (generated runs rarely share a cluster part: the seed is part of it);
// - shrink: a property that fails on any cordoned node, shrunk; its runs and shrinking steps
//   share cluster parts, which are forked;
// - rerun-from-scratch / rerun-from-fork: 40 scenarios run again and again (as shrinking does),
//   from scratch and from forks of their kept cluster parts (builds with the cache only).
// Each line has runs, wall seconds, runs/s, CPU seconds (process.cpuUsage: steadier than wall on
// a shared machine) and CPU ms per run; the load average is printed at the end.
// Usage: node bench/kit.mjs [commandRuns=60] [scenarioRuns=60] [seed=1]
import { performance } from 'node:perf_hooks';
import { existsSync } from 'node:fs';
import os from 'node:os';
import process from 'node:process';
import { URL } from 'node:url';
import fc from 'fast-check';
import { checkScenarios, commands, modelRunChecked } from '@kubesim/sim/testing';

const [commandRuns = 60, scenarioRuns = 60, seed = 1] = process.argv.slice(2).map(Number);
const out = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);
const dist = new URL('../packages/sim/dist/testing/', import.meta.url);

/** Runs `fn`, which reports how many runs it did; prints the rates. */
function measure(name, fn, extra = () => ({})) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const runs = fn();
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  out({
    result: name,
    runs,
    wallSeconds: Number(wall.toFixed(2)),
    runsPerSecond: Number((runs / wall).toFixed(1)),
    cpuSeconds: Number(cpu.toFixed(2)),
    cpuMsPerRun: Number(((cpu * 1000) / runs).toFixed(2)),
    ...extra(),
  });
}

out({ bench: 'kit', node: process.version, commandRuns, scenarioRuns, seed });

function commandProperty(runOne) {
  let runs = 0;
  fc.assert(
    fc.property(commands({ maxCommands: 12 }), (cmds) => {
      runs += 1;
      runOne(cmds);
    }),
    { numRuns: commandRuns, seed },
  );
  return runs;
}

// Warm up the JIT (and the settled setup's cache) on other seeds.
fc.assert(
  fc.property(commands({ maxCommands: 12 }), (cmds) => {
    modelRunChecked(cmds);
  }),
  { numRuns: 150, seed: seed + 1000 },
);
const internal = new URL('commands.js', dist);
const mod = existsSync(internal) ? await import(internal.href) : {};
const scratch =
  typeof mod.modelRunCheckedFrom === 'function' ? mod.modelRunSetupFromScratch() : undefined;
// Alternating rounds: on a loaded machine the order of two measurements matters.
for (let round = 0; round < 3; round++) {
  measure(
    'commands',
    () => commandProperty((cmds) => modelRunChecked(cmds)),
    () => ({ round }),
  );
  if (scratch !== undefined)
    measure(
      'commands-from-scratch',
      () => commandProperty((cmds) => mod.modelRunCheckedFrom(scratch, cmds)),
      () => ({ round }),
    );
}

const cacheUrl = new URL('_internals/clusterCache.js', dist);
const { ClusterCache } = existsSync(cacheUrl) ? await import(cacheUrl.href) : {};
const totals = () => (ClusterCache === undefined ? {} : { cache: { ...ClusterCache.totals } });

checkScenarios({ numRuns: 40, seed: seed + 1000, failureDir: false });
measure(
  'scenarios',
  () => {
    checkScenarios({ numRuns: scenarioRuns, seed, failureDir: false });
    return scenarioRuns;
  },
  totals,
);

const noCordon = () => [
  {
    name: 'no-cordoned-node',
    kind: 'safety',
    description: 'no node is cordoned',
    check: (sim) =>
      sim
        .list('Node')
        .filter((n) => n.spec.unschedulable === true)
        .map((n) => ({ invariant: 'no-cordoned-node', t: sim.now, message: n.metadata.name })),
  },
];
measure(
  'shrink',
  () => {
    let runs = 0;
    const counting = () => {
      runs += 1;
      return noCordon();
    };
    try {
      checkScenarios({
        invariants: counting,
        constraints: { maxHorizonMinutes: 3 },
        numRuns: 200,
        seed: 5,
        failureDir: false,
      });
    } catch (err) {
      if (err?.code !== 'PropertyFailed') throw err;
    }
    return runs;
  },
  totals,
);
// The same scenarios run again (what shrinking does): from scratch, then from a fork of their
// kept cluster part (built with the cache's third sight), in alternating rounds.
if (ClusterCache !== undefined) {
  const { runScenario } = await import('@kubesim/sim');
  const { scenarioArb } = await import('@kubesim/sim/testing');
  const again = fc.sample(scenarioArb({ maxHorizonMinutes: 3 }), { numRuns: 40, seed });
  const opts = { keepTrace: false, stopOnViolation: true, invariants: [] };
  const caches = again.map(() => new ClusterCache(1));
  again.forEach((s, i) => {
    caches[i].run(s, opts);
    caches[i].run(s, opts);
  });
  for (let round = 0; round < 3; round++) {
    measure(
      'rerun-from-scratch',
      () => {
        for (const s of again) runScenario(s, opts);
        return again.length;
      },
      () => ({ round }),
    );
    measure(
      'rerun-from-fork',
      () => {
        again.forEach((s, i) => caches[i].run(s, opts));
        return again.length;
      },
      () => ({ round }),
    );
  }
}
out({ loadavg: os.loadavg().map((x) => Number(x.toFixed(2))) });
