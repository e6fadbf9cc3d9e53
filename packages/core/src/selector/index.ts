/**
 * Label selectors: the string syntax, structured `LabelSelector`s, equality sets and matching.
 * The `Selector`, `Requirement` and `SelectorOperator` types come from `./types.ts`.
 * @packageDocumentation
 */
export { labelSelectorToSelector } from './labelSelectorToSelector.js';
export { matchesSet } from './matchesSet.js';
export { parseSelector } from './parseSelector.js';
export { everythingSelector, nothingSelector } from './requirementSelector.js';
export { selectorEquals } from './selectorEquals.js';
export { selectorFromSet } from './selectorFromSet.js';
export { validateLabelSelector } from './validateLabelSelector.js';
