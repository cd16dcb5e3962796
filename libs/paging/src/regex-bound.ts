/**
 * Bounds on a `$regex` a client sends in `query`. The pattern runs in the database against stored text, so a
 * pattern that backtracks catastrophically (`(a+)+$`, `(a|a)*x`, `(.*){20}`, `(a?){30}a{30}`) or polynomially
 * (`.*.*.*.*x`) would hold a database thread for as long as the text is long. Refused: anything but a string, more
 * than `MAX_REGEX_LENGTH` characters, a NUL byte (MongoDB keeps patterns as C strings), a pattern JavaScript
 * cannot compile, back-references, a repeated group that itself repeats or alternates, and more than
 * `MAX_VARIABLE_QUANTIFIERS` quantifiers that leave the matcher a choice (`?`, `*`, `+`, `{n,m}`). What is left
 * backtracks over at most that many choices, so it matches in time polynomial of low degree in the text.
 */
export const MAX_REGEX_LENGTH = 256;
export const MAX_VARIABLE_QUANTIFIERS = 3;

/** `$options` MongoDB and JavaScript read alike (`x`, extended syntax, changes what a pattern means there only). */
const REGEX_OPTIONS = /^[ims]*$/;

interface Group {
  repeats: boolean;
  alternates: boolean;
}

/** Why a `$regex` value is refused, or `undefined` when it is bounded. */
export function regexRefusal(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string') {
    return '$regex expects a string';
  }
  if (pattern.length > MAX_REGEX_LENGTH) {
    return `$regex is longer than ${MAX_REGEX_LENGTH} characters`;
  }
  if (pattern.includes('\u0000')) {
    return '$regex contains a NUL byte';
  }
  try {
    new RegExp(pattern);
  } catch {
    return 'Invalid $regex';
  }
  return structureRefusal(pattern);
}

export function regexOptionsRefusal(options: unknown): string | undefined {
  return typeof options === 'string' && REGEX_OPTIONS.test(options) ? undefined : 'Invalid $options';
}

/**
 * The quantifier starting at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`): its length, whether it repeats, and
 * whether it leaves the matcher a choice (all but `{n}`).
 */
function quantifierAt(pattern: string, i: number): { length: number; repeats: boolean; variable: boolean } | undefined {
  const c = pattern[i];
  if (c === '*' || c === '+') {
    return { length: pattern[i + 1] === '?' ? 2 : 1, repeats: true, variable: true };
  }
  if (c === '?') {
    return { length: pattern[i + 1] === '?' ? 2 : 1, repeats: false, variable: true };
  }
  const m = c === '{' ? /^\{(\d+)(,(\d*))?\}\??/.exec(pattern.slice(i)) : null;
  if (!m) {
    return undefined;
  }
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { length: m[0].length, repeats: max > 1, variable: max !== Number(m[1]) };
}

function structureRefusal(pattern: string): string | undefined {
  const stack: Group[] = [{ repeats: false, alternates: false }];
  let variable = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    let atomEnd = i + 1;
    if (c === '\\') {
      if (/[1-9k]/.test(pattern[i + 1] ?? '')) {
        return '$regex may not use back-references';
      }
      atomEnd = i + 2;
    } else if (c === '[') {
      let j = i + 1;
      while (j < pattern.length && pattern[j] !== ']') {
        j += pattern[j] === '\\' ? 2 : 1;
      }
      atomEnd = j + 1;
    } else if (c === '(') {
      stack.push({ repeats: false, alternates: false });
      continue;
    } else if (c === '|') {
      stack[stack.length - 1].alternates = true;
      continue;
    } else if (c === ')') {
      const group = stack.pop()!;
      const q = quantifierAt(pattern, i + 1);
      if (q?.repeats && (group.repeats || group.alternates)) {
        return '$regex may not repeat a group that repeats or alternates';
      }
      const parent = stack[stack.length - 1];
      parent.repeats ||= group.repeats || !!q?.repeats || !!q;
      variable += q?.variable ? 1 : 0;
      i += q?.length ?? 0;
      continue;
    }
    const q = quantifierAt(pattern, atomEnd);
    if (q) {
      stack[stack.length - 1].repeats = true;
      variable += q.variable ? 1 : 0;
    }
    i = atomEnd - 1 + (q?.length ?? 0);
  }
  return variable > MAX_VARIABLE_QUANTIFIERS
    ? `$regex may use at most ${MAX_VARIABLE_QUANTIFIERS} quantifiers other than {n}`
    : undefined;
}
