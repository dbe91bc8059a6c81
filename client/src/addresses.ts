// Online address verification from the editor: the service's token lives in VS Code's secret
// storage and reaches the server only by notification (never settings, logs or messages), and
// "Verify addresses now" runs the server's command on the active document.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { State } from 'vscode-languageclient/node';
import type { VerifyAddressesResult } from '../../server/src/lsp/protocol.js';
import { SetAddressTokenNotification, VERIFY_ADDRESSES_COMMAND } from '../../server/src/lsp/protocol.js';

const TOKEN_KEY = 'sor-lint.addresses.token';

export class AddressToken implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage, private readonly client: LanguageClient) {
    this.subscriptions = [
      // The server keeps the token in memory only: each (re)started server gets it anew.
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) void this.send();
      }),
      // Another window of VS Code may have changed it.
      secrets.onDidChange(({ key }) => {
        if (key === TOKEN_KEY) void this.send();
      }),
    ];
  }

  /** Asks for the token, unless a caller (a test, another extension) passes it. */
  async set(given?: string): Promise<void> {
    const token = typeof given === 'string' ? given : await vscode.window.showInputBox({
      title: vscode.l10n.t('Address service token'),
      prompt: vscode.l10n.t('The token of the address service named in sor-lint.addresses.service. It is kept in VS Code\'s secret storage.'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() === '' ? vscode.l10n.t('The token cannot be empty.') : undefined),
    });
    if (token === undefined || token.trim() === '') return;
    await this.secrets.store(TOKEN_KEY, token.trim());
    await this.send();
    void vscode.window.showInformationMessage(vscode.l10n.t('The address service token is stored in VS Code\'s secret storage.'));
  }

  async clear(): Promise<void> {
    await this.secrets.delete(TOKEN_KEY);
    await this.send();
    void vscode.window.showInformationMessage(vscode.l10n.t('The address service token is removed.'));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private async send(): Promise<void> {
    if (this.client.state !== State.Running) return;
    const token = (await this.secrets.get(TOKEN_KEY)) ?? null;
    await this.client.sendNotification(SetAddressTokenNotification, { token });
  }
}

/**
 * "Verify addresses now" for `uri` or the active document: the server's command (which the
 * language client registered under the server's id), its summary shown and returned.
 */
export async function verifyAddressesInEditor(ready: Promise<void>, uri?: vscode.Uri): Promise<VerifyAddressesResult | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a SOR file to verify its addresses.'));
    return undefined;
  }
  await ready;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking addresses in the online register…') },
    () => vscode.commands.executeCommand<VerifyAddressesResult>(VERIFY_ADDRESSES_COMMAND, target.toString()),
  );
  void vscode.window.showInformationMessage(summaryOf(result));
  return result;
}

function summaryOf(result: VerifyAddressesResult): string {
  if (result.reason === 'off') {
    return vscode.l10n.t(
      'Online address verification is off for this file. Turn on sor-lint.addresses.online, name the service\'s endpoint in sor-lint.addresses.endpoint, and trust the workspace.',
    );
  }
  if (result.checked === 0) return vscode.l10n.t('No visiting addresses to verify in this file.');
  if (result.failed === 0) return vscode.l10n.t('Visiting addresses checked: {0}; the address register confirmed all of them.', result.checked);
  return vscode.l10n.t('Visiting addresses checked: {0}; not confirmed by the address register: {1} (see the Problems panel).', result.checked, result.failed);
}
