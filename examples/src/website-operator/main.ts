/**
 * Example: an operator for a custom resource, and a property test that catches its bug.
 *
 * A `Website` (a CustomResourceDefinition) asks for an image and a replica count; the operator
 * (`websiteController`, added with `sim.addController`) keeps a Deployment and a Service for it.
 * The property: while pod faults play out one at a time, the Service always has a ready endpoint.
 * fast-check finds that the operator with the planted bug (recreate a degraded Deployment) breaks
 * it, shrinks the failure to a scenario where every remaining fault is needed, and the correct
 * operator passes.
 *
 * Run: `npm run build && node examples/dist/website-operator/main.js`
 */
import fc from 'fast-check';
import { checkWebsite, websiteProperty } from './property.js';

const seed = 42;
const buggy = fc.check(websiteProperty({ bug: 'recreate-degraded' }), { seed, numRuns: 20 });
if (!buggy.failed || buggy.counterexample === null) {
  console.log('operator with the planted bug: no counterexample found');
} else {
  const [scenario] = buggy.counterexample;
  const detail = checkWebsite(scenario, { bug: 'recreate-degraded' });
  console.log(
    `operator with the planted bug: FAILS after ${buggy.numRuns} run(s), shrunk ${buggy.numShrinks} time(s) to`,
  );
  console.log(`  ${JSON.stringify(scenario)}`);
  console.log(
    `  the Service had no ready endpoint at t=${((detail.emptyAt ?? 0) / 1000).toFixed(1)} s (Website phase ${detail.phase ?? '-'})`,
  );
}
const correct = fc.check(websiteProperty({}), { seed, numRuns: 20 });
console.log(
  correct.failed
    ? `correct operator: FAILS on ${JSON.stringify(correct.counterexample)}`
    : `correct operator: passes ${correct.numRuns} generated scenarios`,
);
