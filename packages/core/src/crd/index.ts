/**
 * Custom resources: CustomResourceDefinitions, validation, defaulting and pruning from their
 * structural schemas, and the registry of the kinds they define.
 * @packageDocumentation
 */
export { validateAgainstSchema } from './validateAgainstSchema.js';
export { pruneUnknownFields } from './pruneUnknownFields.js';
export type { PruneResult } from './pruneUnknownFields.js';
export { applySchemaDefaults } from './applySchemaDefaults.js';
export { checkStructuralSchema } from './checkStructuralSchema.js';
export type { SchemaCheck } from './checkStructuralSchema.js';
export { checkedFormats, matchesFormat } from './schemaFormats.js';
export type { JsonSchemaProps } from './schemaTypes.js';
export {
  validateCustomResourceDefinition,
  validateCustomResourceDefinitionUpdate,
} from './validateCustomResourceDefinition.js';
export type { CrdCheck } from './validateCustomResourceDefinition.js';
export { customObject, servedVersion } from './customResourceDefinition.js';
export type {
  CustomKind,
  CustomKindVersion,
  CustomResourceColumnDefinition,
  CustomResourceDefinition,
  CustomResourceDefinitionNames,
  CustomResourceDefinitionVersion,
  CustomResourceScale,
} from './customResourceDefinition.js';
export {
  CRD_KIND,
  customKindInfo,
  customKindOf,
  customKinds,
  findCustomKind,
  normalizeKindKey,
  resolveKindInfo,
} from './customKindRegistry.js';
export type { CrdSource } from './customKindRegistry.js';
export { admitCustomObject } from './admitCustomObject.js';
export type { AdmittedCustomObject } from './admitCustomObject.js';
export { StrictDecodingError } from './fieldValidation.js';
export type { CustomWriteOptions, FieldValidation } from './fieldValidation.js';
export {
  apiResourceEntry,
  customResourceEntries,
  customResourceOpenApiV3,
  openApiSchemaName,
  RESOURCE_VERBS,
} from './customResourceApi.js';
export type {
  ApiResourceEntry,
  ApiResourceSpec,
  ApiSubresourceEntry,
} from './customResourceApi.js';
// The earlier names of the two entry types, kept working for users who import them.
// eslint-disable-next-line @typescript-eslint/no-deprecated
export type { CustomResourceEntry, CustomSubresource } from './customResourceApi.js';
export { customScaleOf, withCustomScale } from './customResourceScale.js';
