/**
 * Which Ingresses an ingress controller serves.
 * @packageDocumentation
 */
import type { IngressClassObject, IngressObject } from './ingressTypes.js';

/** The annotation that marks an IngressClass as the cluster default. */
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
/** The deprecated class annotation ingress-nginx still honours. */
export const LEGACY_INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** ingress-nginx's controller value for `IngressClass.spec.controller`. */
export const INGRESS_NGINX_CONTROLLER = 'k8s.io/ingress-nginx';

/**
 * Whether the controller running as IngressClass `cls` serves `ingress`:
 * - `spec.ingressClassName` equals the class name; or
 * - no `ingressClassName` and the deprecated `kubernetes.io/ingress.class` annotation equals it; or
 * - neither is set and `cls` carries `ingressclass.kubernetes.io/is-default-class: "true"`.
 *   Upstream the DefaultIngressClass admission plugin writes the default class into
 *   `ingressClassName` when the Ingress is created; kubesim resolves it when routing, so an
 *   Ingress created before the class is served too (a documented difference).
 */
export function servesIngress(cls: IngressClassObject, ingress: IngressObject): boolean {
  const name = ingress.spec?.ingressClassName;
  if (name !== undefined && name !== '') return name === cls.metadata.name;
  const legacy = ingress.metadata.annotations?.[LEGACY_INGRESS_CLASS_ANNOTATION];
  if (legacy !== undefined && legacy !== '') return legacy === cls.metadata.name;
  return cls.metadata.annotations?.[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true';
}
