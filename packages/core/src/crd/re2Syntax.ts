/**
 * The API server compiles a schema's `pattern` with Go's regexp (RE2 syntax), so some patterns a
 * JavaScript RegExp accepts are refused upstream (lookarounds, backreferences) and the refusals
 * read as Go words them: `error parsing regexp: <code>: \`<fragment>\`` (Go regexp/syntax
 * Error.Error and its ErrorCode strings). This finds the common RE2 parse errors; anything else
 * falls back to the JavaScript engine's reason (a documented deviation in wording only).
 * @packageDocumentation
 */

const fail = (code: string, expr: string): string => `error parsing regexp: ${code}: \`${expr}\``;

const REPEAT = new Set(['*', '+', '?']);
/** Escapes RE2 knows after a backslash besides punctuation, digits (octal) and `x`/`p`/`P`/`Q`. */
const LETTER_ESCAPES = new Set(Array.from('aftnrvdDsSwWbBAz'));

/** The length of the escape starting at `i` (a backslash), or a Go error. */
function escapeAt(p: string, i: number): number | string {
  const c = p[i + 1];
  if (c === undefined) return fail('trailing backslash at end of expression', '');
  // A single non-zero digit is a backreference, which RE2 refuses; digits after it make octal.
  if (c >= '1' && c <= '9') {
    const next = p[i + 2];
    if (next === undefined || next < '0' || next > '9')
      return fail('invalid escape sequence', `\\${c}`);
    return 3;
  }
  if (/[A-Za-z]/.test(c)) {
    if (c === 'x' || c === 'p' || c === 'P') return 2; // the engine checks the rest
    if (c === 'Q') {
      const end = p.indexOf('\\E', i + 2);
      return end < 0 ? p.length - i : end + 2 - i;
    }
    if (!LETTER_ESCAPES.has(c)) return fail('invalid escape sequence', `\\${c}`);
  }
  return 2;
}

/** Go's parse error for `pattern` under RE2 syntax, or undefined when none of these applies. */
export function re2SyntaxError(pattern: string): string | undefined {
  let depth = 0;
  // What the previous token was: nothing to repeat ('start'), an operand, or a repetition.
  let prev: 'start' | 'operand' | 'repeat' = 'start';
  let lastRepeat = '';
  for (let i = 0; i < pattern.length;) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const n = escapeAt(pattern, i);
      if (typeof n === 'string') return n;
      i += n;
      prev = 'operand';
      continue;
    }
    if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++; // a leading ] is a literal
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '\\') {
          const n = escapeAt(pattern, j);
          if (typeof n === 'string') return n;
          j += n;
        } else if (pattern.startsWith('[:', j)) {
          const end = pattern.indexOf(':]', j + 2);
          j = end < 0 ? j + 1 : end + 2;
        } else j++;
      }
      if (j >= pattern.length) return fail('missing closing ]', pattern.slice(i));
      i = j + 1;
      prev = 'operand';
      continue;
    }
    if (c === '(') {
      if (pattern[i + 1] === '?') {
        const rest = pattern.slice(i);
        if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
          return fail('invalid or unsupported Perl syntax', rest.slice(0, 3));
        }
        if (rest.startsWith('(?<') || rest.startsWith('(?P<')) {
          // A named group; RE2 reads a lookbehind `(?<=` as a group with a bad name.
          const end = rest.indexOf('>');
          const name = end < 0 ? '' : rest.slice(rest.indexOf('<') + 1, end);
          if (end < 0 || !/^\w+$/.test(name)) {
            return fail('invalid named capture', end < 0 ? rest : rest.slice(0, end + 1));
          }
          depth++;
          i += end + 1;
          prev = 'start';
          continue;
        }
        // Flags: `(?i)` sets them for what follows, `(?i:...)` is a group.
        const m = /^\(\?(-?[imsU]+|[imsU]+-[imsU]*)?([:)])/.exec(rest);
        if (m === null) return fail('invalid or unsupported Perl syntax', rest.slice(0, 3));
        if (m[2] === ':') depth++;
        i += m[0].length;
        prev = 'start';
        continue;
      }
      depth++;
      i++;
      prev = 'start';
      continue;
    }
    if (c === ')') {
      if (depth === 0) return fail('unexpected )', pattern);
      depth--;
      i++;
      prev = 'operand';
      continue;
    }
    if (c === '|') {
      i++;
      prev = 'start';
      continue;
    }
    if (REPEAT.has(c)) {
      if (prev === 'start') return fail('missing argument to repetition operator', c);
      if (prev === 'repeat') {
        // `x*?` is a lazy repetition; any other repetition of a repetition is refused.
        if (c === '?' && lastRepeat.length === 1) {
          lastRepeat += c;
          i++;
          continue;
        }
        return fail('invalid nested repetition operator', `${lastRepeat}${c}`);
      }
      prev = 'repeat';
      lastRepeat = c;
      i++;
      continue;
    }
    i++;
    prev = 'operand';
  }
  if (depth > 0) return fail('missing closing )', pattern);
  return undefined;
}
