// Custom resources through the simulation, as a new user tries them: apply a CRD and a custom
// resource from YAML in one call, read it back, and delete the CRD with its objects.
import { describe, expect, it } from 'vitest';
import { NotFoundError, StrictDecodingError, ValidationError } from '@kubesim/core';
import { createSimulation } from '@kubesim/sim';

const crdYaml = `
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  scope: Namespaced
  names: { plural: widgets, singular: widget, kind: Widget, shortNames: [wd] }
  versions:
    - name: v1
      served: true
      storage: true
      subresources: { status: {} }
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              required: [size]
              properties:
                size: { type: string, enum: [small, large] }
                replicas: { type: integer, minimum: 0, default: 1 }
            status:
              type: object
              properties:
                ready: { type: boolean }
`;

const widgetYaml = `
apiVersion: example.com/v1
kind: Widget
metadata: { name: w1 }
spec: { size: large }
`;

describe('custom resources in a simulation', () => {
  it('a CRD and a custom resource applied together are stored, defaulted and listed', () => {
    const sim = createSimulation({ seed: 1 });
    const applied = sim.apply(`${crdYaml}---${widgetYaml}`);
    expect(applied.map((o) => o.kind)).toEqual(['CustomResourceDefinition', 'Widget']);
    const w1 = sim.getInert('Widget', 'w1');
    expect(w1?.['spec']).toEqual({ size: 'large', replicas: 1 });
    expect(w1?.metadata.namespace).toBe('default');
  });

  it('an invalid custom resource refuses the whole apply, CRD included', () => {
    const sim = createSimulation({ seed: 1 });
    expect(() => sim.apply(`${crdYaml}---${widgetYaml.replace('large', 'huge')}`)).toThrow(
      ValidationError,
    );
    expect(sim.getInert('CustomResourceDefinition', 'widgets.example.com')).toBeUndefined();
  });

  it('an unknown field is refused as kubectl apply (strict) is', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply(crdYaml);
    expect(() => sim.apply(widgetYaml.replace('size: large', 'size: large, colour: red'))).toThrow(
      StrictDecodingError,
    );
  });

  it('deleting the CRD deletes its objects, and the kind is unknown again', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply(`${crdYaml}---${widgetYaml}`);
    expect(sim.getInert('Widget', 'w1')).toBeDefined();
    sim.delete('CustomResourceDefinition', 'widgets.example.com');
    // As kubectl after the CRD goes: `the server doesn't have a resource type "Widget"`.
    expect(() => sim.getInert('Widget', 'w1')).toThrow(NotFoundError);
    expect(() => sim.apply(widgetYaml)).toThrow(ValidationError);
    // Its objects went with it: the same CRD applied again serves an empty kind.
    sim.apply(crdYaml);
    expect(sim.listInert('Widget')).toEqual([]);
  });

  it('custom resources are listed, watched, updated and status-updated from the library', () => {
    const sim = createSimulation({ seed: 1 });
    sim.apply(crdYaml);
    const seen: string[] = [];
    sim.watch('Widget', (ev) => seen.push(`${ev.type} ${ev.object.metadata.name}`));
    sim.apply(widgetYaml);
    const updated = sim.updateInert('Widget', 'w1', (d) => {
      (d['spec'] as { replicas: number }).replicas = 3;
    });
    expect(updated.metadata.generation).toBe(2);
    const withStatus = sim.updateInertStatus('Widget', 'w1', (d) => {
      d['status'] = { ready: true };
    });
    expect(withStatus['status']).toEqual({ ready: true });
    expect(withStatus.metadata.generation).toBe(2);
    sim.runFor('1s');
    expect(sim.listInert('Widget').map((w) => w.metadata.name)).toEqual(['w1']);
    expect(seen).toEqual(['ADDED w1', 'MODIFIED w1', 'MODIFIED w1']);
    expect(() =>
      sim.updateInert('Widget', 'w1', (d) => {
        (d['spec'] as { replicas: number }).replicas = -1;
      }),
    ).toThrow(
      'spec.replicas: Invalid value: -1: spec.replicas in body should be greater than or equal to 0',
    );
  });
});
