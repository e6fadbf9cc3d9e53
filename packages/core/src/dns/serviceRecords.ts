/**
 * The records the cluster zone holds for one Service (§10.1–10.7, DNS spec §2.3–2.5).
 * @packageDocumentation
 */
import type { EndpointPort } from '../objects/discovery.js';
import type { Service } from '../objects/service.js';
import type { ClusterView } from '../store/view.js';
import type { DnsRecord } from './dnsTypes.js';

/** What one owner name holds: absent (NXDOMAIN) or its records of every type. */
export type OwnerLookup =
  { readonly exists: false } | { readonly exists: true; readonly records: DnsRecord[] };

/** Which name under `<svc>.<ns>.svc.<zone>` is asked. */
export type ServiceName =
  | { readonly kind: 'service' }
  | { readonly kind: 'endpoint'; readonly hostname: string }
  | { readonly kind: 'srv'; readonly port: string; readonly protocol: string };

interface ReadyEndpoint {
  readonly ip: string;
  readonly hostname: string;
  readonly ports: readonly EndpointPort[];
}

const NXDOMAIN: OwnerLookup = { exists: false };

/**
 * The records at one name of a Service's subtree. `fqdn` is the asked name, `serviceFqdn` the
 * Service's own name `<svc>.<ns>.svc.<zone>`.
 */
export function serviceRecords(
  view: ClusterView,
  svc: Service,
  asked: ServiceName,
  fqdn: string,
  serviceFqdn: string,
  ttl: number,
): OwnerLookup {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') {
    // ExternalName: a CNAME at the Service name only (DNS spec §2.5).
    if (asked.kind !== 'service' || spec.externalName === undefined) return NXDOMAIN;
    return {
      exists: true,
      records: [{ name: fqdn, type: 'CNAME', ttl, data: stripDot(spec.externalName) }],
    };
  }
  if (spec.clusterIP === 'None') return headlessRecords(view, svc, asked, fqdn, serviceFqdn, ttl);
  const clusterIP = spec.clusterIP;
  if (clusterIP === undefined || clusterIP === '') return NXDOMAIN;
  switch (asked.kind) {
    case 'service':
      // One A record with the cluster IP, whatever the endpoints (DNS spec §2.3.1).
      return { exists: true, records: [{ name: fqdn, type: 'A', ttl, data: clusterIP }] };
    case 'endpoint':
      // Endpoint names exist for headless Services only (DNS spec §2.4).
      return NXDOMAIN;
    case 'srv': {
      const port = spec.ports.find(
        (p) =>
          p.name !== undefined &&
          p.name === asked.port &&
          p.protocol.toLowerCase() === asked.protocol,
      );
      if (port === undefined) return NXDOMAIN;
      return {
        exists: true,
        records: [
          {
            name: fqdn,
            type: 'SRV',
            ttl,
            data: { priority: 0, weight: 100, port: port.port, target: serviceFqdn },
          },
        ],
      };
    }
  }
}

function headlessRecords(
  view: ClusterView,
  svc: Service,
  asked: ServiceName,
  fqdn: string,
  serviceFqdn: string,
  ttl: number,
): OwnerLookup {
  const ready = readyEndpoints(view, svc);
  // CoreDNS answers NODATA for a headless Service without ready endpoint; `ignore emptyservice`
  // makes it NXDOMAIN (§10.4).
  const empty = (): OwnerLookup =>
    view.config.headlessEmptyAnswer === 'NXDOMAIN' ? NXDOMAIN : { exists: true, records: [] };
  switch (asked.kind) {
    case 'service':
      if (ready.length === 0) return empty();
      return {
        exists: true,
        records: ready.map((ep) => ({ name: fqdn, type: 'A', ttl, data: ep.ip })),
      };
    case 'endpoint': {
      const matching = ready.filter((ep) => ep.hostname === asked.hostname);
      if (matching.length === 0) return NXDOMAIN;
      return {
        exists: true,
        records: matching.map((ep) => ({ name: fqdn, type: 'A', ttl, data: ep.ip })),
      };
    }
    case 'srv': {
      const named = svc.spec.ports.some(
        (p) => p.name === asked.port && p.protocol.toLowerCase() === asked.protocol,
      );
      const targets = ready.flatMap((ep) => {
        const port = ep.ports.find(
          (p) => p.name === asked.port && (p.protocol ?? 'TCP').toLowerCase() === asked.protocol,
        );
        return port?.port === undefined ? [] : [{ ep, port: port.port }];
      });
      if (targets.length === 0) return named ? empty() : NXDOMAIN;
      // CoreDNS shares 100 among equal-priority records: floor(100 / n), at least 1
      // (coredns plugin/backend_lookup.go SRV).
      const weight = Math.max(1, Math.floor(100 / targets.length));
      return {
        exists: true,
        records: targets.map(({ ep, port }) => ({
          name: fqdn,
          type: 'SRV',
          ttl,
          data: { priority: 0, weight, port, target: `${ep.hostname}.${serviceFqdn}` },
        })),
      };
    }
  }
}

/**
 * Ready IPv4 endpoints of every slice of the Service, de-duplicated by IP, sorted by address.
 * A missing `ready` reads as true (§3.8); publishNotReadyAddresses already makes the controller
 * write `ready: true`. Hostname = the endpoint's `hostname` field, else the dashed IP (CoreDNS).
 */
function readyEndpoints(view: ClusterView, svc: Service): ReadyEndpoint[] {
  const byIp = new Map<string, ReadyEndpoint>();
  for (const slice of view.slicesOfService(svc.metadata.namespace, svc.metadata.name)) {
    if (slice.addressType !== 'IPv4') continue;
    for (const ep of slice.endpoints) {
      if (ep.conditions.ready === false) continue;
      for (const ip of ep.addresses) {
        if (byIp.has(ip)) continue;
        byIp.set(ip, { ip, hostname: ep.hostname ?? ip.replaceAll('.', '-'), ports: slice.ports });
      }
    }
  }
  return [...byIp.values()].sort((a, b) => ipv4Number(a.ip) - ipv4Number(b.ip));
}

function ipv4Number(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

function stripDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}
