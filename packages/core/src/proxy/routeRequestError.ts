/**
 * The error {@link routeConnection} throws for a request it cannot interpret.
 * @packageDocumentation
 */
import { KubesimError } from '../errors.js';

/**
 * A route request lacks what is needed to route it (code `InvalidRouteRequest`), e.g. ClientIP
 * affinity without `now`, or traffic from outside to an external IP without the receiving node.
 */
export class RouteRequestError extends KubesimError {
  constructor(message: string) {
    super('InvalidRouteRequest', message);
  }
}
