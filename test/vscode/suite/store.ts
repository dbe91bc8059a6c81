// What the store-ready extension adds, on the real VS Code API: rule pages from the .vsix inside
// VS Code, and the sor-lint.codeActionsOnSave.mode setting around a save's fix-all.
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { suite, teardown, test } from 'mocha';
import * as vscode from 'vscode';
import { copyOfFixture, diagnosticOf, open, until } from '../helpers';

const RULE = 'plejehjem-retype';

suite('sor-lint store-ready: rule pages, fix on save', () => {
  teardown(async () => {
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('sor-lint').update('codeActionsOnSave.mode', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a finding links to its rule page in the extension, not to the web', async () => {
    const uri = await copyOfFixture('care-home.sor.yaml');
    await open(uri);
    const diagnostic = await diagnosticOf(uri, RULE);
    const code = diagnostic.code as { value: string; target: vscode.Uri };
    assert.equal(code.value, RULE);
    assert.equal(code.target.scheme, 'file');
    assert.ok(code.target.fsPath.endsWith(`/docs/rules/${RULE}.md`), code.target.toString());
    assert.ok(existsSync(code.target.fsPath), 'the page ships with the extension');
  });

  test('"Show documentation" opens the rendered rule page inside VS Code', async () => {
    const uri = await copyOfFixture('care-home.sor.yaml');
    await open(uri);
    const diagnostic = await diagnosticOf(uri, RULE);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const show = actions.find((action) => action.title === `Show documentation for ${RULE}`);
    assert.ok(show?.command, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(show.command.command, ...(show.command.arguments ?? []));
    const previews = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.label.includes(`${RULE}.md`));
    await until(() => previews().length === 1, `a markdown preview of ${RULE}.md`);
  });

  test('the output channel names the server version, the configuration file of the folder and the lint time', async () => {
    const uri = await copyOfFixture('care-home.sor.yaml');
    const config = path.join(path.dirname(uri.fsPath), '.sor-lint.json');
    writeFileSync(config, JSON.stringify({ rules: { 'address-unverified': 'off' } }));
    await open(uri);
    await diagnosticOf(uri, RULE);
    await vscode.commands.executeCommand('sor-lint.showOutput');
    // A shown output channel is a text document of the `output` scheme.
    const log = () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'output' && d.getText().includes('SOR Lint server'))?.getText() ?? '';
    await until(() => log().includes(`Configuration for (no folder): ${config}`) && /Linted .*care-home\.sor\.yaml in \d+ ms\./.test(log()), `the log to name ${config} and the lint time`);
    const version = vscode.extensions.getExtension('sor-lint.sor-lint')!.packageJSON.version;
    assert.match(log(), new RegExp(`SOR Lint server ${version.replaceAll('.', '\\.')} started`));
  });

  test('a save with source.fixAll.sor-lint applies the safe fixes, and sor-lint.codeActionsOnSave.mode "off" keeps them out', async () => {
    const uri = await copyOfFixture('needs-tidying.sor.yaml');
    const document = await open(uri);
    await diagnosticOf(uri, 'contact-format');
    await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', { 'source.fixAll.sor-lint': 'explicit' }, vscode.ConfigurationTarget.Global);
    const editAndSave = async () => {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(uri, document.positionAt(document.getText().length), '\n');
      await vscode.workspace.applyEdit(edit);
      await document.save();
    };

    await vscode.workspace.getConfiguration('sor-lint').update('codeActionsOnSave.mode', 'off', vscode.ConfigurationTarget.Global);
    await editAndSave();
    assert.equal(document.isDirty, false);
    assert.ok(document.getText().includes('"+45 8612  3456"'), 'mode off: the phone number is as written');

    await vscode.workspace.getConfiguration('sor-lint').update('codeActionsOnSave.mode', 'all', vscode.ConfigurationTarget.Global);
    await editAndSave();
    await until(() => document.getText().includes('"+45 86 12 34 56"'), 'the save to normalise the phone number');
    assert.match(document.getText(), /unitType: plejehjem /, 'a suggestion is never applied on save');
  });
});
