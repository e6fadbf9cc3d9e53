/**
 * Where the static band of an allocation range ends (KEP-3070 for ClusterIPs, KEP-3668 for
 * NodePorts): dynamic allocation prefers values at or above this offset, leaving the lower band
 * to users who pick their value by hand.
 * @packageDocumentation
 */

/** upstream `min(max($min, size/$step), $max)`, 0 when the range has at most `$min` values. */
function graduatedOffset(size: number, min: number, step: number, max: number): number {
  if (size <= min) return 0;
  return Math.min(Math.max(min, Math.floor(size / step)), max);
}

/**
 * Static band size of a ClusterIP range, from the CIDR's TOTAL size (network and broadcast
 * included): `min(max(16, cidrSize/16), 256)`, 0 when the CIDR has at most 16 addresses
 * (pkg/registry/core/service/ipallocator/bitmap.go `calculateRangeOffset`).
 *
 * @example `clusterIPRangeOffset(2 ** 20) === 256` (/12), `clusterIPRangeOffset(256) === 16` (/24),
 * `clusterIPRangeOffset(16) === 0` (/28)
 */
export function clusterIPRangeOffset(cidrSize: number): number {
  return graduatedOffset(cidrSize, 16, 16, 256);
}

/**
 * Static band size of a NodePort range of `size` ports: `min(max(16, size/32), 128)`, 0 when the
 * range has at most 16 ports (pkg/registry/core/service/portallocator/allocator.go
 * `calculateRangeOffset`).
 *
 * @example `nodePortRangeOffset(2768) === 86` (30000–32767: 30000–30085 is the static band)
 */
export function nodePortRangeOffset(size: number): number {
  return graduatedOffset(size, 16, 32, 128);
}
