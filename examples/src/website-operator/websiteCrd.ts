/**
 * The `Website` custom resource: what a user of the operator writes.
 * @packageDocumentation
 */
import type { CustomResourceDefinition, InertObject } from '@kubesim/core';

/** The CustomResourceDefinition of `Website` (example.com/v1, namespaced, status subresource). */
export const websiteCrd: CustomResourceDefinition = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'websites.example.com' },
  spec: {
    group: 'example.com',
    scope: 'Namespaced',
    names: { plural: 'websites', singular: 'website', kind: 'Website', shortNames: ['ws'] },
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                required: ['image'],
                properties: {
                  image: { type: 'string', minLength: 1 },
                  replicas: { type: 'integer', minimum: 1, maximum: 10, default: 2 },
                  port: { type: 'integer', minimum: 1, maximum: 65535, default: 8080 },
                },
              },
              status: {
                type: 'object',
                properties: {
                  phase: { type: 'string', enum: ['Pending', 'Running', 'Degraded', 'Recreating'] },
                  readyReplicas: { type: 'integer' },
                },
              },
            },
          },
        },
      },
    ],
  },
};

/** The spec of a Website after the schema's defaults. */
export interface WebsiteSpec {
  readonly image: string;
  readonly replicas: number;
  readonly port: number;
}

/** The status the operator writes. */
export interface WebsiteStatus {
  readonly phase?: 'Pending' | 'Running' | 'Degraded' | 'Recreating';
  readonly readyReplicas?: number;
}

/** A stored Website. */
export type Website = InertObject & { spec: WebsiteSpec; status?: WebsiteStatus };

/** A Website manifest. */
export function website(name: string, spec: Partial<WebsiteSpec> & { image: string }) {
  return { apiVersion: 'example.com/v1', kind: 'Website', metadata: { name }, spec };
}
