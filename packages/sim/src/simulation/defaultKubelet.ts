/**
 * The kubelet every node runs.
 * @packageDocumentation
 */
import type { KubeletFactory } from '../world/world.js';

/** Builds a node's kubelet. */
export const defaultKubelet: KubeletFactory = (_host, nodeName) => ({
  nodeName,
  onPodEvent() {
    /* replaced by the real kubelet */
  },
  setPodCIDR() {
    /* replaced by the real kubelet */
  },
});
