// A file that is not UTF-8, as SOR's export tools and Excel write it (Windows-1252): the command
// says so and checks the rest, --fix never rewrites its bytes, and the editor offers no fix.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { ensureServerBuilt, PUSH_CAPABILITIES, TestClient } from '../lsp/server-client.js';
import { copyFixtures, ensureBuilt, FIXTURES, jsonReport, runCli } from './helpers.js';

const fixable = readFileSync(join(FIXTURES, 'basic/fixable.sor.yaml'), 'utf8');
/** The fixable fixture in Windows-1252: æ, ø and å are one byte each (Latin-1 agrees for these). */
const windows1252 = Buffer.from(fixable, 'latin1');

beforeAll(() => {
  ensureBuilt();
  ensureServerBuilt();
});

describe('a file that is not UTF-8', () => {
  it('gets an encoding error naming Windows-1252 and how to convert, and the rest is still checked', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'ansi.sor.yaml'), windows1252);
    const result = runCli(['--format', 'json', 'ansi.sor.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    const [report] = jsonReport(result);
    expect(report.findings.map((f) => `${f.ruleId}@${f.line}:${f.column} ${f.severity} fixable=${f.fixable}`)).toEqual([
      // Line 7: "street: Søndergade", the first ø.
      'encoding@7:14 error fixable=false',
      'contact-format@24:12 error fixable=false',
      'contact-format@26:14 error fixable=false',
    ]);
    expect(report.findings[0].message).toBe('The file is not valid UTF-8: 6 characters cannot be read (shown as �); it looks like Windows-1252.');
    expect(report.findings[0].action).toBe(
      'Convert it to UTF-8: in VS Code "Reopen with Encoding" Windows 1252, then "Save with Encoding" UTF-8, or iconv -f WINDOWS-1252 -t UTF-8.',
    );
    const [danish] = jsonReport(runCli(['--lang', 'da', '--format', 'json', 'ansi.sor.yaml'], { cwd: dir }))[0].findings;
    expect(danish.message).toBe('Filen er ikke gyldig UTF-8: 6 tegn kan ikke læses (vises som �); den ligner Windows-1252.');
    expect(danish.action).toBe(
      'Konvertér den til UTF-8: i VS Code med "Reopen with Encoding" Windows 1252 og så "Save with Encoding" UTF-8, eller med iconv -f WINDOWS-1252 -t UTF-8.',
    );
  });

  it('names UTF-16 for a file Excel saved as Unicode text', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'unicode.sor.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fixable, 'utf16le')]));
    const [report] = jsonReport(runCli(['--format', 'json', 'unicode.sor.yaml'], { cwd: dir }));
    const encoding = report.findings.filter((f) => f.ruleId === 'encoding');
    expect(encoding.map((f) => `${f.line}:${f.column}`)).toEqual(['1:1']);
    expect(encoding[0].message).toContain('it looks like UTF-16.');
    expect(encoding[0].action).toContain('Convert it to UTF-8: in VS Code "Reopen with Encoding" UTF-16 LE');
  });

  it('is never rewritten by --fix, while the other files are fixed', () => {
    const dir = copyFixtures('basic');
    writeFileSync(join(dir, 'ansi.sor.yaml'), windows1252);
    const result = runCli(['--fix', '--format', 'json', 'ansi.sor.yaml', 'fixable.sor.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, 'ansi.sor.yaml')).equals(windows1252)).toBe(true);
    expect(readFileSync(join(dir, 'fixable.sor.yaml'), 'utf8')).toContain('phone: "86 12 00 00"');
    // Turning the rule off silences it, and still nothing is written.
    writeFileSync(join(dir, '.sor-lint.json'), '{ "root": true, "rules": { "encoding": "off" } }');
    const quiet = runCli(['--fix', '--format', 'json', 'ansi.sor.yaml'], { cwd: dir });
    expect(jsonReport(quiet)[0].findings.map((f) => f.ruleId)).toEqual(['contact-format', 'contact-format']);
    expect(readFileSync(join(dir, 'ansi.sor.yaml')).equals(windows1252)).toBe(true);
    // No diff before the report.
    expect(runCli(['--fix-dry-run', 'ansi.sor.yaml'], { cwd: dir }).stdout.split('\n')[0]).toBe('ansi.sor.yaml');
  });
});

describe('the editor, given text that holds U+FFFD from the file', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
  });
  afterAll(() => client?.stop());

  it('reports the encoding and offers no edit: no quick fix, no fix-all, no suppression comment', async () => {
    const dir = copyFixtures('basic');
    const uri = pathToFileURL(join(dir, 'ansi.sor.yaml')).href;
    // What VS Code sends for the Windows-1252 file opened as UTF-8.
    await client.open(uri, windows1252.toString('utf8'));
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}:${d.range.start.character + 1}`)).toEqual(['encoding@7:14', 'contact-format@24:12', 'contact-format@26:14']);
    for (const diagnostic of diagnostics) {
      const offered = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
      expect(offered.filter((action) => action.edit)).toEqual([]);
    }
    const phone = diagnostics[1];
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: phone.range,
      context: { diagnostics: [phone] },
    })) as CodeAction[];
    expect(actions.map((action) => action.title)).toEqual(['Show documentation for contact-format']);
    const fixAll = await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.sor-lint'] },
    });
    expect(fixAll).toEqual([]);
  });
});
