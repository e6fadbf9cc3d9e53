/**
 * `sim.apply`: manifests read, checked for unknown fields by `fieldValidation`, then written
 * all or nothing; warnings returned and traced.
 * @packageDocumentation
 */
import {
  applyFieldValidation,
  FIELD_VALIDATION_MODES,
  InvalidArgumentError,
  isSimulatedKind,
  kindInfo,
  normalizeKey,
  parseManifests,
  type FieldValidation,
  type InertObject,
  type Kind,
  type KindMap,
  type KubeObjectInput,
  type StoredObject,
} from '@kubesim/core';
import type { FaultHost } from '../world/index.js';

/** What applying manifests needs of the simulation. */
type ApplyHost = Pick<FaultHost, 'store' | 'withCause' | 'traceActivity'>;
import { checkBehaviorAnnotations } from './behaviorAnnotations.js';
import { describeValue } from './guards.js';

/** Options of `apply`. */
export interface ApplyOptions {
  /**
   * How fields a kind does not have are treated (the API server's `fieldValidation`):
   * `'Strict'` refuses the write, `'Warn'` drops them and warns, `'Ignore'` drops them.
   * @defaultValue `config.fieldValidation` (`'Strict'`)
   */
  readonly fieldValidation?: FieldValidation;
}

/** A warning of an apply: `unknown field "spec.replcas"` on Deployment web. */
export interface ApplyWarning {
  readonly kind: string;
  readonly name: string;
  readonly text: string;
}

/** What `apply` returns: the stored objects, with the warnings beside them. */
export type ApplyResult = StoredObject[] & { readonly warnings: readonly ApplyWarning[] };

/**
 * The stored type of what a manifest names: a simulated kind's own type (`kind: 'Deployment'` →
 * `Deployment`), an `InertObject` for any other named kind, a `StoredObject` when the kind is only
 * known to be a string.
 */
export type AppliedObject<I> = I extends { readonly kind: infer K }
  ? K extends Kind
    ? KindMap[K]
    : string extends K
      ? StoredObject
      : InertObject
  : StoredObject;

/**
 * `apply`'s result narrowed by the kinds of its input: one stored object per manifest, in order
 * (`sim.apply(deployment)[0]` is a `Deployment`; an array of a Deployment and a Service gives
 * `(Deployment | Service)[]`, a tuple `as const` gives a tuple).
 */
export type ApplyResultOf<I> = (I extends readonly unknown[]
  ? { -readonly [P in keyof I]: AppliedObject<I[P]> }
  : [AppliedObject<I>]) & { readonly warnings: readonly ApplyWarning[] };

/** Whether `o` names an object that exists (its apply is then an update). */
function existsIn(world: ApplyHost, o: KubeObjectInput): boolean {
  const kind = typeof o.kind === 'string' ? o.kind : '';
  const meta = (o as { metadata?: { name?: unknown; namespace?: unknown } }).metadata;
  const name = meta?.name;
  const info = kindInfo(kind);
  if (info === undefined || typeof name !== 'string' || name === '') return false;
  const ns =
    typeof meta?.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const key = info.namespaced ? `${ns}/${name}` : name;
  const k = normalizeKey(kind, key).key;
  return isSimulatedKind(kind)
    ? world.store.get(kind, k) !== undefined
    : world.store.getInert(kind, k) !== undefined;
}

/**
 * Applies `input` (YAML text, one manifest or a list) to `world` as the user.
 * @throws ManifestParseError, StrictDecodingError (400), StrictPatchError / ValidationError (422)
 *   and the store's errors; nothing changes when it throws.
 */
export function applyManifests(
  world: ApplyHost,
  input: string | KubeObjectInput | readonly KubeObjectInput[],
  mode: FieldValidation,
): ApplyResult {
  const raw: unknown = input;
  if (raw === null || (typeof raw !== 'string' && typeof raw !== 'object')) {
    throw new InvalidArgumentError(
      'apply(input)',
      `must be YAML text, a manifest object or an array of them, got ${raw === null ? 'null' : typeof raw}`,
    );
  }
  if (!(FIELD_VALIDATION_MODES as readonly unknown[]).includes(mode)) {
    throw new InvalidArgumentError(
      'apply(opts).fieldValidation',
      `must be one of ${FIELD_VALIDATION_MODES.join(', ')}, got ${describeValue(mode)}`,
    );
  }
  const config = world.store.config;
  const limits = { maxLength: config.maxManifestLength, maxDepth: config.maxNestingDepth };
  const parsed: readonly KubeObjectInput[] =
    typeof input === 'string'
      ? parseManifests(input, limits)
      : Array.isArray(input)
        ? input
        : [input as KubeObjectInput];
  parsed.forEach((item, i) => {
    const o: unknown = item;
    if (o === null || typeof o !== 'object' || Array.isArray(o)) {
      const at = Array.isArray(input) ? `apply(input)[${i}]` : 'apply(input)';
      throw new InvalidArgumentError(
        at,
        `must be a manifest object (apiVersion, kind, metadata, …), got ${o === null ? 'null' : Array.isArray(o) ? 'an array' : typeof o}`,
      );
    }
  });
  const { objects, warnings } = applyFieldValidation(parsed, mode, (o) => existsIn(world, o));
  checkBehaviorAnnotations(objects);
  const store = world.store;
  const all: ApplyWarning[] = [...warnings];
  const stored = world.withCause('user', () =>
    store.transaction(() =>
      objects.map((o) => {
        // Custom resources are checked by their schema in the store, under the same mode.
        const custom: string[] = [];
        const out = store.apply(o, { fieldValidation: mode, warnings: custom }).object;
        for (const text of custom) {
          all.push({ kind: String(o.kind), name: out.metadata.name, text });
        }
        return out;
      }),
    ),
  );
  for (const w of all) {
    world.traceActivity('user', 'Warning', { kind: w.kind, name: w.name, warning: w.text });
  }
  return Object.assign(stored, { warnings: all });
}
