/**
 * Objects from @kubernetes/client-node (or any client that decodes timestamps into `Date`s) as
 * the wire-format data kubesim takes.
 * @packageDocumentation
 */

/**
 * A client-node type as plain JSON data: `Date`s are strings, and a field that may be `undefined`
 * is optional (the conversion drops `undefined` fields).
 */
type Plain<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Plain<U>[]
    : T extends object
      ? {
          [K in keyof T as undefined extends T[K] ? never : K]: Plain<T[K]>;
        } & {
          [K in keyof T as undefined extends T[K] ? K : never]?: Plain<Exclude<T[K], undefined>>;
        }
      : T;

function convert(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace(/\.000Z$/, 'Z');
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = convert(v);
    return out;
  }
  return value;
}

/**
 * A client-node object as plain Kubernetes JSON: every `Date` becomes its RFC 3339 string
 * (`2025-01-01T00:00:00Z`, milliseconds kept only when not zero), `undefined` fields are dropped.
 * Use it to hand objects read with client-node to `sim.apply`, `sim.update` or `validateObject`.
 *
 * @example
 * const { items } = await coreApi.listNamespacedPod({ namespace: 'default' });
 * other.apply(items.map(fromClientNode));
 */
export function fromClientNode<T>(obj: T): Plain<T> {
  return convert(obj) as Plain<T>;
}
