/**
 * Example: a node loses power under traffic — the failover timeline and its HTML report.
 *
 * Prints when each stage of the default Kubernetes node-failure handling happens (node Unknown,
 * endpoints not ready, NoExecute taint, pod deletion 300 s later, replacement Ready), how long
 * the client's connections were black-holed, and the outcome of every connection per phase.
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/node-failure/main.js [report.html]`
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CRASH_AT_MS, runNodeFailure, sinceCrash } from './nodeFailure.js';
import { nodeFailureReport } from './report.js';

const run = runNodeFailure();
console.log(
  `cluster: 4 nodes in 3 zones; web has 3 replicas; client on ${run.clientNode}, one connection every 100 ms\n`,
);
console.log('timeline (virtual time, and since the crash)');
for (const m of run.timeline) {
  console.log(`  ${`${m.t / 1000}s`.padStart(6)} ${sinceCrash(m.t).padStart(8)}  ${m.what}`);
}

const { start, end } = run.window;
console.log(
  `\nblack-hole window: ${start / 1000}s → ${end === undefined ? 'still open' : `${end / 1000}s`} (${end === undefined ? '∞' : (end - start) / 1000} s)`,
);

const phases: [string, number, number][] = [
  ['before the crash', 0, CRASH_AT_MS],
  ['in the black-hole window', start, end ?? Infinity],
  ['after the window', end ?? Infinity, Infinity],
];
console.log('\nconnection outcomes');
for (const [label, from, to] of phases) {
  const counts = { ok: 0, refused: 0, timeout: 0, nxdomain: 0 };
  for (const b of run.outcomes.buckets) {
    if (b.t < from || b.t >= to) continue;
    counts.ok += b.ok;
    counts.refused += b.refused;
    counts.timeout += b.timeout;
    counts.nxdomain += b.nxdomain;
  }
  console.log(
    `  ${label.padEnd(26)} ok ${String(counts.ok).padStart(5)}  timeout ${String(counts.timeout).padStart(4)}  refused ${counts.refused}`,
  );
}

const out = resolve(process.argv[2] ?? 'node-failure-report.html');
writeFileSync(out, nodeFailureReport(run));
console.log(`\ntrace hash ${run.sim.trace.hash()}; report written to ${out}`);
