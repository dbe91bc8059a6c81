// Plejeoverblikket's verdict in the editor over stdio: a code lens above every care unit with the
// preview's own verdict (compared with `sor-lint preview --format json` on the same file), that
// opens the preview at the unit, and the values it inherits beside it; the inheritance notes are
// not diagnostics where the client shows lenses (the lens carries them, their quick-fix stays at
// the unit's name), and hints elsewhere, so the editor does not paint every care unit's name for them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CodeLens } from 'vscode-languageserver-protocol/node';
import { CodeActionRequest, CodeLensRefreshRequest, CodeLensRequest, DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import type { Preview } from '../../server/src/preview/index.js';
import { address, careUnitYaml } from '../address/verify/helpers.js';
import { ensureBuilt, runCli } from '../cli/helpers.js';
import { adressevaskHandler, TOKEN } from '../fixtures/address/register.js';
import { startRegisterServer } from '../fixtures/address/server.js';
import { ensureServerBuilt, FIXTURES, fixtureUri, PUSH_CAPABILITIES, TestClient } from './server-client.js';

const FIXTURE_FILE = join(FIXTURES, 'navigation.sor.yaml');
const FIXTURE = readFileSync(FIXTURE_FILE, 'utf8');

let client: TestClient;
let counter = 0;

beforeAll(async () => {
  ensureBuilt();
  ensureServerBuilt();
  client = await TestClient.start({ capabilities: PUSH_CAPABILITIES });
});

afterAll(() => client?.stop());

async function lensesOf(text: string): Promise<{ uri: string; lenses: CodeLens[] }> {
  const uri = fixtureUri(`lens${++counter}.sor.yaml`);
  await client.open(uri, text);
  const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
  return { uri, lenses };
}

/** Lens titles by 1-based line, in the order the editor shows them. */
function titlesByLine(lenses: CodeLens[]): Record<number, string[]> {
  const byLine: Record<number, string[]> = {};
  for (const lens of lenses) (byLine[lens.range.start.line + 1] ??= []).push(lens.command!.title);
  return byLine;
}

describe('the verdict lens', () => {
  it('stands above every care unit with the verdict `sor-lint preview` gives it', async () => {
    const { uri, lenses } = await lensesOf(FIXTURE);
    const run = runCli(['preview', FIXTURE_FILE, '--format', 'json', '--lang', 'en']);
    const preview = JSON.parse(run.stdout) as Preview;
    const units = preview.providers.flatMap((provider) => provider.careUnits);
    expect(units.map((unit) => unit.state)).toEqual(['shown', 'rejected', 'rejected', 'closed']);
    const verdicts = lenses.filter((lens) => lens.command?.command === 'sor-lint.preview');
    const expected = units.map((unit) => ({
      line: unit.line,
      title: { shown: '✓ Shown on plejeoverblikket', rejected: `✗ Not shown: ${unit.blocking.length} errors`, closed: '– Not shown: closed' }[unit.state],
      arguments: [uri, unit.line],
    }));
    expect(verdicts.map((lens) => ({ line: lens.range.start.line + 1, title: lens.command!.title, arguments: lens.command!.arguments }))).toEqual(expected);
  });

  it('shows beside the verdict each value the care unit inherits, and where from', async () => {
    const { lenses } = await lensesOf(FIXTURE);
    expect(titlesByLine(lenses)).toEqual({
      16: ['✓ Shown on plejeoverblikket', 'Postal address: Østervangsvej 12, 8000 Aarhus C (inherited from Omsorgshuset ApS)', 'Phone: 86 12 34 00 (inherited from Bofællesskabet Lærkehøj)'],
      28: ['✗ Not shown: 2 errors', 'Postal address: Østervangsvej 12, 8000 Aarhus C (inherited from Omsorgshuset ApS)'],
      42: [
        '✗ Not shown: 2 errors',
        'Visiting address: Østervangsvej 12, 8000 Aarhus C (the postal address of Omsorgshuset ApS stands in)',
        'Postal address: Østervangsvej 12, 8000 Aarhus C (inherited from Omsorgshuset ApS)',
        'Phone: 86 12 34 57 (inherited from Plejecenter Birkely)',
        'Email: kontakt@birkely.dk (inherited from Plejecenter Birkely)',
        'Website: https://birkely.dk (inherited from Plejecenter Birkely)',
      ],
      45: ['– Not shown: closed'],
    });
    // The values are information, not a button: no command to run.
    expect(lenses.filter((lens) => lens.command!.command === '').every((lens) => lens.command!.arguments === undefined)).toBe(true);
  });

  it('follows the edit: a unit fixed is shown at once', async () => {
    const { uri } = await lensesOf(FIXTURE);
    const code = FIXTURE.lastIndexOf('"698481000016007"');
    await client.replace(uri, code, code + '"698481000016007"'.length, '"11000016002"');
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    // Østervang now shares the code instead; Birkely and Ahorn still nest.
    expect(titlesByLine(lenses)[28][0]).toBe('✗ Not shown: 1 error');
    expect(titlesByLine(lenses)[16][0]).toBe('✗ Not shown: 1 error');
  });

  it('speaks Danish to a Danish editor', async () => {
    const danish = await TestClient.start({ capabilities: PUSH_CAPABILITIES, locale: 'da' });
    try {
      const uri = fixtureUri('lens-da.sor.yaml');
      await danish.open(uri, FIXTURE);
      const lenses = (await danish.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
      expect(titlesByLine(lenses)[16]).toEqual(['✓ Vises på plejeoverblikket', 'Postadresse: Østervangsvej 12, 8000 Aarhus C (arvet fra Omsorgshuset ApS)', 'Telefon: 86 12 34 00 (arvet fra Bofællesskabet Lærkehøj)']);
      expect(titlesByLine(lenses)[28][0]).toBe('✗ Vises ikke: 2 fejl');
      expect(titlesByLine(lenses)[45]).toEqual(['– Vises ikke: lukket']);
    } finally {
      await danish.stop();
    }
  });
});

describe('the verdict lens and the online verdicts', () => {
  it('asks the editor to refresh the lenses when the register rejects an address', async () => {
    const register = await startRegisterServer(adressevaskHandler());
    const online = await TestClient.start({
      capabilities: { ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, codeLens: { refreshSupport: true } } },
      settings: { addresses: { online: true, service: 'adressevask', endpoint: register.url } },
    });
    try {
      let refreshes = 0;
      online.connection.onRequest(CodeLensRefreshRequest.type, () => void refreshes++);
      await online.connection.sendNotification('sor-lint/setAddressToken', { token: TOKEN });
      const uri = fixtureUri('lens-online.sor.yaml');
      await online.open(uri, careUnitYaml(address('Xyzzyvej', '1')));
      // The second publication carries the register's verdict: no such address.
      const [offline, verdict] = await online.waitFor('the online verdict', () => {
        const publications = online.published.filter((p) => p.uri === uri);
        return publications.length >= 2 ? publications : undefined;
      });
      expect(verdict.diagnostics.map((d) => d.code)).toContain('address-not-in-dar');
      await online.waitFor('a code lens refresh', () => (refreshes > 0 ? true : undefined));
      // The file's one care unit: every error in it blocks it, the register's one too.
      const errors = (publication: typeof offline) => publication.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
      expect(errors(verdict)).toBe(errors(offline) + 1);
      const lenses = (await online.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
      expect(lenses[0].command!.title).toBe(`✗ Not shown: ${errors(verdict)} errors`);
    } finally {
      await online.stop();
      await register.close();
    }
  });
});

describe('the inheritance notes in the editor', () => {
  it('are hints, while what is missing or wrong keeps its severity', async () => {
    const uri = fixtureUri(`lens${++counter}.sor.yaml`);
    await client.open(uri, FIXTURE);
    const { diagnostics } = await client.diagnosticsFor(uri);
    const notes = diagnostics.filter((d) => d.code === 'careunit-contact-missing');
    expect(notes).toHaveLength(8);
    expect(notes.every((d) => d.severity === DiagnosticSeverity.Hint)).toBe(true);
    // The quick-fix that inserts the care unit's own value stays on the note.
    for (const note of notes) {
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: note.range, context: { diagnostics: [note], only: ['quickfix'] } })) as CodeAction[];
      expect(actions.some((action) => /^Insert/.test(action.title) && action.edit !== undefined)).toBe(true);
    }
    expect(diagnostics.filter((d) => d.code === 'sor-code').map((d) => d.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
  });
});

describe('the inheritance notes where the client shows code lenses', () => {
  let lensClient: TestClient;
  beforeAll(async () => {
    lensClient = await TestClient.start({ capabilities: { ...PUSH_CAPABILITIES, textDocument: { ...PUSH_CAPABILITIES.textDocument, codeLens: {} } } });
  });
  afterAll(() => lensClient?.stop());

  it('are not diagnostics: the lens says what the unit inherits, and the quick-fix inserting its own value is offered at its name', async () => {
    const uri = fixtureUri(`lens${++counter}.sor.yaml`);
    await lensClient.open(uri, FIXTURE);
    const { diagnostics } = await lensClient.diagnosticsFor(uri);
    expect(diagnostics.filter((d) => d.code === 'careunit-contact-missing')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'sor-code').map((d) => d.severity)).toEqual([DiagnosticSeverity.Error, DiagnosticSeverity.Error]);
    const lenses = (await lensClient.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) as CodeLens[];
    const inherited = lenses.filter((lens) => / \(inherited from /.test(lens.command!.title));
    expect(inherited.length).toBeGreaterThan(0);
    // At the name of the unit the first note is about, with no diagnostic in the request.
    const lines = lensClient.text(uri).split('\n');
    const nameLine = lines.findIndex((text, index) => index >= inherited[0].range.start.line && /name:/.test(text));
    const at = { line: nameLine, character: lines[nameLine].indexOf('name:') + 6 };
    const actions = (await lensClient.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
    expect(actions.filter((action) => /^Insert/.test(action.title) && action.edit !== undefined).length).toBeGreaterThan(0);
  });
});
