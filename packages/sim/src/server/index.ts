/**
 * The API server for real clients (kubectl, @kubernetes/client-node).
 * @packageDocumentation
 */
export { serveHost } from './serve.js';
export type { ServeHandle, ServeOptions } from './serve.js';
export type { ServeHost } from './host.js';
export { ResourceTable, pluralOf } from './resources.js';
export { fromClientNode } from './fromClientNode.js';
export type { ResourceInfo, SubresourceInfo } from './resources.js';
