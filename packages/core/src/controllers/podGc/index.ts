/**
 * The pod garbage collector (pkg/controller/podgc, §6.11–6.12).
 * @packageDocumentation
 */
export { defaultPodGcConfig } from './podGcConfig.js';
export type { PodGcConfig } from './podGcConfig.js';
export {
  POD_GC_CONTROLLER,
  POD_GC_KEY,
  PodGcController,
  createPodGcController,
} from './podGcController.js';
