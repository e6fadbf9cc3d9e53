/**
 * Example: a Service's endpoints, computed from real manifests.
 *
 * Loads the Kubernetes guestbook (three Deployments, three Services) into a 3-zone cluster and
 * prints what the EndpointSlice controller publishes for each Service: one endpoint per pod, with
 * the three conditions a client or a proxy reads (`ready`, `serving`, `terminating`). Then it
 * deletes one frontend pod and shows the endpoint lifecycle upstream implements: the old endpoint
 * stays, `terminating` and still `serving`, while a replacement comes up; it disappears only when
 * the pod is gone. Last, DNS answers as a pod in `default` would get them.
 *
 * Run: `npx tsc -b tsconfig.build.json && node examples/dist/service-endpoints/main.js`
 */
import {
  GUESTBOOK_SERVICES,
  deleteOneFrontendPod,
  formatEndpoint,
  startGuestbook,
} from './guestbook.js';

const sim = startGuestbook();
console.log(`guestbook settled at t=${sim.now / 1000}s (virtual)\n`);

for (const name of GUESTBOOK_SERVICES) {
  const svc = sim.get('Service', name);
  const endpoints = sim.endpointsOf(name);
  console.log(`Service ${name} (${String(svc?.spec.clusterIP)}): ${endpoints.length} endpoints`);
  for (const e of endpoints) console.log(`  ${formatEndpoint(e)}`);
}

const d = deleteOneFrontendPod(sim);
console.log(`\nkubectl delete pod ${d.deleted}   (it takes 20 s to shut down)`);
console.log('\nat once: the endpoint stays, terminating but still serving');
for (const e of d.duringShutdown) console.log(`  ${formatEndpoint(e)}`);
console.log(
  `\n+${d.replacementReadyAfterMs / 1000}s: the replacement is ready, the old pod still shuts down`,
);
for (const e of d.replacementReady) console.log(`  ${formatEndpoint(e)}`);
const spread = new Map<string, number>();
for (const ip of d.routedWhileShuttingDown) spread.set(ip, (spread.get(ip) ?? 0) + 1);
console.log(
  `  30 new connections via kube-proxy: ${[...spread].map(([ip, n]) => `${ip} ×${n}`).join(', ')} (none to ${d.ip})`,
);
const notYet = d.replacementReady.filter((e) => e.ready && !spread.has(e.ip)).map((e) => e.ip);
if (notYet.length > 0) {
  console.log(
    `  not yet to ${notYet.join(', ')}: kube-proxy applies changes at most once a second (minSyncPeriod)`,
  );
}
console.log(`\n+${d.goneAfterMs / 1000}s: the old pod is gone and so is its endpoint`);
for (const e of d.settled) console.log(`  ${formatEndpoint(e)}`);

console.log('\nDNS from a pod in namespace default (search path, ndots 5)');
for (const q of [...GUESTBOOK_SERVICES, 'frontend.default.svc.cluster.local', 'guestbook']) {
  const answer = sim.resolve(q);
  const records = answer.records.map((r) => `${r.type} ${JSON.stringify(r.data)}`).join('; ');
  console.log(`  ${q.padEnd(36)} ${answer.rcode.padEnd(8)} ${records}`);
}
console.log(`\ntrace hash ${sim.trace.hash()} (same seed, same hash)`);
