/**
 * kube-proxy's iptables load-balancing chain (§4.5).
 * @packageDocumentation
 */
import type { RandomSource } from '../sources.js';

/**
 * Picks a backend for a NEW connection the way the iptables service chain does
 * (upstream pkg/proxy/iptables/proxier.go `writeServiceToEndpointRules`): rule i of n
 * (0-based, in the list's order) matches with probability 1/(n−i), drawn as
 * `random.nextInt(n − i) === 0`, one draw per rule tried; the last rule matches unconditionally.
 * Overall every endpoint is chosen with probability 1/n.
 *
 * Pass endpoints in kube-proxy's rule order: sorted by `ip:port` as a string, which is the order
 * {@link ProxyState} keeps them in.
 *
 * @returns the chosen endpoint, or undefined for an empty list (no draw is made).
 * @example `chooseEndpoint(['a', 'b', 'c'], random)` draws nextInt(3), then maybe nextInt(2).
 */
export function chooseEndpoint<T>(endpoints: readonly T[], random: RandomSource): T | undefined {
  const n = endpoints.length;
  for (let i = 0; i < n - 1; i++) {
    if (random.nextInt(n - i) === 0) return endpoints[i];
  }
  return endpoints[n - 1];
}
