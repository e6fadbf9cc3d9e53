/**
 * Liveness: at quiescence the controller's slices equal a from-scratch computation (§3.B–3.C).
 * @packageDocumentation
 */
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  hasManagedEndpoints,
  portsKey,
  reconcileEndpointSlices,
  selectorFromSet,
  type EndpointSlice,
  type Service,
} from '@kubesim/core';
import { TraceMirror } from './_internals/traceMirror.js';
import { worldOf } from './_internals/worldOf.js';
import { SLICES_AGREE_WITH_PODS } from './names.js';
import type { Invariant, Violation } from './types.js';

/** Endpoints of slices as comparable lines: address, conditions, port list. Names do not matter. */
function endpointLines(slices: readonly EndpointSlice[]): string[] {
  const lines: string[] = [];
  for (const s of slices) {
    const ports = portsKey(s.ports);
    for (const ep of s.endpoints) {
      const c = ep.conditions;
      lines.push(
        `${s.addressType} ${ep.addresses.join(',')} ready=${String(c.ready ?? true)} serving=${String(c.serving ?? true)} terminating=${String(c.terminating ?? false)} ports=${ports}`,
      );
    }
  }
  return lines.sort();
}

function hadSelector(svc: Service | undefined): boolean {
  return svc !== undefined && Object.keys(svc.spec.selector ?? {}).length > 0;
}

/**
 * Liveness invariant `slices-agree-with-pods`: at quiescence, for every Service whose selector was
 * never removed and that is not ExternalName, the endpoints of its controller slices (merged;
 * addresses, ready/serving/terminating, resolved ports) equal what `reconcileEndpointSlices`
 * computes from scratch on the final pods and nodes. Slice names and packing are not compared.
 * @example sim.settle(); slicesAgreeWithPods().check(sim, 'end')
 */
export function slicesAgreeWithPods(): Invariant {
  const mirror = new TraceMirror(['Service']);
  const selectorRemoved = new Set<string>();
  return {
    name: SLICES_AGREE_WITH_PODS,
    kind: 'liveness',
    description:
      'At quiescence every selector Service’s merged slices equal a from-scratch computation from its pods.',
    check(sim) {
      const world = worldOf(sim);
      mirror.advance(sim, (c) => {
        // Upstream leaves slices alone once a selector is gone; such Services are never compared.
        if (
          hadSelector(c.before as Service | undefined) &&
          !hadSelector(c.after as Service | undefined)
        )
          selectorRemoved.add(c.key);
      });
      const out: Violation[] = [];
      const nodes = world.store.list('Node');
      for (const svc of world.store.list('Service')) {
        const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
        if (!hasManagedEndpoints(svc) || selectorRemoved.has(key)) continue;
        const selector = selectorFromSet(svc.spec.selector ?? {});
        const pods = world.store
          .list('Pod', { namespace: svc.metadata.namespace })
          .filter((p) => selector.matches(p.metadata.labels));
        const desired = reconcileEndpointSlices({
          service: svc,
          pods,
          existingSlices: [],
          nodes,
          config: world.config,
          now: sim.now,
        }).toCreate;
        const actual = world.store
          .slicesOfService(svc.metadata.namespace, svc.metadata.name)
          .filter((s) => s.metadata.labels?.[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME);
        const want = endpointLines(desired);
        const got = endpointLines(actual);
        if (want.join('\n') === got.join('\n')) continue;
        const missing = want.filter((l) => !got.includes(l));
        const extra = got.filter((l) => !want.includes(l));
        out.push({
          invariant: SLICES_AGREE_WITH_PODS,
          t: sim.now,
          message: `slices of ${key} disagree with its pods: missing [${missing.join('; ')}], unexpected [${extra.join('; ')}]`,
          subjects: [key],
        });
      }
      return out;
    },
  };
}
