/**
 * Authoritative lookup of one fully qualified name in the cluster zone.
 * @packageDocumentation
 */
import type { ClusterView } from '../store/view.js';
import type { DnsRecord } from './dnsTypes.js';
import { ipFromReverseName } from './reverseName.js';
import { serviceRecords } from './serviceRecords.js';
import type { OwnerLookup, ServiceName } from './serviceRecords.js';

/**
 * Every record at `fqdn` (lowercase, no trailing dot), or `exists: false` for NXDOMAIN.
 * Handles `<svc>.<ns>.svc.<zone>`, `<hostname>.<svc>.<ns>.svc.<zone>`,
 * `_<port>._<proto>.<svc>.<ns>.svc.<zone>` and IPv4 reverse names of cluster IPs. Pod names
 * (`a-b-c-d.<ns>.pod.<zone>`) are NXDOMAIN, as with the CoreDNS default `pods disabled`.
 */
export function lookupFqdn(view: ClusterView, fqdn: string, ttl: number): OwnerLookup {
  const zone = view.config.clusterDomain.toLowerCase();
  const reverseIp = ipFromReverseName(fqdn);
  if (reverseIp !== undefined) return reverseRecords(view, fqdn, reverseIp, zone, ttl);
  if (!fqdn.endsWith(`.${zone}`)) return { exists: false };
  const labels = fqdn.slice(0, -(zone.length + 1)).split('.');
  if (labels.at(-1) !== 'svc') return { exists: false };
  let asked: ServiceName;
  let svcLabel: string | undefined;
  let nsLabel: string | undefined;
  if (labels.length === 3) {
    [svcLabel, nsLabel] = labels;
    asked = { kind: 'service' };
  } else if (labels.length === 4 && labels[0]?.startsWith('_') === false) {
    asked = { kind: 'endpoint', hostname: labels[0] };
    [, svcLabel, nsLabel] = labels;
  } else if (
    labels.length === 5 &&
    labels[0]?.startsWith('_') === true &&
    labels[1]?.startsWith('_') === true
  ) {
    asked = { kind: 'srv', port: labels[0].slice(1), protocol: labels[1].slice(1) };
    [, , svcLabel, nsLabel] = labels;
  } else {
    return { exists: false };
  }
  if (svcLabel === undefined || nsLabel === undefined) return { exists: false };
  const svc = view.get('Service', `${nsLabel}/${svcLabel}`);
  if (svc === undefined) return { exists: false };
  return serviceRecords(view, svc, asked, fqdn, `${svcLabel}.${nsLabel}.svc.${zone}`, ttl);
}

/** PTR for a cluster IP → `<svc>.<ns>.svc.<zone>` (DNS spec §2.3.3). */
function reverseRecords(
  view: ClusterView,
  fqdn: string,
  ip: string,
  zone: string,
  ttl: number,
): OwnerLookup {
  const records: DnsRecord[] = [];
  for (const svc of view.list('Service')) {
    const ips =
      svc.spec.clusterIPs ?? (svc.spec.clusterIP !== undefined ? [svc.spec.clusterIP] : []);
    if (!ips.includes(ip)) continue;
    const target = `${svc.metadata.name}.${svc.metadata.namespace}.svc.${zone}`;
    records.push({ name: fqdn, type: 'PTR', ttl, data: target });
  }
  return records.length === 0 ? { exists: false } : { exists: true, records };
}
