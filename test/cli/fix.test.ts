import { chmodSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../server/src/cli/diff.js';
import { copyFixtures, ensureBuilt, FIXTURES, jsonReport, runCli } from './helpers.js';

beforeAll(ensureBuilt);

const fixable = readFileSync(join(FIXTURES, 'basic/fixable.sor.yaml'), 'utf8');

describe('--fix', () => {
  it('applies the safe fixes in place, keeping CRLF, BOM, comments and the file mode', () => {
    const dir = copyFixtures('basic');
    const file = join(dir, 'fixable.sor.yaml');
    writeFileSync(file, '\uFEFF' + fixable.replace(/\n/g, '\r\n'));
    chmodSync(file, 0o640);
    const result = runCli(['--fix', 'fixable.sor.yaml'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: '', stderr: '' });
    const after = readFileSync(file, 'utf8');
    expect(after.charCodeAt(0)).toBe(0xfeff);
    expect(after.match(/\r\n/g)?.length).toBe(after.match(/\n/g)?.length);
    const lines = after.slice(1).split('\r\n');
    expect(lines[23]).toBe('    phone: "86 12 00 00"   # the front desk');
    expect(lines[25]).toMatch(/^ {4}website: "?https:\/\/laerkehoej\.dk"?$/);
    // Nothing else changed: the comment lines and every other line are as they were.
    const before = fixable.split('\n');
    expect(lines.filter((_, i) => i !== 23 && i !== 25)).toEqual(before.filter((_, i) => i !== 23 && i !== 25));
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // Linting the fixed file finds nothing and it still parses.
    expect(jsonReport(runCli(['--format', 'json', 'fixable.sor.yaml'], { cwd: dir }))[0].findings).toEqual([]);
  });

  it('leaves a file with a syntax error alone and reports it, while fixing the others', () => {
    const dir = copyFixtures('basic');
    const broken = readFileSync(join(dir, 'broken.sor.yaml'));
    const result = runCli(['--fix', '--format', 'json', 'broken.sor.yaml', 'fixable.sor.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'broken.sor.yaml')).equals(broken)).toBe(true);
    const [brokenReport, fixedReport] = jsonReport(result);
    // The unclosed list cut short by the error is no schema finding (issue 9, item 19).
    expect(brokenReport.findings.map((f) => f.ruleId)).toEqual(['contact-format', 'parse']);
    expect(brokenReport.findings[0].fixable).toBe(true);
    expect(fixedReport.findings).toEqual([]);
    expect(readFileSync(join(dir, 'fixable.sor.yaml'), 'utf8')).not.toBe(fixable);
  });

  it('reports what is left after fixing', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'mixed.sor.yaml'), fixable.replace('cvr: "29403473"', 'cvr: "29403474"'));
    const result = runCli(['--fix', '--format', 'json', 'mixed.sor.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(jsonReport(result)[0].findings.map((f) => `${f.ruleId}@${f.line}:${f.column}`)).toEqual(['provider-cvr@4:8']);
  });

  it.each([
    ['|-  # keep me', ['    website: |-  # keep me', '      https://laerkehoej.dk']],
    ['>-   # keep me too', ['    website: >-   # keep me too', '      https://laerkehoej.dk']],
    // A kept final line break is part of the value: the fixed value is written quoted instead.
    ['|  # keep me', ['    website: "https://laerkehoej.dk"  # keep me']],
    ['>+', ['    website: "https://laerkehoej.dk"']],
  ])('fixes a block scalar (%s) keeping the comment on its header', (header, expected) => {
    const dir = copyFixtures('basic');
    const file = join(dir, 'block.sor.yaml');
    writeFileSync(file, fixable.replace('    website: laerkehoej.dk\n', `    website: ${header}\n      laerkehoej.dk\n    # after the block\n`));
    expect(runCli(['--fix', 'block.sor.yaml'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n').slice(25)).toEqual([...expected, '    # after the block', '']);
    expect(jsonReport(runCli(['--format', 'json', 'block.sor.yaml'], { cwd: dir }))[0].findings).toEqual([]);
  });

  it('refuses to write to standard input', () => {
    expect(runCli(['--fix', '-'], { input: fixable })).toMatchObject({ code: 2, stderr: 'sor-lint: --fix cannot write back to standard input: use --fix-dry-run to see the fixes\n' });
  });
});

describe('--fix-type', () => {
  const retype = readFileSync(join(FIXTURES, 'basic/retype.sor.yaml'), 'utf8');
  /** The retype fixture with a phone to reformat (a safe fix) beside the plejehjem to retype (a suggestion). */
  const both = retype.replace('phone: "+45 86 12 00 00"', 'phone: "86-12-00-00"');

  function fixWith(args: string[]): { code: number | null; text: string } {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'both.sor.yaml'), both);
    const result = runCli(['--fix', ...args, '--format', 'json', 'both.sor.yaml'], { cwd: dir });
    return { code: result.code, text: readFileSync(join(dir, 'both.sor.yaml'), 'utf8') };
  }

  it('applies safe fixes only by default', () => {
    const { text } = fixWith([]);
    expect(text).toBe(both.replace('phone: "86-12-00-00"', 'phone: "86 12 00 00"'));
  });

  it('applies suggestions only when asked, alone or with the safe fixes (ESLint\'s comma list, repeatable)', () => {
    const retyped = (text: string) => text.replace('    unitType: plejehjem\n', '    unitType: plejeenhed\n');
    expect(fixWith(['--fix-type', 'suggestion']).text).toBe(retyped(both));
    const all = retyped(both.replace('phone: "86-12-00-00"', 'phone: "86 12 00 00"'));
    expect(fixWith(['--fix-type', 'safe,suggestion']).text).toBe(all);
    expect(fixWith(['--fix-type', 'suggestion', '--fix-type', 'safe']).text).toBe(all);
    expect(fixWith(['--fix-type', 'safe']).text).toBe(fixWith([]).text);
  });

  it('shows the suggestions in --fix-dry-run\'s diff', () => {
    const result = runCli(['--fix-dry-run', '--fix-type', 'suggestion', 'basic/retype.sor.yaml']);
    expect(result.stdout).toContain('-    unitType: plejehjem\n+    unitType: plejeenhed\n');
  });

  it('is an error with an unknown type or without --fix, in Danish too', () => {
    expect(runCli(['--fix', '--fix-type', 'layout', 'basic/retype.sor.yaml'])).toMatchObject({ code: 2, stderr: 'sor-lint: --fix-type takes safe or suggestion, not "layout"\n' });
    expect(runCli(['--lang', 'da', '--fix', '--fix-type', 'safe,', 'basic/retype.sor.yaml'])).toMatchObject({ code: 2, stderr: 'sor-lint: --fix-type tager safe eller suggestion, ikke ""\n' });
    expect(runCli(['--fix-type', 'suggestion', 'basic/retype.sor.yaml'])).toMatchObject({ code: 2, stderr: 'sor-lint: --fix-type needs --fix or --fix-dry-run\n' });
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff per changed file and writes nothing', () => {
    const dir = copyFixtures('basic');
    const result = runCli(['--fix-dry-run', 'fixable.sor.yaml', 'clean.sor.yaml', 'broken.sor.yaml'], { cwd: dir });
    const lines = fixable.split('\n');
    const website = /^ {4}website: .*$/m.exec(result.stdout.split('\n').filter((l) => l.startsWith('+')).join('\n').replace(/^\+/gm, ''));
    expect(website?.[0]).toMatch(/https:\/\/laerkehoej\.dk/);
    expect(result.stdout.startsWith(
      [
        '--- a/fixable.sor.yaml',
        '+++ b/fixable.sor.yaml',
        '@@ -21,6 +21,6 @@',
        ...lines.slice(20, 23).map((l) => ' ' + l),
        '-' + lines[23],
        '+    phone: "86 12 00 00"   # the front desk',
        ' ' + lines[24],
        '-' + lines[25],
        '+' + website![0],
        '',
      ].join('\n'),
    )).toBe(true);
    // Then the report of what is left: the broken file's findings.
    expect(result.stdout).toContain('broken.sor.yaml\n');
    expect(result.stdout).not.toContain('--- a/broken.sor.yaml');
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'fixable.sor.yaml'), 'utf8')).toBe(fixable);
  });

  it('diffs standard input too', () => {
    const result = runCli(['--fix-dry-run', '--stdin-filename', 'basic/x.sor.yaml', '-'], { input: fixable });
    expect(result.stdout.split('\n').slice(0, 3)).toEqual(['--- a/basic/x.sor.yaml', '+++ b/basic/x.sor.yaml', '@@ -21,6 +21,6 @@']);
    expect(result.code).toBe(0);
  });

  it('refuses a non-stylish report on stdout, which the diff would corrupt', () => {
    expect(runCli(['--fix-dry-run', '-f', 'json', 'basic/fixable.sor.yaml']).code).toBe(2);
  });
});

describe('unifiedDiff', () => {
  it('makes separate hunks for far-apart changes, with 3 lines of context', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const after = before.replace('line 2\n', 'line two\n').replace('line 18\n', '').replace('line 20\n', 'line 20\nline 21\n');
    expect(unifiedDiff(before, after, 'a/f', 'b/f')).toBe(
      [
        '--- a/f',
        '+++ b/f',
        '@@ -1,5 +1,5 @@',
        ' line 1',
        '-line 2',
        '+line two',
        ' line 3',
        ' line 4',
        ' line 5',
        '@@ -15,6 +15,6 @@',
        ' line 15',
        ' line 16',
        ' line 17',
        '-line 18',
        ' line 19',
        ' line 20',
        '+line 21',
        '',
      ].join('\n'),
    );
  });

  it('is empty for equal texts and counts an empty side as 0 lines', () => {
    expect(unifiedDiff('a\r\nb\r\n', 'a\nb\n', 'x', 'y')).toBe('');
    expect(unifiedDiff('', 'new\n', 'x', 'y')).toBe('--- x\n+++ y\n@@ -0,0 +1,1 @@\n+new\n');
  });
});
