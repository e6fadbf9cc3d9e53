/**
 * Ready-made checks of the code under test, for `runScenario`'s `checks`.
 * @packageDocumentation
 */
export { AGREES_WITH_KUBE_PROXY, agreesWithKubeProxy } from './agreesWithKubeProxy.js';
export type { AgreementConstraints } from './agreesWithKubeProxy.js';
export { AGREES_WITH_DNS, agreesWithDns } from './agreesWithDns.js';
export { NEVER_ROUTES_TO_DEAD_POD, neverRoutesToDeadPod } from './neverRoutesToDeadPod.js';
export type { DeadPodConstraints } from './neverRoutesToDeadPod.js';
export { kubeProxyBackends } from './kubeProxyBackends.js';
