/**
 * The label-selector string parser (§1.1), a recursive descent over {@link lex}'s tokens shaped
 * like upstream's `Parser` in k8s.io/apimachinery pkg/labels/selector.go, with its error texts.
 * @packageDocumentation
 */
import { SelectorParseError } from '../errors.js';
import { lex } from './lexer.js';
import type { Token, TokenKind } from './lexer.js';
import { labelKeyError, newRequirement } from './newRequirement.js';
import { selectorOf } from './requirementSelector.js';
import type { Requirement, Selector, SelectorOperator } from './types.js';

/** Where the parser stands: `in`/`notin` are keywords only in operator position. */
type Context = 'operator' | 'values';

const BINARY_OPERATORS: Readonly<Partial<Record<TokenKind, SelectorOperator>>> = {
  In: 'In',
  NotIn: 'NotIn',
  Equals: 'Equals',
  DoubleEquals: 'DoubleEquals',
  NotEquals: 'NotEquals',
  GreaterThan: 'GreaterThan',
  LessThan: 'LessThan',
};

// Upstream lists the binary operators by their selection.Operator spelling.
const EXPECTED_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

class Parser {
  readonly #tokens: readonly Token[];
  #pos = 0;

  constructor(private readonly text: string) {
    this.#tokens = lex(text);
  }

  #fail(detail: string): never {
    throw new SelectorParseError(this.text, detail);
  }

  #peek(context: Context): Token {
    // The lexer always ends with EndOfString and the parser never consumes past it.
    const token = this.#tokens[this.#pos] ?? { kind: 'EndOfString', literal: '' };
    return context === 'values' && (token.kind === 'In' || token.kind === 'NotIn')
      ? { kind: 'Identifier', literal: token.literal }
      : token;
  }

  #take(context: Context): Token {
    const token = this.#peek(context);
    this.#pos++;
    return token;
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const first = this.#peek('values');
      if (first.kind === 'EndOfString') return requirements;
      if (first.kind !== 'Identifier' && first.kind !== 'DoesNotExist') {
        this.#fail(`found '${first.literal}', expected: !, identifier, or 'end of string'`);
      }
      requirements.push(this.#requirement());
      const after = this.#take('values');
      if (after.kind === 'EndOfString') return requirements;
      if (after.kind !== 'Comma') {
        this.#fail(`found '${after.literal}', expected: ',' or 'end of string'`);
      }
      const next = this.#peek('values');
      if (next.kind !== 'Identifier' && next.kind !== 'DoesNotExist') {
        this.#fail(`found '${next.literal}', expected: identifier after ','`);
      }
    }
  }

  #requirement(): Requirement {
    let negated = false;
    let keyToken = this.#take('values');
    if (keyToken.kind === 'DoesNotExist') {
      negated = true;
      keyToken = this.#take('values');
    }
    if (keyToken.kind !== 'Identifier') {
      this.#fail(`found '${keyToken.literal}', expected: identifier`);
    }
    const key = keyToken.literal;
    // Upstream validates the key with a nil field path, hence `<nil>: Invalid value: …`.
    const keyError = labelKeyError(key, '');
    if (keyError !== undefined) this.#fail(keyError);
    // `!` makes a DoesNotExist requirement whatever follows; a following `=` or `in` is then
    // refused by the caller as "expected: ',' or 'end of string'" (§1.1 rule 4).
    if (negated) return newRequirement(key, 'DoesNotExist', [], this.text);
    const next = this.#peek('values').kind;
    if (next === 'EndOfString' || next === 'Comma') {
      return newRequirement(key, 'Exists', [], this.text);
    }
    const operator = this.#operator();
    const values =
      operator === 'In' || operator === 'NotIn' ? this.#valueSet() : this.#exactValue();
    return newRequirement(key, operator, values, this.text);
  }

  #operator(): SelectorOperator {
    const token = this.#take('operator');
    const operator = BINARY_OPERATORS[token.kind];
    if (operator === undefined) {
      this.#fail(`found '${token.literal}', expected: ${EXPECTED_OPERATORS}`);
    }
    return operator;
  }

  #valueSet(): string[] {
    const open = this.#take('values');
    // Upstream's message has no comma before "expected" here.
    if (open.kind !== 'OpenPar') this.#fail(`found '${open.literal}' expected: '('`);
    const first = this.#peek('values');
    if (first.kind === 'ClosedPar') {
      // `x in ()` is the set {""} (TestSetSelectorParser).
      this.#take('values');
      return [''];
    }
    if (first.kind !== 'Identifier' && first.kind !== 'Comma') {
      this.#fail(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = this.#valueList();
    this.#take('values'); // the `)` that #valueList stopped at
    return values;
  }

  // A comma-separated list in which every missing item is the empty value: `(,a)`, `(a,)` and
  // `(a,,b)` all contain "". Stops in front of the closing `)`.
  #valueList(): string[] {
    const values: string[] = [];
    for (;;) {
      const token = this.#take('values');
      if (token.kind === 'Identifier') {
        values.push(token.literal);
        const next = this.#peek('values');
        if (next.kind === 'ClosedPar') return values;
        if (next.kind !== 'Comma') this.#fail(`found '${next.literal}', expected: ',' or ')'`);
      } else if (token.kind === 'Comma') {
        if (values.length === 0) values.push('');
        const next = this.#peek('values').kind;
        if (next === 'ClosedPar') {
          values.push('');
          return values;
        }
        if (next === 'Comma') values.push('');
      } else {
        this.#fail(`found '${token.literal}', expected: ',', or identifier`);
      }
    }
  }

  // `x=` and `x=,y` carry the empty value (TestSelectorParse).
  #exactValue(): string[] {
    const next = this.#peek('values').kind;
    if (next === 'EndOfString' || next === 'Comma') return [''];
    const token = this.#take('values');
    if (token.kind !== 'Identifier') this.#fail(`found '${token.literal}', expected: identifier`);
    return [token.literal];
  }
}

/**
 * Parses the label-selector string syntax (`kubectl get -l`, `labelSelector=` list options):
 * comma-separated requirements, all ANDed — `k`, `!k`, `k=v`, `k==v`, `k!=v`, `k in (a,b)`,
 * `k notin (a,b)`, `k>N`, `k<N`. Keys must be qualified names and values label values; Gt/Lt
 * values base-10 int64s. The empty string gives the selector that matches everything.
 * Requirements come back sorted by key, requirements on one key in written order (as upstream:
 * `z!=a,z` stays so); value lists sorted and
 * de-duplicated. Throws {@link SelectorParseError} with upstream's detail, e.g.
 * `found ',', expected: identifier after ','` or `<nil>: Invalid value: "Ab/x": prefix part …`.
 *
 * @example parseSelector('b=1,a in (z,y)').toString() // 'a in (y,z),b=1'
 */
export function parseSelector(text: string): Selector {
  return selectorOf(new Parser(text).parse());
}
