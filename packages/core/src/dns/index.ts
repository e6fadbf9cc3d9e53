/**
 * Cluster DNS as pure functions of the cluster state: {@link resolveDns} answers A, SRV, PTR and
 * CNAME queries with a pod's search path, {@link parseTarget} splits connection targets.
 * @packageDocumentation
 */
export { DEFAULT_DNS_TTL, POD_NDOTS, resolveDns } from './resolveDns.js';
export type { DnsAnswer, DnsQueryType, DnsRecord, ResolveDnsOptions, SrvData } from './dnsTypes.js';
export { ipFromReverseName, reverseNameOf } from './reverseName.js';
export { TargetParseError, parseTarget } from './parseTarget.js';
export type { ParsedTarget } from './parseTarget.js';
