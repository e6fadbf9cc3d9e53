export { parseManifests } from './parseManifests.js';
export type { ManifestLimits } from './parseManifests.js';
