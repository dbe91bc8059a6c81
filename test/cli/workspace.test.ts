// Issue 13, part 1: the files of one run are one workspace (RULES.md). A SOR code that units in two
// files share is reported in both, naming the other file; a provider (CVR) split over files is one
// provider, so its care unit in one file answers `no-careunit` in the other.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { careUnit, providerFile, workspaceFolder } from '../helpers/workspace-files.js';
import { ensureBuilt, jsonReport, ROOT, runCli, summary } from './helpers.js';

beforeAll(ensureBuilt);

const otherUnit = (name: string, code: string, type = 'afsnit') => `  - name: ${name}
    sorId: "${code}"
    unitType: ${type}
`;

// Two providers' files; Plejecenter Birkely in b.sor.yaml was given Østervang's code by mistake.
const A = providerFile('29403473', careUnit('Plejecenter Østervang', '21000016006'));
const B = providerFile('12345674', careUnit('Plejecenter Birkely', '21000016006'), '31000016008');

describe('a SOR code shared by units in two files of a run', () => {
  it('is reported in both files, each naming the unit and the file at the other end, with a related location there', () => {
    const dir = workspaceFolder({ 'providers/a.sor.yaml': A, 'providers/b.sor.yaml': B });
    const run = runCli(['--format', 'json', 'providers'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = jsonReport(run);
    expect(summary(report)).toEqual({ 'providers/a.sor.yaml': ['sor-code@7:12 error'], 'providers/b.sor.yaml': ['sor-code@7:12 error'] });
    const [a, b] = report.map((file) => file.findings[0]);
    expect(a.message).toBe('The SOR code "21000016006" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in providers/b.sor.yaml.');
    expect(a.action).toBe('Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).');
    expect(a.related).toEqual([
      { message: 'The same SOR code on "Plejecenter Birkely" in providers/b.sor.yaml', filePath: 'providers/b.sor.yaml', line: 7, column: 12, endLine: 7, endColumn: 25 },
    ]);
    expect(b.message).toBe('The SOR code "21000016006" of "Plejecenter Birkely" is also used by "Plejecenter Østervang" in providers/a.sor.yaml.');
    expect(b.related).toEqual([
      { message: 'The same SOR code on "Plejecenter Østervang" in providers/a.sor.yaml', filePath: 'providers/a.sor.yaml', line: 7, column: 12, endLine: 7, endColumn: 25 },
    ]);
    // Each file alone is clean: the conflict is between them.
    expect(runCli(['providers/a.sor.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
  });

  it('says so in Danish, and stylish shows it under each file', () => {
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': B });
    const run = runCli(['--lang', 'da', 'a.sor.yaml', 'b.sor.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'a.sor.yaml\n  7:12  fejl  SOR-koden "21000016006" for "Plejecenter Østervang" bruges også af "Plejecenter Birkely" i b.sor.yaml. Ret koden på den enhed, der har fået den forkerte (SOR-browseren viser, hvilken enhed den hører til).  sor-code\n',
    );
    expect(run.stdout).toContain('b.sor.yaml\n  7:12  fejl  SOR-koden "21000016006" for "Plejecenter Birkely" bruges også af "Plejecenter Østervang" i a.sor.yaml.');
  });

  it('names every other file, and the in-file duplicate stays its own finding', () => {
    const C = providerFile('29403473', otherUnit('Afsnit Ask', '21000016006') + otherUnit('Afsnit Eg', '21000016006'), '41000016001');
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': B, 'c.sor.yaml': C });
    const [a, , c] = jsonReport(runCli(['--format', 'json', '.'], { cwd: dir }));
    expect(a.findings.map((f) => f.message)).toEqual([
      'The SOR code "21000016006" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in b.sor.yaml, "Afsnit Ask" in c.sor.yaml, "Afsnit Eg" in c.sor.yaml.',
    ]);
    expect(a.findings[0].related.map((r) => `${r.filePath}:${r.line}`)).toEqual(['b.sor.yaml:7', 'c.sor.yaml:7', 'c.sor.yaml:10']);
    expect(c.findings.map((f) => [f.line, f.message])).toEqual([
      [7, 'The SOR code "21000016006" of "Afsnit Ask" is also used by "Afsnit Eg" in this file.'],
      [7, 'The SOR code "21000016006" of "Afsnit Ask" is also used by "Plejecenter Østervang" in a.sor.yaml, "Plejecenter Birkely" in b.sor.yaml.'],
      [10, 'The SOR code "21000016006" of "Afsnit Eg" is also used by "Afsnit Ask" in this file.'],
      [10, 'The SOR code "21000016006" of "Afsnit Eg" is also used by "Plejecenter Østervang" in a.sor.yaml, "Plejecenter Birkely" in b.sor.yaml.'],
    ]);
  });

  it('is no conflict for a provider split over files: the same CVR repeats its own code', () => {
    const first = providerFile('29403473', careUnit('Plejecenter Østervang', '21000016006'));
    const second = providerFile('29403473', careUnit('Plejecenter Birkely', '11000016002'));
    const dir = workspaceFolder({ 'a.sor.yaml': first, 'b.sor.yaml': second });
    expect(runCli(['a.sor.yaml', 'b.sor.yaml'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
    // Another provider (CVR) with that code is one.
    writeFileSync(join(dir, 'b.sor.yaml'), second.replace('29403473', '12345674'));
    expect(summary(jsonReport(runCli(['--format', 'json', 'a.sor.yaml', 'b.sor.yaml'], { cwd: dir })))).toEqual({
      'a.sor.yaml': ['sor-code@4:10 error'],
      'b.sor.yaml': ['sor-code@4:10 error'],
    });
  });

  it("goes through each file's configuration and suppression comments", () => {
    const suppressed = A.replace('    sorId: "21000016006"', '    # sor-lint-disable-next-line sor-code -- Birkely is being corrected in SOR\n    sorId: "21000016006"');
    const dir = workspaceFolder({ 'a.sor.yaml': suppressed, 'quiet/b.sor.yaml': B, 'quiet/.sor-lint.json': '{ "rules": { "sor-code": "warning" } }' });
    const run = runCli(['--format', 'json', '--report-unused-disable-directives', '.'], { cwd: dir });
    expect(summary(jsonReport(run))).toEqual({ 'a.sor.yaml': [], 'quiet/b.sor.yaml': ['sor-code@7:12 warning'] });
    expect(run.code).toBe(0);
  });

  it('takes standard input named as a file of the run for that file, not for a second one sharing its codes', () => {
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': B });
    const run = runCli(['--format', 'json', '--stdin-filename', 'a.sor.yaml', '-', 'a.sor.yaml', 'b.sor.yaml'], { cwd: dir, input: A });
    expect(jsonReport(run).map((file) => [file.filePath, file.findings.length])).toEqual([
      ['a.sor.yaml', 1],
      ['a.sor.yaml', 0],
      ['b.sor.yaml', 1],
    ]);
    expect(jsonReport(run).map((file) => file.findings[0]?.message)).toEqual([
      'The SOR code "21000016006" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in b.sor.yaml.',
      undefined,
      'The SOR code "21000016006" of "Plejecenter Birkely" is also used by "Plejecenter Østervang" in a.sor.yaml.',
    ]);
  });

  it('shows the other file in SARIF: the related location is in its artifact', () => {
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': B });
    const log = JSON.parse(runCli(['--format', 'sarif', '.'], { cwd: dir }).stdout);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    ajv.addFormat('uri-reference', /^\S*$/);
    const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results;
    expect(results.map((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri)).toEqual(['a.sor.yaml', 'b.sor.yaml']);
    expect(results[0].relatedLocations).toEqual([
      {
        id: 0,
        physicalLocation: { artifactLocation: { uri: 'b.sor.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 12, endLine: 7, endColumn: 25 } },
        message: { text: 'The same SOR code on "Plejecenter Birkely" in b.sor.yaml' },
      },
    ]);
    expect(results[1].relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('a.sor.yaml');
  });

  it('stays right with --cache: an unchanged clean file is reported when its partner changes to share its code, and clean again after', () => {
    const clean = providerFile('12345674', careUnit('Plejecenter Birkely', '11000016002'), '31000016008');
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': clean });
    const args = ['--cache', '--format', 'json', 'a.sor.yaml', 'b.sor.yaml'];
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    expect(runCli(args, { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'b.sor.yaml'), B);
    const conflict = runCli(args, { cwd: dir });
    expect(summary(jsonReport(conflict))).toEqual({ 'a.sor.yaml': ['sor-code@7:12 error'], 'b.sor.yaml': ['sor-code@7:12 error'] });
    expect(jsonReport(conflict)[0].findings[0].message).toContain('"Plejecenter Birkely" in b.sor.yaml');
    // Both unchanged since: still reported.
    expect(summary(jsonReport(runCli(args, { cwd: dir })))).toEqual({ 'a.sor.yaml': ['sor-code@7:12 error'], 'b.sor.yaml': ['sor-code@7:12 error'] });
    writeFileSync(join(dir, 'b.sor.yaml'), clean);
    expect(runCli(args, { cwd: dir })).toMatchObject({ code: 0 });
    expect(summary(jsonReport(runCli(args, { cwd: dir })))).toEqual({ 'a.sor.yaml': [], 'b.sor.yaml': [] });
  });

  it('leaves --fix as it was: the safe fixes are written and the conflict is still reported', () => {
    const bare = B.replace('    website: https://omsorgshuset.dk', '    website: omsorgshuset.dk');
    const dir = workspaceFolder({ 'a.sor.yaml': A, 'b.sor.yaml': bare });
    const run = runCli(['--fix', '--format', 'json', '.'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'b.sor.yaml'), 'utf8')).toBe(B);
    expect(readFileSync(join(dir, 'a.sor.yaml'), 'utf8')).toBe(A);
    expect(summary(jsonReport(run))).toEqual({ 'a.sor.yaml': ['sor-code@7:12 error'], 'b.sor.yaml': ['sor-code@7:12 error'] });
  });
});

describe('a provider (CVR) split over files', () => {
  // The provider's nursing home in one file, its care unit in another.
  const homes = providerFile('29403473', otherUnit('Plejehjemmet Solgården', '11000016002', 'plejehjem').replace('plejehjem\n', 'plejehjem\n    careUnit: false\n'));
  const care = providerFile('29403473', careUnit('Plejecenter Østervang', '21000016006'));

  it('is one provider for no-careunit: its care unit in another file answers it', () => {
    const dir = workspaceFolder({ 'homes.sor.yaml': homes, 'care.sor.yaml': care });
    expect(summary(jsonReport(runCli(['--format', 'json', 'homes.sor.yaml'], { cwd: dir })))).toEqual({ 'homes.sor.yaml': ['no-careunit@2:3 warning'] });
    const together = runCli(['--format', 'json', '--max-warnings', '0', 'homes.sor.yaml', 'care.sor.yaml'], { cwd: dir });
    expect(summary(jsonReport(together))).toEqual({ 'homes.sor.yaml': [], 'care.sor.yaml': [] });
    expect(together.code).toBe(0);
  });

  it('is not answered by another provider (another CVR) or a closed care unit', () => {
    const other = care.replace('29403473', '12345674').replace('698481000016007', '31000016008');
    const closed = care.replace('    unitType: plejeenhed\n', '    unitType: plejeenhed\n    toDate: "2020-01-01"\n');
    const dir = workspaceFolder({ 'homes.sor.yaml': homes, 'other.sor.yaml': other, 'closed.sor.yaml': closed });
    expect(summary(jsonReport(runCli(['--format', 'json', 'homes.sor.yaml', 'other.sor.yaml'], { cwd: dir })))['homes.sor.yaml']).toEqual(['no-careunit@2:3 warning']);
    const withClosed = summary(jsonReport(runCli(['--format', 'json', 'homes.sor.yaml', 'closed.sor.yaml'], { cwd: dir })));
    expect(withClosed['homes.sor.yaml']).toEqual(['no-careunit@2:3 warning']);
    expect(withClosed['closed.sor.yaml']).toEqual(['no-careunit@2:3 warning']);
  });
});
