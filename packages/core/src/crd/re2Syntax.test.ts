/**
 * Patterns as the API server's Go regexp (RE2 syntax) reads them: what it refuses, in its words
 * (Go regexp/syntax ErrorCode strings), and what it accepts.
 */
import { describe, expect, it } from 'vitest';
import { re2SyntaxError } from './re2Syntax.js';
import { compilePattern } from './validateAgainstSchema.js';

const refused: readonly [string, string][] = [
  ['+', 'missing argument to repetition operator: `+`'],
  ['a|*', 'missing argument to repetition operator: `*`'],
  ['(?', 'invalid or unsupported Perl syntax: `(?`'],
  ['a**', 'invalid nested repetition operator: `**`'],
  ['a+?+', 'invalid nested repetition operator: `+?+`'],
  ['(a', 'missing closing ): `(a`'],
  ['a)', 'unexpected ): `a)`'],
  ['[a-z', 'missing closing ]: `[a-z`'],
  ['a\\', 'trailing backslash at end of expression: ``'],
  ['(a)\\1', 'invalid escape sequence: `\\1`'],
  ['\\k<x>', 'invalid escape sequence: `\\k`'],
  ['foo(?=bar)', 'invalid or unsupported Perl syntax: `(?=`'],
  ['foo(?!bar)', 'invalid or unsupported Perl syntax: `(?!`'],
  ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
];

const accepted = [
  '^[a-z]+$',
  'a*?b+?c??',
  '(?:ab)+',
  '(?i:ab)',
  '(?P<name>a)(?<other>b)',
  '[]a]',
  '[^\\]]',
  '[[:alpha:]]+',
  '\\d{1,3}(\\.\\d{1,3}){3}',
  '\\12',
  'a|b|',
  '\\Qa+b\\E',
];

describe('RE2 syntax of schema patterns', () => {
  for (const [pattern, error] of refused) {
    it(`refuses ${pattern}: ${error}`, () => {
      expect(re2SyntaxError(pattern)).toBe(`error parsing regexp: ${error}`);
      expect(compilePattern(pattern)).toBe(`error parsing regexp: ${error}`);
    });
  }
  for (const pattern of accepted) {
    it(`accepts ${pattern}`, () => {
      expect(re2SyntaxError(pattern)).toBeUndefined();
    });
  }
});
