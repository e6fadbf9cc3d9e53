/**
 * The parts of networking.k8s.io/v1 Ingress and IngressClass that routing reads. The store keeps
 * both kinds as written (inert objects); these shapes name the fields the ingress model uses.
 * @packageDocumentation
 */

/** `spec.rules[].http.paths[].pathType`. */
export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** An Ingress backend: a Service port (by number or name). Resource backends are not routed. */
export interface IngressServiceBackend {
  readonly service?: {
    readonly name: string;
    readonly port?: { readonly number?: number; readonly name?: string };
  };
  readonly resource?: { readonly apiGroup?: string; readonly kind: string; readonly name: string };
}

/** One HTTP path of a rule. */
export interface IngressPath {
  readonly path?: string;
  readonly pathType: IngressPathType;
  readonly backend: IngressServiceBackend;
}

/** One rule: an optional host and its HTTP paths. */
export interface IngressRule {
  readonly host?: string;
  readonly http?: { readonly paths: readonly IngressPath[] };
}

/** An Ingress as routing reads it. */
export interface IngressObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly creationTimestamp?: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: {
    readonly ingressClassName?: string;
    readonly defaultBackend?: IngressServiceBackend;
    readonly rules?: readonly IngressRule[];
  };
}

/** An IngressClass as routing reads it. */
export interface IngressClassObject {
  readonly metadata: {
    readonly name: string;
    readonly annotations?: Readonly<Record<string, string>>;
  };
  readonly spec?: { readonly controller?: string };
}
