// Globs for `ignorePatterns` and `overrides[].files`, matched in time linear in the path's length
// (for a given pattern). A glob compiled to a regular expression, as picomatch does, backtracks
// exponentially on `*a*a*…*b*` against a long name; here a segment is matched by the two-pointer
// wildcard walk, which on a mismatch goes back to the last `*` only, and a path's segments by the
// same walk with `**` as the star.
//
// Supported: `*` and `?` (never across `/`), `**` as a whole segment (any number of folders),
// `[abc]`, `[a-z]`, `[!a]` / `[^a]`, `{a,b}`, and `\` before a character to take it literally.
// A dot file is matched like any other (picomatch's `dot: true`).

type Atom = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; char: string } | { kind: 'class'; negated: boolean; ranges: [string, string][] };
type Segment = { kind: 'globstar' } | { kind: 'atoms'; atoms: Atom[] };

/** Brace expansions one pattern may produce: `{a,b}{c,d}…` beyond this is a mistake, not a glob. */
const MAX_EXPANSIONS = 256;

/** A test of posix paths (relative, `/`-separated) against any of `patterns`. */
export function globMatcher(patterns: readonly string[]): (path: string) => boolean {
  const compiled = patterns.flatMap((pattern) => expandBraces(pattern).map(compile));
  return (path) => {
    const parts = path.split('/');
    return compiled.some((segments) => walk(segments, parts, (segment) => segment.kind === 'globstar', matchesSegment));
  };
}

function compile(pattern: string): Segment[] {
  const trimmed = pattern.replace(/^(\.\/)+/, '').replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed.split('/').map((part): Segment => (part === '**' ? { kind: 'globstar' } : { kind: 'atoms', atoms: atomsOf(part) }));
}

function atomsOf(part: string): Atom[] {
  const atoms: Atom[] = [];
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\' && i + 1 < part.length) atoms.push({ kind: 'char', char: part[++i] });
    else if (c === '*') {
      // `**` inside a segment is a `*`; consecutive stars are one.
      if (atoms.at(-1)?.kind !== 'star') atoms.push({ kind: 'star' });
    } else if (c === '?') atoms.push({ kind: 'one' });
    else if (c === '[') {
      const parsed = characterClass(part, i);
      if (parsed) {
        atoms.push(parsed.atom);
        i = parsed.end;
      } else atoms.push({ kind: 'char', char: c });
    } else atoms.push({ kind: 'char', char: c });
  }
  return atoms;
}

/** `[…]` starting at `start`, or undefined when it is not closed (then `[` is literal). */
function characterClass(part: string, start: number): { atom: Atom; end: number } | undefined {
  let i = start + 1;
  const negated = part[i] === '!' || part[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  for (let first = true; i < part.length; i++, first = false) {
    if (part[i] === ']' && !first) return { atom: { kind: 'class', negated, ranges }, end: i };
    let low = part[i];
    if (low === '\\' && i + 1 < part.length) low = part[++i];
    if (part[i + 1] === '-' && i + 2 < part.length && part[i + 2] !== ']') {
      let high = part[i + 2];
      i += 2;
      if (high === '\\' && i + 1 < part.length) high = part[++i];
      ranges.push([low, high]);
    } else ranges.push([low, low]);
  }
  return undefined;
}

/** `a{b,c}d` → `abd`, `acd`; nested braces too. A brace without a comma is literal. */
function expandBraces(pattern: string): string[] {
  const open = topLevelBrace(pattern);
  if (!open) return [pattern];
  const { start, end, alternatives } = open;
  const results: string[] = [];
  for (const alternative of alternatives) {
    for (const expanded of expandBraces(pattern.slice(0, start) + alternative + pattern.slice(end + 1))) {
      results.push(expanded);
      if (results.length >= MAX_EXPANSIONS) return results;
    }
  }
  return results;
}

function topLevelBrace(pattern: string): { start: number; end: number; alternatives: string[] } | undefined {
  for (let start = pattern.indexOf('{'); start >= 0; start = pattern.indexOf('{', start + 1)) {
    if (pattern[start - 1] === '\\') continue;
    let depth = 0;
    const commas: number[] = [];
    for (let i = start; i < pattern.length; i++) {
      const c = pattern[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === ',' && depth === 1) commas.push(i);
      else if (c === '}' && --depth === 0) {
        if (commas.length === 0) break;
        const cuts = [start, ...commas, i];
        return { start, end: i, alternatives: cuts.slice(1).map((cut, k) => pattern.slice(cuts[k] + 1, cut)) };
      }
    }
  }
  return undefined;
}

function matchesSegment(segment: Segment, part: string): boolean {
  if (segment.kind === 'globstar') return true;
  return walk(segment.atoms, [...part], (atom) => atom.kind === 'star', matchesChar);
}

function matchesChar(atom: Atom, char: string): boolean {
  switch (atom.kind) {
    case 'star':
    case 'one':
      return true;
    case 'char':
      return atom.char === char;
    case 'class':
      return atom.ranges.some(([low, high]) => char >= low && char <= high) !== atom.negated;
  }
}

/**
 * Wildcard matching of `items` against `pattern`, where a star matches any run of items and every
 * other element one item it `matches`. On a mismatch only the most recent star takes one more item,
 * which is enough (an earlier star could not do better) and keeps the walk at O(items × pattern).
 */
function walk<P, T>(pattern: readonly P[], items: readonly T[], isStar: (element: P) => boolean, matches: (element: P, item: T) => boolean): boolean {
  let p = 0;
  let t = 0;
  let starAt = -1;
  let starItem = 0;
  while (t < items.length) {
    if (p < pattern.length && isStar(pattern[p])) {
      starAt = p++;
      starItem = t;
    } else if (p < pattern.length && matches(pattern[p], items[t])) {
      p++;
      t++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++starItem;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p])) p++;
  return p === pattern.length;
}
