import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { ruleDocUrl } from '../../server/src/core/docs.js';
import { applyEdits } from '../../server/src/core/edits.js';
import { LineIndex } from '../../server/src/core/lines.js';
import { allRules } from '../../server/src/rules/index.js';
import { escapeData, escapeProperty } from '../../server/src/cli/formatters/github.js';
import { run } from '../../server/src/cli/run.js';
import { copyFixtures, ensureBuilt, FIXTURES, jsonReport, ROOT, runCli } from './helpers.js';

beforeAll(ensureBuilt);

const read = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

/** The text a 1-based, UTF-16 range covers, read back from the file's lines. */
function textAt(text: string, f: { line: number; column: number; endLine: number; endColumn: number }): string {
  const lines = new LineIndex(text);
  const start = lines.offsetAt({ line: f.line - 1, character: f.column - 1 });
  const end = lines.offsetAt({ line: f.endLine - 1, character: f.endColumn - 1 });
  return text.slice(start, end);
}

describe('--format json', () => {
  it('has the shape CLI.md gives, grown by action, docsUrl and related; 1-based positions, and fixable', () => {
    const result = runCli(['--format', 'json', 'basic/errors.sor.yaml', 'basic/clean.sor.yaml']);
    expect(result.code).toBe(1);
    const report = jsonReport(result);
    expect(report.map((file) => Object.keys(file))).toEqual([
      ['filePath', 'findings'],
      ['filePath', 'findings'],
    ]);
    expect(report.map((file) => file.filePath)).toEqual(['basic/errors.sor.yaml', 'basic/clean.sor.yaml']);
    expect(report[1].findings).toEqual([]);
    const [cvr, unknownKey] = report[0].findings;
    expect(Object.keys(cvr)).toEqual(['ruleId', 'severity', 'message', 'action', 'docsUrl', 'line', 'column', 'endLine', 'endColumn', 'fixable', 'related']);
    expect(cvr.related).toEqual([]);
    expect(report[0].findings).toHaveLength(2);
    expect([cvr.ruleId, cvr.severity, cvr.line, cvr.column, cvr.fixable]).toEqual(['provider-cvr', 'error', 4, 8, false]);
    expect(textAt(read('basic/errors.sor.yaml'), cvr)).toBe('"29403474"');
    expect(cvr.message).toBe('The CVR number "29403474" of "Omsorgshuset ApS" fails the modulus-11 check, so a digit is almost certainly wrong.');
    expect(cvr.action).toBe('Look the company up in the CVR register (datacvr.virk.dk) and correct the number.');
    expect(cvr.docsUrl).toBe(ruleDocUrl('provider-cvr'));
    expect([unknownKey.ruleId, unknownKey.line, unknownKey.column]).toEqual(['schema', 5, 3]);
    expect(textAt(read('basic/errors.sor.yaml'), unknownKey)).toBe('colour');
    expect(result.stderr).toBe('');
  });

  it('counts columns in UTF-16 code units and marks findings with a safe fix fixable', () => {
    const text = read('basic/clean.sor.yaml') + '  - { name: "Ø🏠 Solgården", sorId: "11000016002", unitType: plejehjem }\n';
    const result = runCli(['--format', 'json', '--stdin-filename', 'basic/emoji.sor.yaml', '-'], { input: text });
    const [file] = jsonReport(result);
    expect(file.filePath).toBe('basic/emoji.sor.yaml');
    const retype = file.findings.find((f) => f.ruleId === 'plejehjem-retype')!;
    const line = text.split('\n')[retype.line - 1];
    expect(retype.column).toBe(line.indexOf('plejehjem') + 1);
    expect(textAt(text, retype)).toBe('plejehjem');
    const fixable = jsonReport(runCli(['--format', 'json', 'basic/fixable.sor.yaml']))[0].findings;
    expect(fixable.map((f) => [f.ruleId, textAt(read('basic/fixable.sor.yaml'), f), f.fixable])).toEqual([
      ['contact-format', '"86-12-00-00"', true],
      ['contact-format', 'laerkehoej.dk', true],
    ]);
  });
});

describe('positions in a file of many short lines', () => {
  it('gives a finding its line and column before and after 3,000 comment lines, with LF and with CRLF', () => {
    const comments = (eol: string) => ('#' + eol).repeat(3000);
    for (const eol of ['\n', '\r\n']) {
      const errors = read('basic/errors.sor.yaml').replace(/\r?\n/g, eol);
      for (const [text, line] of [
        [comments(eol) + errors, 3004],
        [errors + comments(eol), 4],
      ] as const) {
        const result = runCli(['--format', 'json', '--stdin-filename', 'basic/long.sor.yaml', '-'], { input: text });
        const cvr = jsonReport(result)[0].findings.find((f) => f.ruleId === 'provider-cvr')!;
        expect([cvr.line, cvr.column, cvr.endLine, cvr.endColumn], JSON.stringify(eol)).toEqual([line, 8, line, 18]);
        expect(textAt(text, cvr)).toBe('"29403474"');
      }
    }
  });
});

describe('--format stylish', () => {
  it('groups by file with line:col, severity, message and rule, then an English summary', () => {
    const result = runCli(['basic/retype.sor.yaml', 'basic/errors.sor.yaml']);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('basic/retype.sor.yaml');
    // The message, then the action: both on the finding's line.
    expect(lines[1]).toMatch(/^ {2}29:15 {2}warning {2}Unit "[^"]+" is typed plejehjem .+\. If it is, change its type to plejeenhed; if not, record careUnit: false\. {2}plejehjem-retype$/);
    expect(lines[3]).toBe('basic/errors.sor.yaml');
    expect(lines[4]).toBe(
      '  4:8  error  The CVR number "29403474" of "Omsorgshuset ApS" fails the modulus-11 check, so a digit is almost certainly wrong. Look the company up in the CVR register (datacvr.virk.dk) and correct the number.  provider-cvr',
    );
    expect(lines[5]).toMatch(/^ {2}5:3 {2}error {2}.+ {2}schema$/);
    expect(lines.slice(7)).toEqual(['✖ 3 problems (2 errors, 1 warning)', '']);
    expect(result.stdout).not.toContain('\x1b[');
  });

  it('speaks Danish with --lang da, in the messages and in its own words', () => {
    const result = runCli(['--lang', 'da', 'basic/fixable.sor.yaml']);
    expect(result.stdout).toContain('  24:12  fejl  ');
    expect(result.stdout).toContain('✖ 2 problemer (2 fejl, 0 advarsler)\n2 af dem kan rettes automatisk med --fix.\n');
    expect(runCli(['basic/fixable.sor.yaml'], { env: { LANG: 'da_DK.UTF-8' } }).stdout).toContain('✖ 2 problemer');
  });

  it('colours only a terminal, and not with --no-color or NO_COLOR', async () => {
    const colourOf = async (argv: string[], env: NodeJS.ProcessEnv) => {
      let out = '';
      await run([...argv, join(FIXTURES, 'basic/errors.sor.yaml')], {
        cwd: ROOT,
        env,
        stdout: { isTTY: true, write: (text: string) => (out += text) },
        stderr: { write: () => true },
        readStdin: async () => '',
      });
      return out;
    };
    expect(await colourOf([], {})).toContain('\x1b[31merror\x1b[0m');
    expect(await colourOf(['--no-color'], {})).not.toContain('\x1b[');
    expect(await colourOf([], { NO_COLOR: '1' })).not.toContain('\x1b[');
  });
});

describe('--format sarif', () => {
  function validator() {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
    ajv.addFormat('uri-reference', /^\S*$/);
    ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T/);
    ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')));
  }

  /** A git repository with the fixtures in sub/, so URIs are relative to its top level. */
  function repository(): string {
    const dir = copyFixtures('basic');
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'sub'), { recursive: true });
    expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0);
    const clean = readFileSync(join(dir, 'clean.sor.yaml'), 'utf8');
    // A second unit with the first one's SOR code: sor-code reports both, each relating the other.
    writeFileSync(join(repo, 'sub/dup.sor.yaml'), clean + '  - name: Afsnit Kopi\n    sorId: "21000016006"\n    unitType: afsnit\n');
    writeFileSync(join(repo, 'sub/fixable.sor.yaml'), readFileSync(join(dir, 'fixable.sor.yaml')));
    writeFileSync(join(repo, '.sor-lint.json'), '{ "root": true }');
    return repo;
  }

  interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
    relatedLocations?: { message: { text: string }; physicalLocation: { region: { startLine: number } } }[];
    partialFingerprints: Record<string, string>;
    fixes?: { artifactChanges: { replacements: { deletedRegion: { startLine: number; startColumn: number; endLine: number; endColumn: number }; insertedContent: { text: string } }[] }[] }[];
  }

  it('is valid SARIF 2.1.0 with rules, documentation links, regions, related locations and safe fixes', () => {
    const repo = repository();
    const result = runCli(['--format', 'sarif', 'sub'], { cwd: repo });
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    const validate = validator();
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const [sarifRun] = log.runs;
    const driver = sarifRun.tool.driver;
    expect(driver.name).toBe('sor-lint');
    expect(driver.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    for (const rule of allRules) {
      const descriptor = driver.rules.find((d: { id: string }) => d.id === rule.id);
      expect(descriptor.helpUri).toBe(ruleDocUrl(rule.id));
      expect(descriptor.shortDescription.text).toBe(rule.docs.summary.en);
      expect(descriptor.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note', hint: 'note' }[rule.defaultSeverity]);
    }
    const results = sarifRun.results as SarifResult[];
    const json = jsonReport(runCli(['--format', 'json', 'sub'], { cwd: repo }));
    expect(results.map((r) => r.ruleId)).toEqual(json.flatMap((file) => file.findings.map((f) => f.ruleId)));
    for (const r of results) expect(driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    // The message, then the action.
    expect(results.map((r) => r.message.text)).toEqual(json.flatMap((file) => file.findings.map((f) => `${f.message} ${f.action}`)));

    const duplicates = results.filter((r) => r.ruleId === 'sor-code');
    expect(duplicates).toHaveLength(2);
    expect(duplicates[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'sub/dup.sor.yaml', uriBaseId: '%SRCROOT%' });
    expect(duplicates[0].relatedLocations![0].physicalLocation.region.startLine).toBe(duplicates[1].locations[0].physicalLocation.region.startLine);
    expect(duplicates[0].level).toBe('error');

    // Applying each result's replacements to the file gives what --fix writes.
    const fixableText = readFileSync(join(repo, 'sub/fixable.sor.yaml'), 'utf8');
    const lines = new LineIndex(fixableText);
    const edits = results
      .filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'sub/fixable.sor.yaml')
      .flatMap((r) => r.fixes!.flatMap((fix) => fix.artifactChanges.flatMap((change) => change.replacements)))
      .map(({ deletedRegion: d, insertedContent }) => ({
        start: lines.offsetAt({ line: d.startLine - 1, character: d.startColumn - 1 }),
        end: lines.offsetAt({ line: d.endLine - 1, character: d.endColumn - 1 }),
        newText: insertedContent.text,
      }));
    expect(edits).toHaveLength(2);
    expect(runCli(['--fix', 'sub/fixable.sor.yaml'], { cwd: repo }).code).toBe(0);
    expect(applyEdits(fixableText, edits)).toBe(readFileSync(join(repo, 'sub/fixable.sor.yaml'), 'utf8'));
  });

  it('percent-encodes file URIs: a # or ? in a name is part of the path, not a fragment or query', () => {
    const repo = repository();
    writeFileSync(join(repo, 'sub/a#b ?c%.sor.yaml'), readFileSync(join(repo, 'sub/fixable.sor.yaml')));
    const log = JSON.parse(runCli(['--format', 'sarif', 'sub/a#b ?c%.sor.yaml'], { cwd: repo }).stdout);
    const uris = (log.runs[0].results as SarifResult[]).map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(new Set(uris)).toEqual(new Set(['sub/a%23b%20%3Fc%25.sor.yaml']));
    expect(decodeURIComponent(new URL(uris[0], log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).pathname)).toBe(join(realpathSync(repo), 'sub/a#b ?c%.sor.yaml'));
  });

  it('keeps fingerprints when lines move', () => {
    const repo = repository();
    const sarif = () => JSON.parse(runCli(['--format', 'sarif', 'sub/dup.sor.yaml'], { cwd: repo }).stdout).runs[0].results as SarifResult[];
    const before = sarif();
    const file = join(repo, 'sub/dup.sor.yaml');
    writeFileSync(file, '# moved down\n# by two lines\n' + readFileSync(file, 'utf8'));
    const after = sarif();
    expect(after.map((r) => r.locations[0].physicalLocation.region.startLine)).toEqual(before.map((r) => r.locations[0].physicalLocation.region.startLine + 2));
    expect(after.map((r) => r.partialFingerprints)).toEqual(before.map((r) => r.partialFingerprints));
    expect(new Set(before.map((r) => r.partialFingerprints['sorLint/v1'])).size).toBe(before.length);
  });
});

describe('--format junit', () => {
  it('has one test case per file and one failure per finding', () => {
    const result = runCli(['--format', 'junit', 'basic/errors.sor.yaml', 'basic/clean.sor.yaml', 'basic/retype.sor.yaml']);
    const xml = result.stdout;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="sor-lint" tests="3" failures="3">')).toBe(true);
    const cases = [...xml.matchAll(/<testcase classname="sor-lint" name="([^"]+)"(\/>|>([\s\S]*?)<\/testcase>)/g)];
    expect(cases.map((c) => [c[1], (c[3] ?? '').match(/<failure /g)?.length ?? 0])).toEqual([
      ['basic/errors.sor.yaml', 2],
      ['basic/clean.sor.yaml', 0],
      ['basic/retype.sor.yaml', 1],
    ]);
    // Quotes in messages are escaped inside attributes.
    expect(xml).toContain('type="provider-cvr" message="The CVR number &#34;29403474&#34;');
    expect(xml.trimEnd().endsWith('</testsuites>')).toBe(true);
  });
});

describe('--format github', () => {
  it('writes annotations that parse back to the findings', () => {
    const files = ['basic/errors.sor.yaml', 'basic/retype.sor.yaml'];
    const json = jsonReport(runCli(['--format', 'json', ...files])).flatMap((file) => file.findings.map((f) => ({ file: file.filePath, ...f })));
    const result = runCli(['--format', 'github', ...files]);
    const unescape = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const parsed = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => {
        const match = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line)!;
        const props = Object.fromEntries(match[2].split(',').map((p) => [p.slice(0, p.indexOf('=')), unescape(p.slice(p.indexOf('=') + 1))]));
        return { command: match[1], props, message: unescape(match[3]) };
      });
    expect(parsed).toEqual(
      json.map((f) => ({
        command: f.severity === 'error' ? 'error' : 'warning',
        // Relative to the repository's top level (this repository), as GitHub resolves them.
        props: { file: `test/fixtures/cli/${f.file}`, line: String(f.line), col: String(f.column), endLine: String(f.endLine), endColumn: String(f.endColumn), title: f.ruleId },
        message: `${f.message} ${f.action}`,
      })),
    );
  });

  it('escapes as GitHub documents', () => {
    expect(escapeData('50% a:b,c\r\nd')).toBe('50%25 a:b,c%0D%0Ad');
    expect(escapeProperty('50% a:b,c\r\nd')).toBe('50%25 a%3Ab%2Cc%0D%0Ad');
  });
});

describe('several reports in one run', () => {
  it('writes each --format to its --output-file, and the one without to stdout', () => {
    const dir = copyFixtures('basic');
    const result = runCli(['-f', 'json', '-o', 'out/report.json', '--format', 'sarif', '--output-file', 'out/report.sarif', '--format', 'github', 'errors.sor.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout.split('\n')[0]).toMatch(/^::error file=errors\.sor\.yaml,line=4,col=8,/);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'))[0].findings).toHaveLength(2);
    expect(JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8')).runs[0].results).toHaveLength(2);
  });

  it('refuses two reports on stdout and an unknown format (exit 2)', () => {
    expect(runCli(['-f', 'json', '-f', 'sarif', 'basic/clean.sor.yaml'])).toMatchObject({ code: 2, stdout: '', stderr: 'sor-lint: only one report can go to standard output: give the others --output-file PATH\n' });
    expect(runCli(['-f', 'xml', 'basic/clean.sor.yaml'])).toMatchObject({ code: 2, stderr: 'sor-lint: unknown format "xml" (known: stylish, json, sarif, junit, github, gitlab)\n' });
  });
});
