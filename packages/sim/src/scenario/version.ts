/**
 * The package version recorded in failure records.
 * @packageDocumentation
 */

/**
 * `@kubesim/sim`'s version, as in packages/sim/package.json (a test keeps the two equal: the
 * package.json is outside the compiled `src/`, so it cannot be imported by the build).
 */
export const KUBESIM_VERSION = '0.1.0';
