// Type-level test: objects typed with the community `kubernetes-types` package are assignable to
// kubesim's input types, so users can pass what they already have. `npm run build` type-checks this
// file (tsconfig.json); vitest runs the value-level checks.
import type { Deployment as K8sDeployment } from 'kubernetes-types/apps/v1.js';
import type { Pod as K8sPod, Service as K8sService } from 'kubernetes-types/core/v1.js';
import type { PodDisruptionBudget as K8sPdb } from 'kubernetes-types/policy/v1.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  DeploymentInput,
  KubeObjectInput,
  PodDisruptionBudgetInput,
  PodInput,
  ServiceInput,
} from '@kubesim/core';

const deployment: K8sDeployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: {
    replicas: 3,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '25%' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        containers: [
          {
            name: 'web',
            image: 'nginx',
            ports: [{ containerPort: 8080, name: 'http' }],
            resources: { requests: { cpu: '250m', memory: '128Mi' } },
            readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
          },
        ],
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
      },
    },
  },
};

const service: K8sService = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: {
    type: 'NodePort',
    selector: { app: 'web' },
    ports: [{ name: 'http', port: 80, targetPort: 'http', nodePort: 30080 }],
    sessionAffinity: 'ClientIP',
    sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } },
  },
};

describe('input types accept kubernetes-types objects', () => {
  it('a Deployment and a Service assign to DeploymentInput and ServiceInput', () => {
    const d: DeploymentInput = deployment;
    const s: ServiceInput = service;
    const any: KubeObjectInput[] = [d, s];
    expectTypeOf<K8sDeployment>().toExtend<DeploymentInput>();
    expectTypeOf<K8sService>().toExtend<ServiceInput>();
    expectTypeOf<K8sPod>().toExtend<PodInput>();
    expectTypeOf<K8sPdb>().toExtend<PodDisruptionBudgetInput>();
    expect(any.map((o) => o.kind)).toEqual(['Deployment', 'Service']);
  });
});
