/**
 * Runs the zone-outage scenario and sums up what each kind of client saw: outside through the
 * load balancer, outside through the Ingress, and inside the cluster.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { parseScenario, runScenario, type ScenarioResult, type Window } from '@kubesim/sim';

/** The scenario file, next to this example's sources. */
export const SCENARIO_URL = new URL(
  '../../src/zone-outage-external/zone-outage-external.yaml',
  import.meta.url,
);

/** When zone a loses power (the scenario's fault). */
export const OUTAGE_AT_MS = 120_000;

/** What one entry path saw. */
export interface PathSummary {
  readonly via: 'loadBalancer' | 'ingress' | 'cluster';
  readonly ok: number;
  readonly failed: number;
  /** Last failed request since the outage (virtual ms), if any. */
  readonly lastFailure: number | undefined;
  readonly windows: readonly Window[];
}

/** The run and its three summaries. */
export interface ZoneOutageRun {
  readonly result: ScenarioResult;
  readonly paths: readonly PathSummary[];
}

/** Runs the scenario. */
export function runZoneOutageExternal(): ZoneOutageRun {
  const result = runScenario(parseScenario(readFileSync(SCENARIO_URL, 'utf8')));
  const m = result.sim.metrics;
  const paths = (['loadBalancer', 'ingress', 'cluster'] as const).map((via) => {
    const series = m.outcomes('default/web', { via });
    let failed = 0;
    let lastFailure: number | undefined;
    for (const b of series.buckets) {
      const bad = b.refused + b.timeout + b.http_502 + b.http_503 + b.http_504;
      failed += bad;
      if (bad > 0 && b.t >= OUTAGE_AT_MS) lastFailure = b.t;
    }
    return {
      via,
      ok: series.total.ok,
      failed,
      lastFailure,
      windows: m.blackHoleWindows('default/web', { via }),
    };
  });
  return { result, paths };
}
