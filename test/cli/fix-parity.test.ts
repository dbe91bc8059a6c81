// One fix loop: the editor's fix-all (the language server over stdio) and `sor-lint --fix` (the
// command as a process) give byte-identical files from the same text.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit, ensureServerBuilt, PUSH_CAPABILITIES, TestClient } from '../lsp/server-client.js';
import { ensureBuilt, ROOT, runCli } from './helpers.js';

const SOURCES = [
  'examples/omsorgshuset.sor.yaml',
  'examples/dagcentre.sor.yaml',
  'examples/plejegruppen.sor.json',
  'test/fixtures/cli/basic/fixable.sor.yaml',
  'test/fixtures/cli/basic/errors.sor.yaml',
  'test/fixtures/cli/basic/retype.sor.yaml',
  'test/fixtures/cli/basic/broken.sor.yaml',
  'test/fixtures/cli/json/units.sor.json',
  'test/fixtures/lsp/omsorgshuset.sor.yaml',
];

/** Files that need several passes, with CRLF line ends, and in a block scalar. */
const fixable = readFileSync(join(ROOT, 'test/fixtures/cli/basic/fixable.sor.yaml'), 'utf8');
const MADE: Record<string, string> = {
  'crlf.sor.yaml': fixable.replace(/\n/g, '\r\n'),
  'block.sor.yaml': fixable.replace('    website: laerkehoej.dk\n', '    website: |-  # keep me\n      laerkehoej.dk\n'),
  'two-phones.sor.yaml': fixable.replace('    email: laerkehoej@omsorgshuset.dk\n', '    email: " laerkehoej@omsorgshuset.dk "\n'),
};

// The command runs today; the server is told the same day, so closed units are the same.
const today = new Date().toISOString().slice(0, 10);
let dir: string;
let client: TestClient;

beforeAll(async () => {
  ensureBuilt();
  ensureServerBuilt();
  dir = mkdtempSync(join(tmpdir(), 'sor-lint-parity-'));
  writeFileSync(join(dir, '.sor-lint.json'), '{ "root": true }\n');
  for (const source of SOURCES) copyFileSync(join(ROOT, source), join(dir, nameOf(source)));
  for (const [name, text] of Object.entries(MADE)) writeFileSync(join(dir, name), text);
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES, workspaceFolder: dir, initializationOptions: { today } });
});

afterAll(() => client?.stop());

/** The copy's name: the examples' names would clash with the fixtures'. */
const nameOf = (source: string) => (source.startsWith('examples/') ? 'example-' : '') + basename(source);
const names = () => [...SOURCES.map(nameOf), ...Object.keys(MADE)];

async function editorFixAll(name: string, text: string): Promise<string> {
  const uri = pathToFileURL(join(dir, name)).href;
  await client.open(uri, text, name.endsWith('.json') ? 'json' : 'yaml');
  await client.diagnosticsFor(uri, 1);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.sor-lint'] },
  })) as CodeAction[];
  return actions.length === 0 ? text : applyWorkspaceEdit(client.document(uri), actions[0].edit!);
}

describe('editor fix-all and --fix', () => {
  it('give byte-identical files, the examples among them', async () => {
    const before = Object.fromEntries(names().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    const editor: Record<string, string> = {};
    for (const name of names()) editor[name] = await editorFixAll(name, before[name]);
    expect(runCli(['--fix', '--format', 'json', ...names()], { cwd: dir }).code).not.toBe(2);
    const command = Object.fromEntries(names().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    expect(editor).toEqual(command);
    // The comparison means something: most files changed, the broken one did not.
    expect(names().filter((name) => command[name] !== before[name]).sort()).toEqual(
      ['block.sor.yaml', 'crlf.sor.yaml', 'example-omsorgshuset.sor.yaml', 'fixable.sor.yaml', 'omsorgshuset.sor.yaml', 'two-phones.sor.yaml'].sort(),
    );
  });
});
