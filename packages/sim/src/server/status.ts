/**
 * Errors as metav1.Status objects with upstream's reasons and codes
 * (staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go).
 * @packageDocumentation
 */
import { KubesimError, ValidationError } from '@kubesim/core';

/** A Status cause (field path and message). */
export interface StatusCause {
  readonly reason?: string;
  readonly message: string;
  readonly field?: string;
}

/** The Status object of a failed request. */
export interface StatusObject {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure';
  readonly message: string;
  /** Absent for an error upstream has no reason for (a plain 500, StatusReasonUnknown). */
  readonly reason?: string;
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: readonly StatusCause[];
    readonly retryAfterSeconds?: number;
  };
  readonly code: number;
}

/** An error the API server answers with a Status; thrown inside request handlers. */
export class ApiError extends KubesimError {
  readonly httpCode: number;
  readonly reason: string;
  readonly details: StatusObject['details'];
  constructor(
    httpCode: number,
    reason: string,
    message: string,
    details?: StatusObject['details'],
  ) {
    super(reason, message);
    this.httpCode = httpCode;
    this.reason = reason;
    this.details = details;
  }
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return new ApiError(400, 'BadRequest', message);
}

/** 404 NotFound of `resource "name"`. */
export function notFound(resource: string, name: string, group = ''): ApiError {
  return new ApiError(
    404,
    'NotFound',
    `${resource}${group ? `.${group}` : ''} "${name}" not found`,
    {
      name,
      ...(group ? { group } : {}),
      kind: resource,
    },
  );
}

/** 404 for a path the server does not serve (upstream's NotFound handler wording). */
export function pathNotFound(): ApiError {
  return new ApiError(404, 'NotFound', 'the server could not find the requested resource', {});
}

/** 405 MethodNotAllowed. */
export function methodNotAllowed(method: string): ApiError {
  return new ApiError(
    405,
    'MethodNotAllowed',
    `the server does not allow this method on the requested resource (${method})`,
  );
}

const CODE_OF: Readonly<Record<string, [number, string]>> = {
  Invalid: [422, 'Invalid'],
  NotFound: [404, 'NotFound'],
  AlreadyExists: [409, 'AlreadyExists'],
  Conflict: [409, 'Conflict'],
  Forbidden: [403, 'Forbidden'],
  TooManyRequests: [429, 'TooManyRequests'],
  MultiplePodDisruptionBudgets: [500, 'InternalError'],
  SelectorParse: [400, 'BadRequest'],
  ManifestParse: [400, 'BadRequest'],
  DurationParse: [400, 'BadRequest'],
  Quantity: [400, 'BadRequest'],
};

/** The Status of any thrown value; unknown errors are 500 InternalError without a stack trace. */
export function statusOf(
  err: unknown,
  ctx: { kind?: string; group?: string; name?: string } = {},
): StatusObject {
  const base = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure' } as const;
  if (err instanceof ApiError) {
    return {
      ...base,
      message: err.message,
      ...(err.reason !== '' ? { reason: err.reason } : {}),
      ...(err.details !== undefined ? { details: err.details } : {}),
      code: err.httpCode,
    };
  }
  const details = {
    ...(ctx.name !== undefined ? { name: ctx.name } : {}),
    ...(ctx.group ? { group: ctx.group } : {}),
    ...(ctx.kind !== undefined ? { kind: ctx.kind } : {}),
  };
  if (err instanceof ValidationError && err.code === 'Invalid') {
    return {
      ...base,
      message: err.message,
      reason: 'Invalid',
      details: {
        ...details,
        causes: err.issues.map((i) => ({
          reason: i.type,
          message: i.message,
          field: i.path,
        })),
      },
      code: 422,
    };
  }
  if (err instanceof KubesimError) {
    const [code, reason] = CODE_OF[err.code] ?? [400, 'BadRequest'];
    return {
      ...base,
      message: err.message,
      reason,
      ...(Object.keys(details).length > 0 ? { details } : {}),
      code,
    };
  }
  return {
    ...base,
    message: 'Internal error occurred: unexpected server error',
    reason: 'InternalError',
    code: 500,
  };
}
