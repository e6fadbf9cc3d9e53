/**
 * How the metrics watch a World from outside it (a new simulation and each fork).
 * @packageDocumentation
 */
import { checkBlackHoles, recordSliceEvent } from '../traffic/blackHoles.js';
import type { MetricsRecorder } from '../traffic/metrics.js';
import type { WorldHandle } from '../world/index.js';

/** Ready endpoints per slice event, black-hole windows closed after each kube-proxy sync. */
export function attachMetrics(world: WorldHandle, metrics: MetricsRecorder): void {
  world.onStoreEvent((ev) => {
    recordSliceEvent(metrics, world.store, ev, world.now);
  });
  world.onProxySync(() => {
    checkBlackHoles(metrics, () => world.liveProxyViews(), world.now);
  });
}
