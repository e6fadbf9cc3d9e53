// Shared builders for the end-to-end tests.
import type { KubeObjectInput } from '@kubesim/core';
import type { Simulation } from '@kubesim/sim';

/** A Deployment with `replicas` pods labelled app=<name>, and a Service selecting them. */
export function webApp(
  name: string,
  replicas: number,
  opts: { annotations?: Record<string, string>; readinessProbe?: boolean; grace?: number } = {},
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
                image: 'nginx',
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

/** Runs every task due at or before `t` (absolute virtual ms). */
export function runTo(sim: Simulation, t: number): void {
  sim.runFor(t - sim.now);
}

/** Pods of the app, by key. */
export function podsOf(sim: Simulation, app: string) {
  return sim.list('Pod', { labelSelector: `app=${app}` });
}

/** The Ready condition status of a pod. */
export function readyStatus(sim: Simulation, podKey: string): string | undefined {
  return sim.get('Pod', podKey)?.status.conditions?.find((c) => c.type === 'Ready')?.status;
}
