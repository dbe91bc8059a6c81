// The npm package as a user gets it: packed from the sources the way `npm pack` (and pre-commit's
// install from git) does it, `prepare` building the bundle, then installed into an empty project
// without the network and run with `npx sor-lint`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const scratch = mkdtempSync(path.join(tmpdir(), 'sor-lint-pack-'));
const npm = (args: string[], cwd: string) => spawnSync('npm', [...args, '--cache', path.join(scratch, 'npm-cache'), '--no-audit', '--no-fund', '--no-update-notifier'], { cwd, encoding: 'utf8' });

/** What git would check out: tracked and new files, not ignored ones, no symlinks; dist/ not built. */
function checkoutCopy(target: string): void {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
  for (const file of listed) {
    const source = path.join(root, file);
    const stat = statSync(source, { throwIfNoEntry: false });
    if (!stat?.isFile() || statSync(source).isSymbolicLink()) continue;
    mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
    copyFileSync(source, path.join(target, file));
  }
  // The devDependencies `npm install` would give the build; pre-commit installs them the same way.
  symlinkSync(path.join(root, 'node_modules'), path.join(target, 'node_modules'));
}

function buildIn(checkout: string): void {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: checkout, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}

let tarball: string;
let contents: string[];

beforeAll(() => {
  const source = path.join(scratch, 'source');
  checkoutCopy(source);
  const packed = npm(['pack', '--pack-destination', scratch], source);
  expect(packed.status, packed.stderr).toBe(0);
  tarball = path.join(scratch, readdirSync(scratch).find((name) => name.endsWith('.tgz'))!);
  contents = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((file) => file.replace(/^package\//, ''));
}, 120_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the npm package', () => {
  it('holds the bundle, schemas, docs, README, licence and notices only, well under 1.5 MB', () => {
    const allowed = /^(dist\/(?:cli|cli-import|cli-preview|server|yaml|js-yaml|tinyglobby)\.js|dist\/THIRD-PARTY-LICENSES\.md|schemas\/[\w.-]+\.json|docs\/[\w/.-]+\.md|README\.md|LICENSE|NOTICE\.md|CHANGELOG\.md|package\.json)$/;
    expect(contents.filter((file) => !allowed.test(file))).toEqual([]);
    for (const needed of ['dist/cli.js', 'dist/cli-import.js', 'dist/cli-preview.js', 'dist/server.js', 'dist/yaml.js', 'dist/js-yaml.js', 'dist/tinyglobby.js', 'dist/THIRD-PARTY-LICENSES.md', 'schemas/sor-structure.schema.json', 'schemas/sor-lint-config.schema.json', 'docs/rules/provider-cvr.md', 'docs/ci.md', 'NOTICE.md', 'LICENSE', 'README.md', 'CHANGELOG.md']) {
      expect(contents).toContain(needed);
    }
    expect(statSync(tarball).size).toBeLessThan(1_000_000);
  });

  it('is publishable and needs nothing at run time but the bundle', () => {
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }).stdout);
    expect(manifest.private).toBeUndefined();
    expect(manifest.dependencies ?? {}).toEqual({});
    expect(manifest.bin).toEqual({ 'sor-lint': 'dist/cli.js' });
  });

  it("in a checkout, the README's first command `npx sor-lint examples/` lints the examples (exit code 1), after a clean rebuild too", () => {
    // `npm pack` ran `prepare` in the checkout copy, as `npm ci` does on a fresh machine. npx links
    // the checkout's bin into its cache once; a rebuild from nothing writes dist/ anew afterwards.
    const source = path.join(scratch, 'source');
    const lintExamples = () => spawnSync('npx', ['--offline', '--cache', path.join(scratch, 'npm-cache'), 'sor-lint', '--lang', 'en', 'examples/'], { cwd: source, encoding: 'utf8' });
    for (const run of [lintExamples(), (rmSync(path.join(source, 'dist'), { recursive: true }), buildIn(source), lintExamples())]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('omsorgshuset.sor.yaml');
    }
  });

  it('installs offline into an empty project, and `npx sor-lint` lints a file: exit code 1 and the finding as JSON', () => {
    const project = path.join(scratch, 'project');
    mkdirSync(project);
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'provider-files', private: true }));
    const installed = npm(['install', '--offline', tarball], project);
    expect(installed.status, installed.stderr).toBe(0);
    writeFileSync(path.join(project, 'bad.sor.yaml'), 'provider:\n  name: Omsorgshuset ApS\n  cvr: "29403474"\n');
    const run = spawnSync('npx', ['--offline', 'sor-lint', '--format', 'json', '--lang', 'en', 'bad.sor.yaml'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    const [report] = JSON.parse(run.stdout);
    expect(report.filePath).toBe('bad.sor.yaml');
    expect(report.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('provider-cvr');
    // The subcommands run from bundles of their own.
    const preview = spawnSync('npx', ['--offline', 'sor-lint', 'preview', '--lang', 'en', 'bad.sor.yaml'], { cwd: project, encoding: 'utf8' });
    expect(preview.stdout).toMatch(/^Plejeoverblikket preview\n/);
    // A syntax error (js-yaml, then the `yaml` package's recovery) and a glob load packages from bundles of their own.
    writeFileSync(path.join(project, 'broken.sor.yaml'), 'provider:\n  name: [Omsorgshuset\n  cvr: "29403474"\n');
    const broken = spawnSync('npx', ['--offline', 'sor-lint', '--format', 'json', '--lang', 'en', '*.sor.yaml'], { cwd: project, encoding: 'utf8' });
    expect(broken.status, broken.stderr).toBe(1);
    expect(JSON.parse(broken.stdout).map((report: { filePath: string; findings: { ruleId: string }[] }) => [report.filePath, report.findings.some((finding) => finding.ruleId === 'parse')])).toEqual([
      ['bad.sor.yaml', false],
      ['broken.sor.yaml', true],
    ]);
    const clean = spawnSync('npx', ['--offline', 'sor-lint', '--version'], { cwd: project, encoding: 'utf8' });
    expect(clean.status).toBe(0);
    expect(clean.stdout.trim()).toContain(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version);
  });

  it('installs globally from the packed tarball as pre-commit does (`npm install -g`), and its hook entry runs', () => {
    const prefix = path.join(scratch, 'global');
    const installed = npm(['install', '-g', '--offline', '--prefix', prefix, tarball], scratch);
    expect(installed.status, installed.stderr).toBe(0);
    const hook = readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8');
    const entry = /entry: (\S+)/.exec(hook)![1];
    const file = path.join(scratch, 'ok.sor.json');
    writeFileSync(file, '{ "provider": { "name": "X", "cvr": "29403473" } }');
    const run = spawnSync(path.join(prefix, 'bin', entry), ['--lang', 'en', file], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // A warning only: the hook passes and shows it.
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('no-careunit');
  });
});
