/**
 * The shapes of a DNS answer from the cluster DNS model.
 * @packageDocumentation
 */

/** Record types the model answers. `ANY` asks for every record at the name. */
export type DnsQueryType = 'A' | 'SRV' | 'PTR' | 'CNAME' | 'ANY';

/** SRV record data (RFC 2782). */
export interface SrvData {
  readonly priority: number;
  readonly weight: number;
  readonly port: number;
  /** Target host name, fully qualified, without the trailing dot. */
  readonly target: string;
}

/**
 * One resource record. Names are fully qualified without the trailing dot
 * (`web.default.svc.cluster.local`).
 */
export type DnsRecord =
  | { readonly name: string; readonly type: 'A'; readonly ttl: number; readonly data: string }
  | { readonly name: string; readonly type: 'SRV'; readonly ttl: number; readonly data: SrvData }
  | {
      readonly name: string;
      readonly type: 'PTR' | 'CNAME';
      readonly ttl: number;
      /** The target name. */
      readonly data: string;
    };

/**
 * The answer to one query. `NOERROR` with no records is NODATA: the name exists but has no
 * record of the asked type (or is a headless Service without ready endpoint, CoreDNS default).
 */
export interface DnsAnswer {
  /** The name as asked. */
  readonly query: string;
  /** The fully qualified name that produced this answer (after the search path). */
  readonly fqdn?: string;
  readonly rcode: 'NOERROR' | 'NXDOMAIN';
  readonly records: readonly DnsRecord[];
}

/** Options of {@link resolveDns}. */
export interface ResolveDnsOptions {
  /** @defaultValue `'A'` */
  readonly type?: DnsQueryType;
  /**
   * Namespace of the asking pod: enables its search path (`<ns>.svc.<zone> svc.<zone> <zone>`,
   * ndots 5). Without it the name is looked up as given.
   */
  readonly fromNamespace?: string;
  /** Record TTL in seconds. @defaultValue `5` (CoreDNS `kubernetes` plugin default) */
  readonly ttl?: number;
}
