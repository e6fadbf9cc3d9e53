// No false alarm: 500 default scenarios with the correct client attached break neither the
// agreement check nor any built-in invariant (bench/campaign.mjs runs 5,000).
import { describe, it } from 'vitest';
import { agreesWithKubeProxy } from './checks/index.js';
import { checkScenarios } from './scenarioProperty.js';
import { CLIENTS, type DiscoveryClient } from './sixClients.test-helper.js';

describe('no false alarm', () => {
  it('500 default scenarios: the correct client agrees with kube-proxy and every built-in invariant holds', () => {
    checkScenarios({
      attach: CLIENTS['correct']!,
      checks: [agreesWithKubeProxy((c: DiscoveryClient, svc) => c.backends(svc))],
      numRuns: 500,
      seed: 20_251_204,
      failureDir: false,
    });
  }, 900_000);
});
