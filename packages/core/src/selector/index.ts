/**
 * Label selectors: the string syntax, structured `LabelSelector`s, equality sets and matching.
 * @packageDocumentation
 */
export { labelSelectorToSelector } from './labelSelectorToSelector.js';
export { validateLabelSelector } from './validateLabelSelector.js';
