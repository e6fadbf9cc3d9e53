/**
 * The small vocabularies the arbitraries draw from, so generated selectors, labels and Services
 * meet each other often (a random string would almost never match).
 * @packageDocumentation
 */

/** Label keys. */
export const LABEL_KEYS: readonly string[] = ['app', 'tier', 'track', 'example.com/team'];
/** Label values (also app names: Deployments and Services are named after them). */
export const LABEL_VALUES: readonly string[] = ['web', 'api', 'db', 'cache', 'canary'];
/** App names used for Deployments, their Services and budgets. */
export const APP_NAMES: readonly string[] = ['web', 'api', 'db'];
/** The container port every generated pod exposes, with its name. */
export const CONTAINER_PORT = { name: 'http', containerPort: 8080, protocol: 'TCP' } as const;
/** Zone names. */
export const ZONES: readonly string[] = ['zone-a', 'zone-b', 'zone-c'];
