/**
 * The parsed form of a label selector.
 * @packageDocumentation
 */

/** A selector operator. `Gt`/`Lt` exist only in the string syntax and node selectors (§1.1.8). */
export type SelectorOperator =
  | 'Equals'
  | 'DoubleEquals'
  | 'NotEquals'
  | 'In'
  | 'NotIn'
  | 'Exists'
  | 'DoesNotExist'
  | 'GreaterThan'
  | 'LessThan';

/** One requirement: a key, an operator and (sorted, de-duplicated) values. */
export interface Requirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  /** Sorted and unique. Empty for Exists/DoesNotExist; one integer string for Gt/Lt. */
  readonly values: readonly string[];
}

/**
 * A label selector: requirements ANDed. Built by {@link parseSelector} or
 * {@link labelSelectorToSelector}.
 */
export interface Selector {
  /** True when every requirement holds for `labels` (only the object's own labels are read). */
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /**
   * Canonical string form: requirements sorted by key (requirements on one key in the order they
   * were written, as upstream); values sorted; no spaces. `parseSelector(s.toString())` equals `s` for every parsed selector. The
   * match-nothing selector (from a nil LabelSelector) has no string form and renders as `<none>`.
   */
  toString(): string;
  readonly requirements: readonly Requirement[];
  /** True for the selector that matches every object (empty string, or `{}`). */
  readonly empty: boolean;
  /** True for the selector that matches no object (a nil LabelSelector). */
  readonly matchesNothing: boolean;
}
