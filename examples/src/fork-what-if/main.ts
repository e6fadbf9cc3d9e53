/**
 * Example: fork a settled cluster twice and compare a node crash with a drain of the same node.
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/fork-what-if/main.js`
 */
import { HORIZON, runWhatIf } from './whatIf.js';

const run = runWhatIf();
console.log(
  `settled cluster forked at ${run.forkedAt / 1000}s; both futures act on ${run.node} and run ${HORIZON}\n`,
);
for (const f of [run.crash, run.drain]) {
  console.log(
    `  ${f.name.padEnd(6)} ok ${String(f.ok).padStart(5)}  failed ${String(f.failed).padStart(4)}  ready web pods at the end ${f.ready}`,
  );
}
console.log(
  `\nparent untouched: still at ${run.parent.now / 1000}s, trace hash ${run.parent.trace.hash()}`,
);
