/**
 * The kubesim demo: load the Kubernetes guestbook example into a simulated 3-zone cluster, let
 * the controllers, the scheduler and the kubelets run in virtual time, and print what the cluster
 * computes: Services with their ClusterIPs and NodePorts, every endpoint with its conditions, and
 * DNS answers.
 */
import { readFileSync } from 'node:fs';
import { createSimulation } from '@kubesim/sim';

const manifests = readFileSync(
  new URL('../../test/fixtures/kubernetes-examples/guestbook-all-in-one.yaml', import.meta.url),
  'utf8',
);

const sim = createSimulation({ seed: 2025 });
sim.addNodes(3, { zones: ['zone-a', 'zone-b', 'zone-c'] });
const applied = sim.apply(manifests);
console.log(`applied ${applied.length} objects from the guestbook example:`);
for (const o of applied) console.log(`  ${o.kind}/${o.metadata.name}`);

sim.settle();
console.log(`\nsettled at t=${sim.now / 1000}s of virtual time\n`);

console.log('Services');
for (const svc of sim.list('Service')) {
  const ports = svc.spec.ports
    .map((p) => `${p.port}${p.nodePort !== undefined ? `:${p.nodePort}` : ''}/${p.protocol}`)
    .join(',');
  console.log(
    `  ${svc.metadata.name.padEnd(14)} ${svc.spec.type.padEnd(9)} ${String(svc.spec.clusterIP).padEnd(15)} ${ports}`,
  );
}

for (const name of ['frontend', 'redis-master', 'redis-replica']) {
  const eps = sim.endpointsOf(name);
  console.log(`\nendpoints of ${name} (${eps.length}, merged from every EndpointSlice)`);
  if (eps.length === 0) console.log('  (none yet: the placeholder slice is empty)');
  for (const e of eps) {
    console.log(
      `  ${e.ip.padEnd(13)} ${String(e.podKey).padEnd(36)} ${String(e.nodeName).padEnd(7)} ${String(e.zone).padEnd(7)} ready=${e.ready} serving=${e.serving} terminating=${e.terminating}`,
    );
  }
}

console.log('\nDNS from a pod in namespace default (search path, ndots 5)');
for (const q of [
  'frontend',
  'redis-master.default',
  'kubernetes.default.svc.cluster.local',
  'nope',
]) {
  const answer = sim.resolve(q);
  const records = answer.records.map((r) => `${r.type} ${JSON.stringify(r.data)}`).join('; ');
  console.log(`  ${q.padEnd(38)} ${answer.rcode} ${records}`);
}

console.log(`\ntrace: ${sim.trace.entries.length} entries, hash ${sim.trace.hash()}`);
