/**
 * ClientIP session affinity memory of one kube-proxy (§4.7).
 * @packageDocumentation
 */

/** Default `sessionAffinityConfig.clientIP.timeoutSeconds`: 3 hours (§2.15). */
export const DEFAULT_AFFINITY_TIMEOUT_SECONDS = 10_800;

/** What the table remembers for one (Service port, client IP). */
export interface AffinityEntry {
  /** The endpoint's `ip:port`. */
  readonly endpoint: string;
  /** Virtual time (ms) of the last NEW connection that went to it. */
  readonly lastUsed: number;
}

/**
 * The `recent` lists of one node's iptables, keyed by (Service port, client IP).
 *
 * A connection within `timeoutSeconds` of the LAST use (sliding window) returns to the same
 * endpoint if that endpoint is still usable; see {@link routeConnection}. Each node has its own
 * table, as each node has its own iptables. Mutable; entries are never expired implicitly, a
 * stale entry is simply ignored and overwritten (upstream `--reap` only frees memory).
 *
 * @example
 * ```ts
 * const table = new AffinityTable();
 * table.record('default/web:http/TCP', '10.0.0.9', '10.128.0.5:8080', now);
 * table.lookup('default/web:http/TCP', '10.0.0.9', now + 1000, 10_800_000)?.endpoint;
 * ```
 */
export class AffinityTable {
  private readonly entries = new Map<string, AffinityEntry>();

  /** An independent table with the same entries (for a fork of the simulation). */
  fork(): AffinityTable {
    const out = new AffinityTable();
    for (const [k, v] of this.entries) out.entries.set(k, { ...v });
    return out;
  }

  /** Number of remembered (Service port, client IP) pairs. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The entry for (servicePort, clientIP) if it was last used less than `timeoutMs` before
   * `now` (xt_recent `--rcheck --seconds`: strictly within the window), else undefined.
   */
  lookup(
    servicePort: string,
    clientIP: string,
    now: number,
    timeoutMs: number,
  ): AffinityEntry | undefined {
    const entry = this.entries.get(key(servicePort, clientIP));
    if (entry === undefined || now - entry.lastUsed >= timeoutMs) return undefined;
    return entry;
  }

  /** Remembers that a new connection from clientIP went to `endpoint` (`ip:port`) at `now`. */
  record(servicePort: string, clientIP: string, endpoint: string, now: number): void {
    this.entries.set(key(servicePort, clientIP), { endpoint, lastUsed: now });
  }

  /** Forgets every entry (a kube-proxy restart). */
  clear(): void {
    this.entries.clear();
  }
}

function key(servicePort: string, clientIP: string): string {
  return `${servicePort}\u0000${clientIP}`;
}
