/**
 * Ingress host matching (Kubernetes documentation, "Hostname wildcards").
 * @packageDocumentation
 */

/**
 * Whether a request's Host header matches a rule's `host`.
 *
 * - No host (or empty): the rule applies to every request.
 * - A precise host must equal the Host header (compared case-insensitively, as DNS names are;
 *   a `:port` suffix of the header is ignored).
 * - `*.foo.com` covers exactly one DNS label: `bar.foo.com` matches; `baz.bar.foo.com` and
 *   `foo.com` do not.
 *
 * @example
 * ```ts
 * matchesIngressHost('*.foo.com', 'bar.foo.com'); // true
 * matchesIngressHost('*.foo.com', 'baz.bar.foo.com'); // false
 * ```
 */
export function matchesIngressHost(ruleHost: string | undefined, requestHost: string): boolean {
  if (ruleHost === undefined || ruleHost === '') return true;
  const host = hostOnly(requestHost);
  const rule = ruleHost.toLowerCase();
  if (!rule.startsWith('*.')) return rule === host;
  const suffix = rule.slice(1); // ".foo.com"
  if (!host.endsWith(suffix)) return false;
  const label = host.slice(0, host.length - suffix.length);
  return label !== '' && !label.includes('.');
}

/** How specific a host rule is: precise 2, wildcard 1, none 0 (nginx tries exact names first). */
export function hostRank(ruleHost: string | undefined): number {
  if (ruleHost === undefined || ruleHost === '') return 0;
  return ruleHost.startsWith('*.') ? 1 : 2;
}

/** The Host header without a port, lower-cased. */
export function hostOnly(requestHost: string): string {
  const colon = requestHost.lastIndexOf(':');
  const h = colon >= 0 && !requestHost.includes(']') ? requestHost.slice(0, colon) : requestHost;
  return h.toLowerCase();
}
