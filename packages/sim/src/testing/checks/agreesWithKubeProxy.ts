/**
 * The ready-made check that a client's backends are kube-proxy's.
 * @packageDocumentation
 */
import { parseDuration, type Duration } from '@kubesim/core';
import type { Check } from '../../invariants/check.js';
import type { Violation } from '../../invariants/types.js';
import { backendsOf } from './kubeProxyBackends.js';
import { LagWindow } from './_internals/lagWindow.js';

/** Name of the {@link agreesWithKubeProxy} check, as violations report it. */
export const AGREES_WITH_KUBE_PROXY = 'agrees-with-kube-proxy';

/** Options of {@link agreesWithKubeProxy} and the other agreement checks. */
export interface AgreementConstraints {
  /**
   * Virtual time the client may trail the cluster, on top of the run's user-watch delay: its
   * answer is judged only where the expected one has held for at least `lag` (+ watch delay),
   * and always at the end of the run.
   * @defaultValue `0`
   */
  readonly lag?: Duration;
  /** The check's name in violations. @defaultValue `'agrees-with-kube-proxy'` */
  readonly name?: string;
  /**
   * Which Services to ask about (keys `namespace/name`); default every Service of the cluster,
   * the `kubernetes` one included.
   */
  readonly services?: (serviceKey: string) => boolean;
}

/**
 * Checks after every instant and at the end that, for every Service, the IPs the client would
 * send traffic to (`backends(subject, serviceKey)`) are the ones kube-proxy would use
 * ({@link kubeProxyBackends}: ready endpoints merged from every slice, else serving+terminating
 * ones; a missing ready condition means ready), allowing the client to trail by `lag` plus the
 * watch delay: where the expected IPs changed less than that long ago, any answer is accepted.
 * @example
 * ```ts
 * runScenario(s, {
 *   attach: (sim) => new EndpointsClient(sim),
 *   checks: [agreesWithKubeProxy((client, svc) => client.backends(svc))],
 * });
 * ```
 */
export function agreesWithKubeProxy<S>(
  backends: (subject: S, serviceKey: string) => Iterable<string>,
  constraints: AgreementConstraints = {},
): Check<S> {
  const name = constraints.name ?? AGREES_WITH_KUBE_PROXY;
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
          const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
          if (!wanted(key)) continue;
          present.add(key);
          const expected = backendsOf(sim, svc);
          window.record(key, sim.now, expected.join(','));
          const actual = [...new Set(backends(subject, key))].sort();
          if (window.accepts(key, sim.now, actual.join(','))) continue;
          out.push({
            invariant: name,
            t: sim.now,
            message: `${key}: the client would use [${actual.join(', ')}], kube-proxy [${expected.join(', ')}] (since t=${window.since(key) ?? 0} ms)`,
            subjects: [`Service/${key}`],
          });
        }
        // A deleted Service has no backends: a client may still trail its old answer by the lag.
        for (const key of [...window.keys()])
          if (!present.has(key)) window.record(key, sim.now, '');
        return out;
      };
    },
  };
}
