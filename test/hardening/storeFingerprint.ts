// What must not change when a call is refused: every object of every kind with its
// resourceVersion, and the trace (hash and length).
import { knownKinds } from '@kubesim/core';
import type { Simulation } from '@kubesim/sim';

/** A fingerprint of the whole store and trace of `sim`. */
export function fingerprint(sim: Simulation): string {
  const objects: string[] = [];
  for (const info of knownKinds) {
    const list = info.simulated
      ? sim.list(info.kind as Parameters<Simulation['list']>[0])
      : sim.listInert(info.kind);
    for (const o of list) {
      objects.push(
        `${info.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`,
      );
    }
  }
  return JSON.stringify({
    objects,
    now: sim.now,
    hash: sim.trace.hash(),
    length: sim.trace.entries.length,
  });
}
