/**
 * The label-selector lexer (§1.1 rules 2–3), following upstream's `Lexer` in
 * k8s.io/apimachinery pkg/labels/selector.go.
 * @packageDocumentation
 */

/** A token kind. `In`/`NotIn` become identifiers outside operator position (see the parser). */
export type TokenKind =
  | 'EndOfString'
  | 'ClosedPar'
  | 'Comma'
  | 'DoesNotExist'
  | 'DoubleEquals'
  | 'Equals'
  | 'GreaterThan'
  | 'Identifier'
  | 'In'
  | 'LessThan'
  | 'NotEquals'
  | 'NotIn'
  | 'OpenPar';

/** One scanned token and the text it came from (`''` for the end of the string). */
export interface Token {
  readonly kind: TokenKind;
  readonly literal: string;
}

const LITERAL_TOKENS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  [')', 'ClosedPar'],
  [',', 'Comma'],
  ['!', 'DoesNotExist'],
  ['==', 'DoubleEquals'],
  ['=', 'Equals'],
  ['>', 'GreaterThan'],
  ['in', 'In'],
  ['<', 'LessThan'],
  ['!=', 'NotEquals'],
  ['notin', 'NotIn'],
  ['(', 'OpenPar'],
]);

// Character codes; 0 doubles as "end of input", as upstream's byte reader returns 0 there. A
// literal NUL in the text therefore ends a token or the input exactly as it does upstream.
const END = 0;

function isWhitespace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0d || ch === 0x0a;
}

function isSpecial(ch: number): boolean {
  // = ! ( ) , > <
  return (
    ch === 0x3d ||
    ch === 0x21 ||
    ch === 0x28 ||
    ch === 0x29 ||
    ch === 0x2c ||
    ch === 0x3e ||
    ch === 0x3c
  );
}

class Lexer {
  #pos = 0;
  constructor(private readonly text: string) {}

  #read(): number {
    if (this.#pos >= this.text.length) return END;
    return this.text.charCodeAt(this.#pos++);
  }

  #unread(): void {
    this.#pos--;
  }

  // Everything that is neither special nor whitespace accumulates; `in`/`notin` are then
  // recognised as keywords by their whole text.
  #identifierOrKeyword(): Token {
    const start = this.#pos;
    let end = start;
    for (;;) {
      const ch = this.#read();
      if (ch === END) break;
      if (isSpecial(ch) || isWhitespace(ch)) {
        this.#unread();
        break;
      }
      end = this.#pos;
    }
    const literal = this.text.slice(start, end);
    return { kind: LITERAL_TOKENS.get(literal) ?? 'Identifier', literal };
  }

  // Longest match over special characters: `!=` beats `!`, `==` beats `=` (TestLexer).
  #operator(): Token {
    let buffer = '';
    let last: Token | undefined;
    for (;;) {
      const ch = this.#read();
      if (ch === END) break;
      if (!isSpecial(ch)) {
        this.#unread();
        break;
      }
      buffer += String.fromCharCode(ch);
      const kind = LITERAL_TOKENS.get(buffer);
      if (kind !== undefined) {
        last = { kind, literal: buffer };
      } else if (last !== undefined) {
        this.#unread();
        break;
      }
    }
    // Every single special character is a token, so `last` is always set here.
    return last ?? { kind: 'EndOfString', literal: '' };
  }

  next(): Token {
    let ch = this.#read();
    while (isWhitespace(ch)) ch = this.#read();
    if (ch === END) return { kind: 'EndOfString', literal: '' };
    this.#unread();
    return isSpecial(ch) ? this.#operator() : this.#identifierOrKeyword();
  }
}

/**
 * Splits selector text into tokens, ending with one `EndOfString` token. Whitespace (space, tab,
 * CR, LF) separates tokens; `= ! ( ) , > <` are special; anything else, including `|` and `~`,
 * builds identifiers.
 *
 * @example lex('x!=y').map((t) => t.kind) // ['Identifier', 'NotEquals', 'Identifier', 'EndOfString']
 */
export function lex(text: string): Token[] {
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (;;) {
    const token = lexer.next();
    tokens.push(token);
    if (token.kind === 'EndOfString') return tokens;
  }
}
