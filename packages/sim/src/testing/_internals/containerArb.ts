/**
 * A container and a behaviour annotation, shared by pods and pod templates.
 * @packageDocumentation
 */
import fc from 'fast-check';
import { CONTAINER_PORT } from './pools.js';

/** What a generated container and its behaviour may do. */
export interface ContainerOptions {
  /** Container port numbers the `http` port may get (first: the shrink target). */
  readonly portNumbers?: readonly number[];
  /** Maybe a preStop sleep hook and a short termination grace period. */
  readonly slowShutdown?: boolean;
}

/** What a generated behaviour annotation may script. */
export interface BehaviorOptions {
  /** Rarely a crash after 1–5 min (crash loops). */
  readonly crash?: boolean;
  /** Often a termination delay (the app drains for 1–20 s after TERM) or a preStop duration. */
  readonly slowShutdown?: boolean;
  /** Sometimes readiness failure windows: the pod flaps between ready and not ready. */
  readonly flapping?: boolean;
}

/**
 * One container: image app:1, port `http` (8080 unless told otherwise), small requests, maybe a
 * readiness probe, maybe a preStop sleep hook.
 */
export function containerArb(opts: ContainerOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  const ports = opts.portNumbers ?? [CONTAINER_PORT.containerPort];
  return fc
    .record({
      cpu: fc.constantFrom('50m', '100m', '250m'),
      memory: fc.constantFrom('32Mi', '64Mi', '128Mi'),
      probe: fc.boolean(),
      port: fc.constantFrom(...ports),
      preStop:
        opts.slowShutdown === true
          ? fc.option(fc.integer({ min: 1, max: 10 }), { freq: 3 })
          : fc.constant(null),
    })
    .map(({ cpu, memory, probe, port, preStop }) => ({
      name: 'app',
      image: 'app:1',
      ports: [{ ...CONTAINER_PORT, containerPort: port }],
      resources: { requests: { cpu, memory } },
      ...(probe ? { readinessProbe: { httpGet: { path: '/', port: 'http' } } } : {}),
      ...(preStop === null ? {} : { lifecycle: { preStop: { sleep: { seconds: preStop } } } }),
    }));
}

/** A generated behaviour: the annotation text, and whether it needs a readiness probe. */
export interface GeneratedBehavior {
  readonly text: string | undefined;
  readonly flaps: boolean;
}

/**
 * A `kubesim.io/behavior` annotation text (JSON), or undefined: readyAfter up to 30 s, rarely a
 * crash after 1–5 min, with `slowShutdown` often a terminationDelay of 1–20 s, with `flapping`
 * sometimes 1–3 readiness failure windows of 2–30 s. Shrinks toward no annotation.
 */
export function behaviorArb(opts: BehaviorOptions = {}): fc.Arbitrary<GeneratedBehavior> {
  const none: GeneratedBehavior = { text: undefined, flaps: false };
  const windows = fc.array(
    fc.record({ from: fc.integer({ min: 1, max: 120 }), for: fc.integer({ min: 2, max: 30 }) }),
    { minLength: 1, maxLength: 3 },
  );
  return fc
    .option(
      fc.record({
        readyAfter: fc.integer({ min: 0, max: 30 }),
        crashAfter:
          opts.crash === true
            ? fc.option(fc.integer({ min: 1, max: 5 }), { freq: 5 })
            : fc.constant(null),
        terminationDelay:
          opts.slowShutdown === true
            ? fc.option(fc.integer({ min: 1, max: 20 }), { freq: 2 })
            : fc.constant(null),
        readinessFailing:
          opts.flapping === true ? fc.option(windows, { freq: 3 }) : fc.constant(null),
      }),
      { freq: 3, nil: null },
    )
    .map((b) => {
      if (b === null) return none;
      const text = JSON.stringify({
        readyAfter: `${b.readyAfter}s`,
        ...(b.crashAfter === null ? {} : { crashAfter: `${b.crashAfter}m` }),
        ...(b.terminationDelay === null ? {} : { terminationDelay: `${b.terminationDelay}s` }),
        ...(b.readinessFailing === null
          ? {}
          : {
              readinessFailing: b.readinessFailing.map((w) => ({
                from: `${w.from}s`,
                for: `${w.for}s`,
              })),
            }),
      });
      return { text, flaps: b.readinessFailing !== null };
    });
}

/**
 * The container with a readiness probe every second that fails at the first failure, so scripted
 * readiness failure windows show at once (a flapping pod).
 */
export function withFastProbe(
  container: Record<string, unknown>,
  behavior: GeneratedBehavior,
): Record<string, unknown> {
  if (!behavior.flaps) return container;
  return {
    ...container,
    readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 1, failureThreshold: 1 },
  };
}
