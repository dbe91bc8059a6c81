// The configuration's glob matcher reads the globs users write as picomatch (with `dot: true`) did,
// without its regular expressions' backtracking.
import picomatch from 'picomatch';
import { describe, expect, it } from 'vitest';
import { globMatcher } from '../../server/src/config/glob.js';

const PATTERNS = [
  'drafts',
  '*.draft.sor.yaml',
  '*.sor.{yaml,yml}',
  'legacy/**',
  'legacy/**/*.sor.yaml',
  '**/old/*.json',
  'a?c.sor.yaml',
  '[ab]*.sor.yaml',
  '[^a]*.sor.yaml',
  '[a-c]x.json',
  'team/*/retype.sor.yaml',
  '.hidden*',
  'x\\*y',
  '{a,b{c,d}}.yaml',
  '*a*a*a*b*',
];

const PATHS = [
  'drafts',
  'x.draft.sor.yaml',
  'a.sor.yaml',
  'a.sor.yml',
  'a.sor.json',
  'legacy/a.sor.yaml',
  'legacy/deep/a.sor.yaml',
  'legacy',
  'old/a.json',
  'x/old/a.json',
  'x/y/old/a.json',
  'abc.sor.yaml',
  'ac.sor.yaml',
  'bx.sor.yaml',
  'cx.json',
  'dx.json',
  'team/strict/retype.sor.yaml',
  'team/retype.sor.yaml',
  '.hidden-file',
  'x*y',
  'xzy',
  'a.yaml',
  'bd.yaml',
  'b.yaml',
  'aaab',
  'aaaa',
];

describe('globMatcher', () => {
  it.each(PATTERNS)('%s matches the paths picomatch matches', (pattern) => {
    const ours = globMatcher([pattern]);
    const theirs = picomatch(pattern, { dot: true });
    expect(PATHS.filter(ours)).toEqual(PATHS.filter((path) => theirs(path)));
  });

  it('reads `[!a]` as POSIX does, like `[^a]` (picomatch reads it otherwise)', () => {
    expect(PATHS.filter(globMatcher(['[!a]*.sor.yaml']))).toEqual(PATHS.filter(globMatcher(['[^a]*.sor.yaml'])));
    expect(globMatcher(['[!a]*.sor.yaml'])('bx.sor.yaml')).toBe(true);
  });
});
