/**
 * The kubelet every node runs.
 * @packageDocumentation
 */
import { Kubelet } from '../kubelet/index.js';
import type { KubeletFactory } from '../world/index.js';

/** Builds a node's kubelet. */
export const defaultKubelet: KubeletFactory = (host, nodeName, podCIDR) =>
  new Kubelet(host, nodeName, podCIDR === undefined ? {} : { podCIDR });
