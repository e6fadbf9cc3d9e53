// The web application most tests run: a Deployment with `replicas` pods labelled app=<name>, one
// container serving a named port `http` (8080), and a Service selecting them on port 80.
import type { KubeObjectInput } from '@kubesim/core';

/** Options of {@link webAppManifests}. */
export interface WebAppOptions {
  /** @defaultValue `'nginx'` */
  image?: string;
  /** Pod template annotations, e.g. `kubesim.io/behavior`. */
  annotations?: Record<string, string>;
  /** Give the container an HTTP readiness probe on `http`. @defaultValue false */
  readinessProbe?: boolean;
  /** terminationGracePeriodSeconds of the pods. */
  grace?: number;
}

/** The Deployment and Service of a web app named `name`. */
export function webAppManifests(
  name: string,
  replicas: number,
  opts: WebAppOptions = {},
): KubeObjectInput[] {
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name },
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: {
            labels: { app: name },
            ...(opts.annotations ? { annotations: opts.annotations } : {}),
          },
          spec: {
            ...(opts.grace !== undefined ? { terminationGracePeriodSeconds: opts.grace } : {}),
            containers: [
              {
                name: 'web',
                image: opts.image ?? 'nginx',
                ports: [{ containerPort: 8080, name: 'http' }],
                ...(opts.readinessProbe === true
                  ? { readinessProbe: { httpGet: { path: '/healthz', port: 'http' } } }
                  : {}),
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
  ];
}
