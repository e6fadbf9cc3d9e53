/**
 * Example: what do my external users see when a zone dies?
 *
 * Runs `zone-outage-external.yaml` (6 nodes in 3 zones, a GCE-style load balancer, ingress-nginx,
 * zone a loses power at 2m) and prints, per entry path, how many requests failed and until when.
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/zone-outage-external/main.js`
 */
import { OUTAGE_AT_MS, runZoneOutageExternal } from './zoneOutageExternal.js';

const run = runZoneOutageExternal();
const label = {
  loadBalancer: 'outside, via the load balancer',
  ingress: 'outside, via the Ingress',
  cluster: 'inside the cluster',
};
console.log(`zone a loses power at ${OUTAGE_AT_MS / 1000}s\n`);
for (const p of run.paths) {
  const last = p.lastFailure === undefined ? 'none' : `+${(p.lastFailure - OUTAGE_AT_MS) / 1000}s`;
  console.log(
    `${label[p.via].padEnd(32)} ok ${String(p.ok).padStart(5)}  failed ${String(p.failed).padStart(4)}  last failure ${last}`,
  );
  for (const w of p.windows) {
    console.log(
      `    window ${w.ip}: ${w.start / 1000}s → ${w.end === undefined ? 'open' : `${w.end / 1000}s`}`,
    );
  }
}
console.log(`\ntrace hash ${run.result.hash}`);
