/**
 * The World's lookup tables (pod IP, node address, ClusterIP port) fork as the store's flat maps
 * do: core's {@link ShardedCowMap}, shared by shard and copied one shard at a time on write.
 * @packageDocumentation
 */
export { ShardedCowMap as CowTable } from '@kubesim/core';
