/**
 * The table of every error code `@kubesim/core` throws: the code (stable, safe to switch on), the
 * class that carries it and what it means. The classes themselves live beside the code that
 * throws them; this table is the one place to read them all.
 * @packageDocumentation
 */

/**
 * Every code of `@kubesim/core`, with its class and meaning.
 * @example
 * ```ts
 * try { sim.apply(m) } catch (e) { if (e instanceof KubesimError && e.code === 'Invalid') … }
 * ```
 */
export const CORE_ERROR_CODES = {
  Invalid: 'ValidationError: a write was refused by validation or admission (HTTP 422)',
  SelectorParse: 'SelectorParseError: a label selector string does not parse',
  NotFound: 'NotFoundError: the object does not exist (HTTP 404)',
  AlreadyExists: 'AlreadyExistsError: an object with that name exists (HTTP 409)',
  Conflict: 'ConflictError: stale resourceVersion or uid precondition (HTTP 409)',
  ManifestParse: 'ManifestParseError: YAML or JSON input does not parse (line, column)',
  TooManyRequests: 'EvictionRefusedError: a PodDisruptionBudget allows no disruption (HTTP 429)',
  MultiplePodDisruptionBudgets: 'EvictionRefusedError: several budgets match the pod (HTTP 500)',
  Forbidden:
    'ForbiddenError or EvictionRefusedError: the request is not allowed (HTTP 403), e.g. deleting kube-system',
  ScenarioInvalid: 'ScenarioError: a scenario field is not valid (path named)',
  BudgetExceeded: 'BudgetExceededError: a run would not end (controller and key named)',
  ConfigInvalid: 'ConfigError: a config value is out of range (field named)',
  InvalidArgument: 'InvalidArgumentError: a primitive got an argument outside its contract',
  DurationParse: 'DurationParseError: a Go duration string does not parse',
  InvalidQuantity: 'QuantityError: a resource quantity does not parse',
  TargetParse: 'TargetParseError: a connection or DNS target does not parse',
  InvalidRouteRequest: 'RouteRequestError: a kube-proxy routing request is malformed',
  InvalidSchedulerConfig: 'SchedulerConfigError: the scheduler was given invalid settings',
  RangeFull: 'AllocationError: no ClusterIP or NodePort is left in the range',
  AlreadyAllocated: 'AllocationError: the requested ClusterIP or NodePort is taken',
  NotInRange: 'AllocationError: the requested ClusterIP or NodePort is outside the range',
  BadRequest:
    'StrictDecodingError: a strict-field-validation write named fields the schema does not declare (HTTP 400)',
  NoTransaction: 'AllocationError: an allocation was released outside a store transaction',
  InvalidIntOrPercent:
    "KubesimError: an int-or-percent value (maxSurge, maxUnavailable) is neither an integer nor 'N%'",
  Unsupported:
    'KubesimError: a plan asked for an action nothing is wired to perform (evict without an Eviction API)',
} as const;

/** A code of an error thrown by `@kubesim/core` (the keys of {@link CORE_ERROR_CODES}). */
export type CoreErrorCode = keyof typeof CORE_ERROR_CODES;
