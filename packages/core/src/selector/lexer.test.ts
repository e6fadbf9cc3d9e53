import { describe, it, expect } from 'vitest';
import { lex } from './lexer.js';

const kinds = (text: string): string[] => lex(text).map((t) => t.kind);
const literals = (text: string): string[] => lex(text).map((t) => t.literal);

describe('lex', () => {
  it('ends every input with one EndOfString token', () => {
    expect(lex('')).toEqual([{ kind: 'EndOfString', literal: '' }]);
    expect(kinds(' \t\r\n')).toEqual(['EndOfString']);
  });

  it('recognises each special character and keyword', () => {
    expect(kinds('( ) , ! = > < in notin')).toEqual([
      'OpenPar',
      'ClosedPar',
      'Comma',
      'DoesNotExist',
      'Equals',
      'GreaterThan',
      'LessThan',
      'In',
      'NotIn',
      'EndOfString',
    ]);
  });

  it('returns the longest operator: != beats !, == beats =', () => {
    expect(kinds('!=')).toEqual(['NotEquals', 'EndOfString']);
    expect(kinds('==')).toEqual(['DoubleEquals', 'EndOfString']);
    expect(literals('!==')).toEqual(['!=', '=', '']);
    expect(literals('=!')).toEqual(['=', '!', '']);
    expect(literals('x!=(y')).toEqual(['x', '!=', '(', 'y', '']);
  });

  it('treats | and ~ as identifier characters', () => {
    expect(literals('x=a||y=b')).toEqual(['x', '=', 'a||y', '=', 'b', '']);
    expect(kinds('~')).toEqual(['Identifier', 'EndOfString']);
  });

  it('splits identifiers on every whitespace character', () => {
    expect(literals('a\tb\rc\nd e')).toEqual(['a', 'b', 'c', 'd', 'e', '']);
  });

  it('keeps words that merely contain in or notin as identifiers', () => {
    expect(kinds('inx notinx nott')).toEqual([
      'Identifier',
      'Identifier',
      'Identifier',
      'EndOfString',
    ]);
  });

  it('treats a NUL character as upstream does: it ends a token, and the input when a token would start', () => {
    expect(literals('x\u0000y')).toEqual(['x', 'y', '']);
    expect(literals('x,\u0000y')).toEqual(['x', ',', 'y', '']);
    expect(literals('x \u0000y')).toEqual(['x', '']);
  });
});
