/**
 * The one {@link Selector} implementation: a frozen, canonically ordered list of requirements
 * with an allocation-free `matches`.
 * @packageDocumentation
 */
import { compareInt64Text, parseInt64 } from './int64.js';
import { compareRequirements, requirementToString } from './canonicalOrder.js';
import type { Requirement, Selector } from './types.js';

type Labels = Readonly<Record<string, string>>;

// Own properties only: a label named `constructor` or `__proto__` must not see Object.prototype.
const hasOwn = Object.hasOwn;
const NO_LABELS: Labels = Object.freeze(Object.create(null) as Labels);

function hasValue(values: readonly string[], value: string): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] === value) return true;
  return false;
}

class RequirementSelector implements Selector {
  readonly requirements: readonly Requirement[];
  readonly empty: boolean;
  readonly matchesNothing: boolean;
  // Gt/Lt bounds parsed once; index-aligned with `requirements`, 0n for other operators.
  readonly #bounds: readonly bigint[];
  readonly #boundNumbers: readonly number[];
  readonly #text: string;

  constructor(requirements: readonly Requirement[], matchesNothing: boolean) {
    const sorted = [...requirements].sort(compareRequirements);
    this.requirements = Object.freeze(sorted);
    this.empty = !matchesNothing && sorted.length === 0;
    this.matchesNothing = matchesNothing;
    const bounds = sorted.map((r) =>
      r.operator === 'GreaterThan' || r.operator === 'LessThan'
        ? (parseInt64(r.values[0] ?? '') ?? 0n)
        : 0n,
    );
    this.#bounds = bounds;
    this.#boundNumbers = bounds.map(Number);
    this.#text = matchesNothing ? '<none>' : sorted.map(requirementToString).join(',');
    Object.freeze(this);
  }

  matches(labels: Labels | undefined): boolean {
    if (this.matchesNothing) return false;
    const ls = labels ?? NO_LABELS;
    const reqs = this.requirements;
    for (let i = 0; i < reqs.length; i++) {
      const r = reqs[i];
      if (r === undefined) continue;
      const present = hasOwn(ls, r.key);
      switch (r.operator) {
        case 'Equals':
        case 'DoubleEquals':
        case 'In':
          if (!present || !hasValue(r.values, ls[r.key] as string)) return false;
          break;
        case 'NotEquals':
        case 'NotIn':
          // Matches when the key is absent (upstream `Requirement.Matches` case 4).
          if (present && hasValue(r.values, ls[r.key] as string)) return false;
          break;
        case 'Exists':
          if (!present) return false;
          break;
        case 'DoesNotExist':
          if (present) return false;
          break;
        case 'GreaterThan':
        case 'LessThan': {
          if (!present) return false;
          const order = compareInt64Text(
            ls[r.key] as string,
            this.#bounds[i] ?? 0n,
            this.#boundNumbers[i] ?? 0,
          );
          if (order === undefined) return false;
          if (r.operator === 'GreaterThan' ? order <= 0 : order >= 0) return false;
          break;
        }
      }
    }
    return true;
  }

  toString(): string {
    return this.#text;
  }
}

/**
 * A selector over already-checked requirements, sorted by key (stable: one key's requirements keep their order).
 * Callers guarantee each requirement is valid (built by `newRequirement`).
 */
export function selectorOf(requirements: readonly Requirement[]): Selector {
  return requirements.length === 0
    ? everythingSelector
    : new RequirementSelector(requirements, false);
}

/**
 * The selector that matches every object (upstream `labels.Everything()`): `empty` is true and
 * the string form is `''`.
 */
export const everythingSelector: Selector = new RequirementSelector([], false);

/**
 * The selector that matches no object (upstream `labels.Nothing()`, from a nil LabelSelector):
 * `matchesNothing` is true and the string form is `<none>`.
 */
export const nothingSelector: Selector = new RequirementSelector([], true);
