/**
 * Every error kubesim throws, in one table. Each has a stable `code`; validation errors carry the
 * list of field issues in kubectl's words.
 * @packageDocumentation
 */

/** The kind of a field issue, named after upstream's `field.ErrorType`. */
export type FieldIssueType =
  | 'FieldValueInvalid'
  | 'FieldValueRequired'
  | 'FieldValueForbidden'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueTooLong'
  | 'FieldValueNotFound'
  | 'FieldValueTypeInvalid';

/**
 * One problem with one field. `message` is what kubectl prints after the path, so
 * `${path}: ${message}` reads e.g.
 * `spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive`.
 */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  readonly type: FieldIssueType;
}

/** Formats an issue as kubectl prints it: `path: message`. */
export function formatFieldIssue(issue: FieldIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** Base class of every error the library throws. `code` is stable and safe to switch on. */
export class KubesimError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * A write was refused by validation or admission (HTTP 422 `Invalid`). Nothing changed.
 * The message reads like kubectl's: `The Service "1web" is invalid: metadata.name: Invalid value: …`.
 */
export class ValidationError extends KubesimError {
  readonly issues: readonly FieldIssue[];
  /** The kind and name of the object that was refused, when known. */
  readonly objectKind: string | undefined;
  readonly objectName: string | undefined;
  /**
   * @param decoded - for subclasses whose refusal upstream words differently (a manifest the
   *   decoder cannot read is 400 `BadRequest`, not 422 `Invalid`): their code and message.
   */
  constructor(
    issues: readonly FieldIssue[],
    objectKind?: string,
    objectName?: string,
    decoded?: { readonly code: string; readonly message: string },
  ) {
    const what =
      objectKind === undefined
        ? 'The object'
        : `The ${objectKind} ${JSON.stringify(objectName ?? '')}`;
    const list = issues.map(formatFieldIssue);
    const detail = list.length === 1 ? (list[0] ?? '') : `[${list.join(', ')}]`;
    super(decoded?.code ?? 'Invalid', decoded?.message ?? `${what} is invalid: ${detail}`);
    this.issues = issues;
    this.objectKind = objectKind;
    this.objectName = objectName;
  }
}

/** A label-selector string could not be parsed. */
export class SelectorParseError extends KubesimError {
  /** The selector text that was refused. */
  readonly selector: string;
  constructor(selector: string, detail: string) {
    super('SelectorParse', `unable to parse requirement: ${detail}`);
    this.selector = selector;
  }
}

/** The object (or its namespace) does not exist (HTTP 404). */
export class NotFoundError extends KubesimError {
  constructor(message: string) {
    super('NotFound', message);
  }
}

/** An object with that name already exists (HTTP 409 `AlreadyExists`). */
export class AlreadyExistsError extends KubesimError {
  constructor(message: string) {
    super('AlreadyExists', message);
  }
}

/** A write carried a stale resourceVersion (HTTP 409 `Conflict`): re-read and try again. */
export class ConflictError extends KubesimError {
  constructor(message: string) {
    super('Conflict', message);
  }
}

/** A YAML or JSON manifest could not be parsed; `line` and `column` are 1-based. */
export class ManifestParseError extends KubesimError {
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** 0-based index of the YAML document in a multi-document stream, when known. */
  readonly document: number | undefined;
  constructor(message: string, line?: number, column?: number, document?: number) {
    const where = line === undefined ? '' : ` at line ${line}, column ${column ?? 1}`;
    super('ManifestParse', `cannot parse manifest${where}: ${message}`);
    this.line = line;
    this.column = column;
    this.document = document;
  }
}

/**
 * The Eviction API refused: a PodDisruptionBudget allows no disruption now (HTTP 429
 * `TooManyRequests`), or several budgets match the pod (HTTP 500, code
 * `MultiplePodDisruptionBudgets`). Retry later, as `kubectl drain` does every 5 s.
 */
export class EvictionRefusedError extends KubesimError {
  readonly status: 429 | 500 | 403;
  constructor(message: string, code = 'TooManyRequests', status: 429 | 500 | 403 = 429) {
    super(code, message);
    this.status = status;
  }
}

/** A scenario (JSON or YAML) is not valid; `path` names the offending field. */
export class ScenarioError extends KubesimError {
  readonly path: string;
  constructor(path: string, message: string) {
    super('ScenarioInvalid', path === '' ? message : `${path}: ${message}`);
    this.path = path;
  }
}

/**
 * A run would not end: a controller keeps reconciling the same key at one instant without
 * progress, one instant exceeds its event budget, or `settle` timed out. The message names it.
 */
export class BudgetExceededError extends KubesimError {
  /** The controller (or `engine`) and key that exceeded the budget, when one is to blame. */
  readonly controller: string | undefined;
  readonly key: string | undefined;
  constructor(message: string, controller?: string, key?: string) {
    super('BudgetExceeded', message);
    this.controller = controller;
    this.key = key;
  }
}

/** A configuration value is out of range (a typed error with the config field's name). */
export class ConfigError extends KubesimError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('ConfigInvalid', `config.${field}: ${message}`);
    this.field = field;
  }
}

/**
 * A primitive was called with an argument outside its contract (a non-positive period, an empty
 * array to pick from, a negative delay). Code `InvalidArgument`; the message names the argument
 * and the value.
 */
export class InvalidArgumentError extends KubesimError {
  /** The argument that was refused. */
  readonly argument: string;
  constructor(argument: string, message: string) {
    super('InvalidArgument', `${argument}: ${message}`);
    this.argument = argument;
  }
}
