// The extension as a user meets it: open a SOR file, see the problem, apply the quick fix,
// turn the rule off in settings.
import * as assert from 'node:assert/strict';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, copyOfFixture, diagnosticOf, diagnosticsWhen, noDiagnosticOf, open, ruleOf, until } from '../helpers';

const RULE = 'plejehjem-retype';
const FIXTURE = 'care-home.sor.yaml';
const CHANGED_SETTINGS = ['rules', 'language', 'enable'];

function describe(action: vscode.CodeAction | vscode.Command): string {
  if (!(action instanceof vscode.CodeAction)) return `command ${action.title}`;
  const edits = (action.edit?.entries() ?? []).flatMap(([, edits]) => edits.map((edit) => JSON.stringify(edit.newText)));
  return `${action.title} (${action.kind?.value ?? 'no kind'}, edits: ${edits.join(',')})`;
}

suite('sor-lint in VS Code', () => {
  teardown(async () => {
    const settings = vscode.workspace.getConfiguration('sor-lint');
    for (const key of CHANGED_SETTINGS) await settings.update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opening a *.sor.yaml file activates the extension in the SOR YAML language', async () => {
    const document = await open(await copyOfFixture(FIXTURE));
    assert.equal(document.languageId, 'sor-yaml');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    // Activation comes from the manifest's events (opening the file), never from the test.
    await until(() => extension.isActive, 'the extension to activate');
  });

  test('a plejehjem at institution level gets plejehjem-retype on its unit type', async () => {
    const uri = await copyOfFixture(FIXTURE);
    const document = await open(uri);
    const diagnostic = await diagnosticOf(uri, RULE);
    assert.equal(document.getText(diagnostic.range), 'plejehjem');
    assert.equal(diagnostic.range.start.line + 1, 14);
    assert.equal(diagnostic.range.start.character + 1, 15);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic.message, /plejeenhed/);
  });

  test('the quick fix retypes the unit to plejeenhed and the problem goes away', async () => {
    const uri = await copyOfFixture(FIXTURE);
    const document = await open(uri);
    const diagnostic = await diagnosticOf(uri, RULE);
    const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
      10,
    );
    // The API command returns actions without their diagnostics: pick the fix by what it edits.
    const fix = actions.find(
      (action): action is vscode.CodeAction & { edit: vscode.WorkspaceEdit } =>
        action instanceof vscode.CodeAction &&
        action.kind?.value === vscode.CodeActionKind.QuickFix.value &&
        (action.edit?.get(uri) ?? []).some((edit) => edit.range.intersection(diagnostic.range) && edit.newText === 'plejeenhed'),
    );
    assert.ok(fix, `a quick fix for ${RULE} among: ${actions.map(describe).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    const text = document.getText();
    assert.match(text, /^ {4}unitType: plejeenhed {3}# the care institution itself/m);
    assert.doesNotMatch(text, /unitType: plejehjem/);
    await noDiagnosticOf(uri, RULE);
  });

  test('after SOR Lint: Restart Server, a file opened next gets its squiggles, and they follow its edits', async () => {
    await open(await copyOfFixture('care-units.sor.yaml'));
    await vscode.commands.executeCommand('sor-lint.restartServer');
    const uri = await copyOfFixture(FIXTURE);
    // As from the explorer: the editor's tab comes before its document.
    await vscode.commands.executeCommand('vscode.open', uri);
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = await diagnosticOf(uri, RULE);
    assert.equal(document.getText(diagnostic.range), 'plejehjem');
    // Typing, not saving: the new text is linted too.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, diagnostic.range, 'plejeenhed');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await noDiagnosticOf(uri, RULE);
    // The old server's clean exit is no error in the output channel.
    await vscode.commands.executeCommand('sor-lint.showOutput');
    const log = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.getText().includes('SOR Lint server'))?.getText() ?? '';
    await until(() => log().includes('Server process exited with code 0.'), 'the log to say the old server exited');
    assert.doesNotMatch(log(), /\[Error[^\]]*\] Server process exited with code 0\./);
  });

  test('turning the rule off in sor-lint.rules removes its diagnostic', async () => {
    const uri = await copyOfFixture(FIXTURE);
    await open(uri);
    await diagnosticOf(uri, RULE);
    await vscode.workspace.getConfiguration('sor-lint').update('rules', { [RULE]: 'off' }, vscode.ConfigurationTarget.Global);
    await noDiagnosticOf(uri, RULE);
  });

  test('sor-lint.enable false clears the file\'s diagnostics', async () => {
    const uri = await copyOfFixture(FIXTURE);
    await open(uri);
    await diagnosticOf(uri, RULE);
    await vscode.workspace.getConfiguration('sor-lint').update('enable', false, vscode.ConfigurationTarget.Global);
    await diagnosticsWhen(uri, (all) => all.length === 0, 'no diagnostics at all');
  });

  test('sor-lint.language "da" turns the message Danish', async () => {
    const uri = await copyOfFixture(FIXTURE);
    await open(uri);
    const english = await diagnosticOf(uri, RULE);
    assert.match(english.message, /^Unit "[^"]+" is typed plejehjem/);
    await vscode.workspace.getConfiguration('sor-lint').update('language', 'da', vscode.ConfigurationTarget.Global);
    await diagnosticsWhen(uri, (all) => all.some((d) => ruleOf(d) === RULE && /^Enheden "[^"]+" har typen plejehjem/.test(d.message)), 'the Danish message');
  });

  test('a *.sor.json file opens as SOR JSON and gets the same finding on the quoted unit type', async () => {
    const uri = await copyOfFixture('care-home.sor.json');
    const document = await open(uri);
    assert.equal(document.languageId, 'sor-json');
    const diagnostic = await diagnosticOf(uri, RULE);
    assert.equal(document.getText(diagnostic.range), '"plejehjem"');
    assert.equal(diagnostic.range.start.line + 1, 11);
  });

  test('"Fix All" from the command palette applies only the safe fixes to the active file', async () => {
    const uri = await copyOfFixture('needs-tidying.sor.yaml');
    const document = await open(uri);
    await diagnosticOf(uri, 'contact-format');
    // No argument, as from the palette: the client supplies the active editor's document.
    await vscode.commands.executeCommand('sor-lint.fixAll');
    await until(() => document.getText().includes('"+45 86 12 34 56"'), 'the phone number to be normalised');
    const lines = document.getText().split('\n');
    // The postcode's own city name is a suggestion (the postcode may be the wrong part): left as written.
    assert.equal(lines[8], '    city: Aarhus');
    assert.equal(lines[20], '      city: Aarhus');
    assert.equal(lines[22], '    phone: "+45 86 12 34 56"');
    // Retyping is a suggestion, never applied wholesale.
    assert.match(lines[13], /^ {4}unitType: plejehjem /);
    await noDiagnosticOf(uri, 'contact-format');
    await diagnosticOf(uri, 'address-format');
    await diagnosticOf(uri, RULE);
  });
});
