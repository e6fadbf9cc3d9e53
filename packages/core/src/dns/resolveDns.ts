/**
 * The cluster DNS as a pure function of the cluster state (CoreDNS `kubernetes` plugin).
 * @packageDocumentation
 */
import type { ClusterView } from '../store/view.js';
import type { DnsAnswer, DnsRecord, ResolveDnsOptions } from './dnsTypes.js';
import { lookupFqdn } from './lookupFqdn.js';

/** CoreDNS `kubernetes` plugin default TTL in seconds (§10.9). */
export const DEFAULT_DNS_TTL = 5;

/** `options ndots:5` of a ClusterFirst pod's resolv.conf (§10.10). */
export const POD_NDOTS = 5;

/**
 * Answers a DNS query from the cluster state, as CoreDNS would for a pod.
 *
 * Records (§10): A for a ClusterIP Service (its cluster IP, one record whatever the endpoints);
 * for a headless Service one A per READY endpoint IP and `<hostname>.<svc>.<ns>.svc.<zone>` per
 * ready endpoint (hostname field, else the dashed IP); SRV `_<port>._<proto>.<svc>…` for named
 * ports; PTR for cluster IPs; CNAME for ExternalName Services (answered for any type). A headless
 * Service without ready endpoint answers NOERROR with no record, or NXDOMAIN when
 * `view.config.headlessEmptyAnswer` is `'NXDOMAIN'`. Unknown names are NXDOMAIN.
 *
 * Search path: with `fromNamespace`, a relative name with fewer than 5 dots is tried with
 * `<ns>.svc.<zone>`, `svc.<zone>`, `<zone>` appended first, then as given; one with 5 or more
 * dots as given first, then with the suffixes. The first answer that is not NXDOMAIN wins. A
 * name ending in `.` is absolute and never searched. Names are case-insensitive.
 *
 * @example
 * ```ts
 * resolveDns(view, 'web', { fromNamespace: 'default' });
 * // { query: 'web', fqdn: 'web.default.svc.cluster.local', rcode: 'NOERROR',
 * //   records: [{ name: 'web.default.svc.cluster.local', type: 'A', ttl: 5, data: '10.96.0.15' }] }
 * ```
 */
export function resolveDns(
  view: ClusterView,
  name: string,
  opts: ResolveDnsOptions = {},
): DnsAnswer {
  const type = opts.type ?? 'A';
  const ttl = opts.ttl ?? DEFAULT_DNS_TTL;
  for (const fqdn of candidates(view, name, opts.fromNamespace)) {
    const found = lookupFqdn(view, fqdn, ttl);
    if (!found.exists) continue;
    return { query: name, fqdn, rcode: 'NOERROR', records: ofType(found.records, type) };
  }
  return { query: name, rcode: 'NXDOMAIN', records: [] };
}

/** The names a stub resolver with the pod's resolv.conf tries, in order. */
function candidates(view: ClusterView, name: string, ns: string | undefined): string[] {
  const lower = name.toLowerCase();
  if (lower.endsWith('.')) return [lower.slice(0, -1)];
  if (ns === undefined) return [lower];
  const zone = view.config.clusterDomain.toLowerCase();
  const searched = [`${ns}.svc.${zone}`, `svc.${zone}`, zone].map((s) => `${lower}.${s}`);
  const dots = lower.split('.').length - 1;
  return dots < POD_NDOTS ? [...searched, lower] : [lower, ...searched];
}

/** Keeps the records of the asked type; a CNAME answers any type (the client follows it). */
function ofType(records: readonly DnsRecord[], type: string): DnsRecord[] {
  if (type === 'ANY') return [...records];
  return records.filter((r) => r.type === type || r.type === 'CNAME');
}
