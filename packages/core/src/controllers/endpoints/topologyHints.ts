/**
 * Topology hints from `spec.trafficDistribution` (§3.D, k8s.io/endpointslice trafficdist/trafficdist.go).
 * @packageDocumentation
 */
import type { Endpoint } from '../../objects/discovery.js';
import type { Service } from '../../objects/service.js';
import { ANNOTATION_TOPOLOGY_AWARE_HINTS, ANNOTATION_TOPOLOGY_MODE } from './wellKnown.js';

/**
 * How hints are written: `none` strips every hint; `sameZone` gives each ready endpoint with a zone
 * `forZones: [its zone]`; `sameNode` also gives it `forNodes: [its node]`.
 */
export type HintsMode = 'none' | 'sameZone' | 'sameNode';

/**
 * The hints mode of a Service. `PreferClose` (deprecated alias) and `PreferSameZone` → `sameZone`;
 * `PreferSameNode` → `sameNode`; anything else → `none`. When the topology-mode annotation is
 * `Auto` (or the deprecated topology-aware-hints annotation is `auto`), the annotation wins and
 * trafficDistribution is ignored. kubesim does not simulate the proportional-CPU "Auto" heuristic:
 * it behaves like a controller without a topology cache and strips all hints (`none`), which is
 * what upstream does when that heuristic is not running.
 */
export function hintsModeOf(service: Service): HintsMode {
  const annotations = service.metadata.annotations ?? {};
  const mode =
    annotations[ANNOTATION_TOPOLOGY_AWARE_HINTS] ?? annotations[ANNOTATION_TOPOLOGY_MODE];
  if (mode === 'Auto' || mode === 'auto') return 'none';
  switch (service.spec.trafficDistribution) {
    case 'PreferClose':
    case 'PreferSameZone':
      return 'sameZone';
    case 'PreferSameNode':
      return 'sameNode';
    default:
      return 'none';
  }
}

function sameNames(list: readonly { name: string }[] | undefined, name: string): boolean {
  return list?.length === 1 && list[0]?.name === name;
}

/** True when some endpoint's hints differ from what `mode` would write. */
export function hintsNeedUpdate(endpoints: readonly Endpoint[], mode: HintsMode): boolean {
  if (mode === 'none') return endpoints.some((ep) => ep.hints !== undefined);
  for (const ep of endpoints) {
    if (ep.conditions.ready !== true) continue;
    const zones = ep.hints?.forZones ?? [];
    const nodes = ep.hints?.forNodes ?? [];
    if (ep.zone !== undefined ? !sameNames(zones, ep.zone) : zones.length > 0) return true;
    if (mode === 'sameNode' && ep.nodeName !== undefined) {
      if (!sameNames(nodes, ep.nodeName)) return true;
    } else if (nodes.length > 0) {
      return true;
    }
  }
  return false;
}

/**
 * The endpoints with hints written per `mode`. Endpoints that are not ready keep whatever hints
 * they have, as upstream's PreferClose heuristic leaves them untouched.
 */
export function withHints(endpoints: readonly Endpoint[], mode: HintsMode): Endpoint[] {
  return endpoints.map((ep) => {
    if (mode !== 'none' && ep.conditions.ready !== true) return ep;
    // Nothing to drop: the (frozen, shared) endpoint itself, not an equal copy.
    if (mode === 'none' && !Object.hasOwn(ep, 'hints')) return ep;
    const { hints: _old, ...rest } = ep;
    if (mode === 'none') return rest;
    const forZones = ep.zone !== undefined ? [{ name: ep.zone }] : undefined;
    const forNodes =
      mode === 'sameNode' && ep.nodeName !== undefined ? [{ name: ep.nodeName }] : undefined;
    if (forZones === undefined && forNodes === undefined) return rest;
    return {
      ...rest,
      hints: {
        ...(forZones !== undefined ? { forZones } : {}),
        ...(forNodes !== undefined ? { forNodes } : {}),
      },
    };
  });
}
