/**
 * Example: property-based testing of a client-side load balancer with fast-check.
 *
 * The property: after the cluster settles, the load balancer's backends are the Service's ready
 * endpoints. fast-check generates scenarios (Deployments behind one Service, scaling steps), finds
 * one where the naive load balancer (one slice per Service) is wrong, and shrinks it to the
 * smallest such scenario: one more pod than fits in a slice. The fixed version passes.
 *
 * The cluster runs with `maxEndpointsPerSlice: 5` so that the search needs 6 pods, not 101; the
 * bug and the shape of the counterexample are the same (pass `--upstream` to use 100).
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/client-lb-property/main.js [--upstream]`
 */
import fc from 'fast-check';
import { fixedLoadBalancer, naiveLoadBalancer } from './loadBalancer.js';
import { checkScenario, lbProperty, type LbScenarioConstraints } from './property.js';

const upstream = process.argv.includes('--upstream');
const constraints: LbScenarioConstraints = upstream
  ? { maxEndpointsPerSlice: 100, maxReplicas: 250, maxDeployments: 2, maxSteps: 1 }
  : { maxEndpointsPerSlice: 5 };
const seed = 42;
console.log(`maxEndpointsPerSlice ${constraints.maxEndpointsPerSlice}, fast-check seed ${seed}\n`);

const naive = fc.check(lbProperty(naiveLoadBalancer, constraints), { seed, numRuns: 100 });
if (!naive.failed || naive.counterexample === null) {
  console.log('naive load balancer: no counterexample found');
} else {
  const [scenario] = naive.counterexample;
  const detail = checkScenario(scenario, naiveLoadBalancer, constraints);
  console.log(
    `naive load balancer: FAILS after ${naive.numRuns} run(s), shrunk ${naive.numShrinks} time(s) to`,
  );
  console.log(`  ${JSON.stringify(scenario)}`);
  console.log(
    `  ${detail.expected.length} ready endpoints in ${detail.slices} slices; the LB knows ${detail.actual.length}:`,
  );
  const missing = detail.expected.filter((ip) => !detail.actual.includes(ip));
  const shown = missing.slice(0, 8).join(', ');
  console.log(`    missing ${shown}${missing.length > 8 ? `, … (${missing.length} in all)` : ''}`);
}

const fixed = fc.check(lbProperty(fixedLoadBalancer, constraints), { seed, numRuns: 100 });
console.log(
  `\nfixed load balancer: ${fixed.failed ? 'FAILS' : 'passes'} (${fixed.numRuns} scenarios)`,
);
