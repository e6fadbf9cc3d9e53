// False-alarm campaign: runs default scenarioArb() scenarios through every built-in invariant and
// prints each violation (a false alarm: the simulated cluster is correct by construction) with its
// fast-check seed and index, then a summary line. Needs a build (npm run build).
//
//   node bench/campaign.mjs [--runs 5000] [--seed 20251204]
//
// Exit code 1 when any scenario reported a violation or threw.
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import fc from 'fast-check';
import { runScenario } from '@kubesim/sim';
import { scenarioArb } from '@kubesim/sim/testing';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('runs', 5000);
const seed = arg('seed', 20_251_204);
const started = performance.now();
const byInvariant = {};
let failed = 0;
let threw = 0;
let done = 0;
// One fast-check stream; index i is the i-th scenario of `fc.sample(scenarioArb(), { seed })`.
const samples = fc.sample(scenarioArb(), { numRuns: runs, seed });
for (const [index, scenario] of samples.entries()) {
  try {
    const r = runScenario(scenario, { keepTrace: false });
    if (r.violations.length > 0) {
      failed += 1;
      for (const v of r.violations) byInvariant[v.invariant] = (byInvariant[v.invariant] ?? 0) + 1;
      process.stdout.write(
        `${JSON.stringify({ index, violations: r.violations.slice(0, 3), scenario })}\n`,
      );
    }
  } catch (err) {
    threw += 1;
    process.stdout.write(
      `${JSON.stringify({ index, threw: String(err?.message ?? err), scenario })}\n`,
    );
  }
  done += 1;
  if (done % 500 === 0)
    process.stderr.write(`${done}/${runs} scenarios, ${failed} with violations, ${threw} threw\n`);
}
const ms = Math.round(performance.now() - started);
process.stdout.write(
  JSON.stringify({
    summary: true,
    runs,
    seed,
    failed,
    threw,
    byInvariant,
    ms,
    msPerRun: Math.round(ms / runs),
  }),
);
process.exitCode = failed > 0 || threw > 0 ? 1 : 0;
