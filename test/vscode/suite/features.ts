// The preview of plejeoverblikket, the import from SOR's export and "Verify addresses now", each
// run as its command, on the real VS Code API.
import * as assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { copyOfFixture, diagnosticOf, diagnosticsWhen, open, ruleOf, until } from '../helpers';

const CARE_UNITS = 'care-units.sor.yaml';
const ADDRESS_SETTINGS = ['addresses.online', 'addresses.service', 'addresses.endpoint'];

/**
 * A DAWA-shaped address service on 127.0.0.1 that knows no address: every recorded darId is
 * unknown (404) and washing finds nothing. Keeps the URL of every request it gets.
 */
async function emptyAddressService(): Promise<{ endpoint: string; requests: URL[]; close: () => void }> {
  const requests: URL[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const washing = url.pathname === '/datavask/adresser';
    response.writeHead(washing ? 200 : 404, { 'content-type': 'application/json' });
    response.end(washing ? JSON.stringify({ kategori: 'C', resultater: [] }) : JSON.stringify({ type: 'ResourceNotFoundError' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, requests, close: () => server.close() };
}

function webviewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview);
}

suite('sor-lint commands: preview, import, addresses', () => {
  teardown(async () => {
    const settings = vscode.workspace.getConfiguration('sor-lint');
    for (const key of ADDRESS_SETTINGS) await settings.update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('"Preview plejeoverblikket" opens a webview beside the file with a card per care unit, and follows the edits', async () => {
    const uri = await copyOfFixture(CARE_UNITS);
    const document = await open(uri);
    const panel = await vscode.commands.executeCommand<vscode.WebviewPanel>('sor-lint.preview');
    assert.ok(panel, 'the command answers with its panel');
    // The workbench reports its tabs a moment after the panel exists.
    await until(() => webviewTabs().some((tab) => tab.label === `Plejeoverblikket preview: ${CARE_UNITS}`), 'a webview tab titled for the file');
    assert.equal(panel.viewColumn, vscode.ViewColumn.Two, 'beside the editor in column one');
    assert.equal(panel.webview.options.enableScripts, true);
    assert.deepEqual(panel.webview.options.localResourceRoots, []);

    await until(() => panel.webview.html.includes('Plejecenter Birkely'), 'the preview of the care units');
    const html = panel.webview.html;
    assert.match(html, /<p class="summary">1 of 2 care units shown; 1 rejected\.<\/p>/);
    assert.match(html, /<article class="card shown"[^>]*>\s*<h3[^>]*>Plejecenter Østervang<\/h3>/);
    assert.match(html, /<article class="card rejected"[^>]*>\s*<h3[^>]*>Plejecenter Birkely<\/h3>/);
    // The blocking finding links to its line and column in the source.
    assert.match(html, /<a href="#" data-line="27" data-column="12">line 27<\/a>: The e-mail address &#34;kontakt@birkely&#34; of &#34;Plejecenter Birkely&#34; has an invalid domain/);
    // Only the page's own script may run (the policy's quotes are written as HTML entities).
    assert.match(html, /script-src &#39;nonce-[^&]+&#39;;/);

    // Typing the missing domain: the preview follows without being asked.
    const editor = await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const at = document.getText().indexOf('kontakt@birkely') + 'kontakt@birkely'.length;
    await editor.edit((edit) => edit.insert(document.positionAt(at), '.dk'));
    await until(() => panel.webview.html.includes('2 of 2 care units shown; 0 rejected.'), 'the preview to show both care units');
    assert.doesNotMatch(panel.webview.html, /class="card rejected"/);

    // Asking again brings the same panel forward instead of opening a second one.
    const again = await vscode.commands.executeCommand<vscode.WebviewPanel>('sor-lint.preview', uri);
    assert.equal(again, panel);
    assert.equal(webviewTabs().length, 1);
  });

  test('"Import provider from SOR export…" with a file and a CVR number opens the provider as an unsaved SOR YAML document', async () => {
    const csv = await copyOfFixture('SorEntity_daily.csv', 'test/fixtures/import');
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('sor-lint.importFromSorExport', csv, '29403473');
    assert.ok(document, 'the import opened a document');
    try {
      assert.equal(document.languageId, 'sor-yaml');
      // Unsaved, and named to be saved beside the export.
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.isDirty, true);
      assert.equal(document.uri.path, vscode.Uri.joinPath(csv, '..', 'omsorgshuset-aps.sor.yaml').path);
      assert.equal(vscode.window.activeTextEditor?.document, document, 'the result is in the active editor');
      const text = document.getText();
      assert.match(text, /^# Omsorgshuset ApS \(CVR 29403473\): the provider's structure in SOR$/m);
      assert.match(text, /^provider:\n {2}name: Omsorgshuset ApS\n {2}cvr: "29403473"$/m);
      assert.match(text, /^ {2}- name: Plejecenter Østervang$/m);
      assert.doesNotMatch(text, /Andet Plejehjem/, 'another provider\'s institution stays out');
      // The server checks the new document like any SOR file.
      const diagnostic = await diagnosticOf(document.uri, 'legal-basis');
      assert.equal(document.lineAt(diagnostic.range.start.line).text, '  - name: Plejecenter Østervang');
    } finally {
      // Unsaved: close it without the save prompt.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('an import of a provider the export does not hold opens nothing', async () => {
    const csv = await copyOfFixture('SorEntity_daily.csv', 'test/fixtures/import');
    const imported = (): number => vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'untitled' && d.languageId === 'sor-yaml').length;
    const before = imported();
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('sor-lint.importFromSorExport', csv, '12345678');
    assert.equal(document, undefined);
    assert.equal(imported(), before);
  });

  test('"Verify addresses now" with online verification off does nothing and says it is off', async () => {
    const uri = await copyOfFixture(CARE_UNITS);
    await open(uri);
    const result = await vscode.commands.executeCommand('sor-lint.verifyAddressesInEditor');
    assert.deepEqual(result, { checked: 0, failed: 0, reason: 'off' });
  });

  test('"Verify addresses now" with online on but no endpoint named still sends nothing', async () => {
    await vscode.workspace.getConfiguration('sor-lint').update('addresses.online', true, vscode.ConfigurationTarget.Global);
    const uri = await copyOfFixture(CARE_UNITS);
    await open(uri);
    const result = await vscode.commands.executeCommand('sor-lint.verifyAddressesInEditor', uri);
    assert.deepEqual(result, { checked: 0, failed: 0, reason: 'off' });
  });

  test('"Verify addresses now" asks the configured service, with the stored token and only the address fields', async () => {
    const service = await emptyAddressService();
    const token = 'test-token-1234';
    try {
      await vscode.commands.executeCommand('sor-lint.setAddressToken', token);
      const settings = vscode.workspace.getConfiguration('sor-lint');
      await settings.update('addresses.service', 'dawa', vscode.ConfigurationTarget.Global);
      await settings.update('addresses.endpoint', service.endpoint, vscode.ConfigurationTarget.Global);
      await settings.update('addresses.online', true, vscode.ConfigurationTarget.Global);
      const uri = await copyOfFixture(CARE_UNITS);
      const document = await open(uri);
      const result = await vscode.commands.executeCommand('sor-lint.verifyAddressesInEditor', uri);
      assert.deepEqual(result, { checked: 2, failed: 2 });
      // Both recorded DAR ids were asked for, each request carrying the token from secret storage.
      const asked = service.requests.map((url) => url.pathname);
      assert.ok(asked.includes('/adresser/0a3f50a0-73bf-32b8-e044-0003ba298018'), asked.join(', '));
      assert.ok(asked.includes('/adresser/0a3f50a0-73bf-32b8-e044-0003ba298019'), asked.join(', '));
      for (const url of service.requests) assert.equal(url.searchParams.get('token'), token, url.pathname);
      // Nothing but address fields left: no names, phone numbers, e-mail or web addresses.
      const sent = service.requests.map((url) => decodeURIComponent(url.href)).join('\n');
      assert.doesNotMatch(sent, /Omsorgshuset|Plejecenter|86 12|kontakt@|https?:\/\/(?!127\.0\.0\.1)/);
      // The register's verdict reaches the editor: Birkely's recorded id is not in DAR.
      const diagnostic = await diagnosticOf(uri, 'address-not-in-dar');
      assert.match(document.getText(diagnostic.range), /0a3f50a0-73bf-32b8-e044-0003ba29801[89]/);
    } finally {
      await vscode.commands.executeCommand('sor-lint.clearAddressToken');
      service.close();
    }
  });
});

suite('sor-lint navigation and verdicts in the editor', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('a code lens above each care unit says whether plejeoverblikket shows it, and opens the preview there', async () => {
    const uri = await copyOfFixture(CARE_UNITS);
    await open(uri);
    await diagnosticOf(uri, 'contact-format');
    const verdicts = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? []).filter((lens) => lens.command?.command === 'sor-lint.preview');
    // The lenses follow the lint: ask until the server has linted the file.
    let lenses = await verdicts();
    for (let tries = 0; lenses.length < 2 && tries < 100; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      lenses = await verdicts();
    }
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line + 1, lens.command?.title]),
      [
        [11, '✓ Shown on plejeoverblikket'],
        [23, '✗ Not shown: 1 error'],
      ],
    );
    assert.deepEqual(lenses[1].command?.arguments, [uri.toString(), 23]);
  });

  test('go to definition on a SOR code two units share reaches the other unit, in the file and in the workspace', async () => {
    const uri = await copyOfFixture('shared-code.sor.yaml');
    const document = await open(uri);
    const elsewhere = (location: vscode.Location) => location.uri.toString() !== uri.toString();
    // The workspace's own shared-code.sor.yaml (closed, read by the server's index) gives both units the code too.
    const shared = await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === 'sor-code' && d.relatedInformation?.some((r) => elsewhere(r.location))), 'a sor-code shared with another file');
    const inWorkspace = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'shared-code.sor.yaml').toString();
    assert.ok(shared.some((d) => d.relatedInformation?.some((r) => r.location.uri.toString() === inWorkspace)), 'related information in the workspace\'s file');
    const first = document.positionAt(document.getText().indexOf('"698481000016007"') + 3);
    const targets = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', uri, first);
    const located = targets.map((target) => ('targetUri' in target ? new vscode.Location(target.targetUri, target.targetRange) : target));
    assert.deepEqual(
      located.filter((location) => !elsewhere(location)).map((location) => [location.range.start.line + 1, document.getText(location.range)]),
      [[25, '"698481000016007"']],
    );
    assert.deepEqual(
      located.filter((location) => location.uri.toString() === inWorkspace).map((location) => location.range.start.line + 1),
      [12, 25],
    );
  });
});
