export { parseManifests } from './parseManifests.js';
