/**
 * The ready-made check that a client's DNS answers are the cluster DNS's.
 * @packageDocumentation
 */
import { parseDuration } from '@kubesim/core';
import type { Check } from '../../invariants/check.js';
import type { Violation } from '../../invariants/types.js';
import type { AgreementConstraints } from './agreesWithKubeProxy.js';
import { LagWindow } from './_internals/lagWindow.js';

/** Name of the {@link agreesWithDns} check, as violations report it. */
export const AGREES_WITH_DNS = 'agrees-with-dns';

/**
 * Checks after every instant and at the end that, for every Service, the addresses the client
 * resolves its name to (`addresses(subject, fqdn)`, asked with `<svc>.<ns>.svc.<cluster domain>`)
 * are the cluster DNS's A records: the ClusterIP, or for a headless Service its ready endpoint IPs
 * (`sim.resolve`). A Service that is deleted and recreated gets a new ClusterIP, which a client
 * caching the old one misses. The client may trail by `lag` plus the watch delay.
 * @example runScenario(s, { attach: (sim) => new Resolver(sim), checks: [agreesWithDns((r, name) => r.lookup(name))] })
 */
export function agreesWithDns<S>(
  addresses: (subject: S, fqdn: string) => Iterable<string>,
  constraints: AgreementConstraints = {},
): Check<S> {
  const name = constraints.name ?? AGREES_WITH_DNS;
  const lag = parseDuration(constraints.lag ?? 0);
  const wanted = constraints.services ?? (() => true);
  return {
    name,
    start({ sim, subject, watchDelay }) {
      const window = new LagWindow(lag + watchDelay);
      return () => {
        const out: Violation[] = [];
        const present = new Set<string>();
        for (const svc of sim.list('Service')) {
          const { namespace, name: svcName } = svc.metadata;
          if (!wanted(`${namespace}/${svcName}`)) continue;
          const answer = sim.resolve(`${svcName}.${namespace}.svc`, { fromNamespace: namespace });
          const fqdn = answer.fqdn ?? `${svcName}.${namespace}.svc`;
          present.add(fqdn);
          const expected = answer.records.flatMap((r) => (r.type === 'A' ? [r.data] : [])).sort();
          window.record(fqdn, sim.now, expected.join(','));
          const actual = [...new Set(addresses(subject, fqdn))].sort();
          if (window.accepts(fqdn, sim.now, actual.join(','))) continue;
          out.push({
            invariant: name,
            t: sim.now,
            message: `${fqdn}: the client resolves [${actual.join(', ')}], cluster DNS answers [${expected.join(', ')}] (since t=${window.since(fqdn) ?? 0} ms)`,
            subjects: [`Service/${namespace}/${svcName}`],
          });
        }
        for (const key of [...window.keys()])
          if (!present.has(key)) window.record(key, sim.now, '');
        return out;
      };
    },
  };
}
