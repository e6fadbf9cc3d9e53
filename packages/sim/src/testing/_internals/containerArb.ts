/**
 * A container and a behaviour annotation, shared by pods and pod templates.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { CONTAINER_PORT } from './pools.js';

/** One container: image app:1, port http 8080, small requests, maybe a readiness probe. */
export function containerArb(): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      cpu: fc.constantFrom('50m', '100m', '250m'),
      memory: fc.constantFrom('32Mi', '64Mi', '128Mi'),
      probe: fc.boolean(),
    })
    .map(({ cpu, memory, probe }) => ({
      name: 'app',
      image: 'app:1',
      ports: [{ ...CONTAINER_PORT }],
      resources: { requests: { cpu, memory } },
      ...(probe ? { readinessProbe: { httpGet: { path: '/', port: 'http' } } } : {}),
    }));
}

/**
 * A `kubesim.io/behavior` annotation text (JSON), or undefined (most often): readyAfter up to
 * 30 s, rarely a crash after 1–5 min. Shrinks toward no annotation.
 */
export function behaviorArb(withCrash = true): fc.Arbitrary<string | undefined> {
  return fc.option(
    fc
      .record({
        readyAfter: fc.integer({ min: 0, max: 30 }),
        crashAfter: withCrash
          ? fc.option(fc.integer({ min: 1, max: 5 }), { freq: 5 })
          : fc.constant(null),
      })
      .map(({ readyAfter, crashAfter }) =>
        JSON.stringify({
          readyAfter: `${readyAfter}s`,
          ...(crashAfter === null ? {} : { crashAfter: `${crashAfter}m` }),
        }),
      ),
    { freq: 3, nil: undefined },
  );
}
