/**
 * Ingress routing as pure functions: path and host matching by the Kubernetes documentation,
 * precedence, default backends and class selection as ingress-nginx applies them.
 * @packageDocumentation
 */
export type {
  IngressClassObject,
  IngressObject,
  IngressPath,
  IngressPathType,
  IngressRule,
  IngressServiceBackend,
} from './ingressTypes.js';
export { ingressPathLength, matchesIngressPath, pathTypeRank } from './matchIngressPath.js';
export { hostOnly, hostRank, matchesIngressHost } from './matchIngressHost.js';
export { routeIngressRequest } from './routeIngressRequest.js';
export type { IngressRequest, IngressRoute } from './routeIngressRequest.js';
export {
  DEFAULT_INGRESS_CLASS_ANNOTATION,
  INGRESS_NGINX_CONTROLLER,
  LEGACY_INGRESS_CLASS_ANNOTATION,
  servesIngress,
} from './ingressClassFilter.js';
