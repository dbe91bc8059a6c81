// What the output channel tells about the server beyond its own messages: which version runs,
// which configuration files each workspace folder's files use (when that changes) and how long
// each lint took; and, once, that restricted mode ignores the workspace's configuration file.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/lsp/protocol.js';

export class ServerLog {
  private readonly configByFolder = new Map<string, string>();
  private restrictedModeSaid = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  started(version: string | undefined, serverModule: string): void {
    this.configByFolder.clear();
    this.output.appendLine(vscode.l10n.t('SOR Lint server {0} started ({1}).', version ?? '?', serverModule));
  }

  linted(status: StatusParams): void {
    // `on`: the online verdicts of a lint already logged.
    if (status.addressLookups === 'on') return;
    const uri = vscode.Uri.parse(status.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const folderName = folder?.name ?? vscode.l10n.t('(no folder)');
    const files = status.configFiles.map((file) => (folder ? path.relative(folder.uri.fsPath, file) || file : file));
    const config = files.length > 0 ? files.join(', ') : vscode.l10n.t('none (the default rules and the settings)');
    if (this.configByFolder.get(folderName) !== config) {
      this.configByFolder.set(folderName, config);
      this.output.appendLine(vscode.l10n.t('Configuration for {0}: {1}', folderName, config));
    }
    this.output.appendLine(vscode.l10n.t('Linted {0} in {1} ms.', vscode.workspace.asRelativePath(uri), status.lintMs));
  }

  /** Once per session in an untrusted workspace: the output line and a notification. */
  restrictedMode(): void {
    if (vscode.workspace.isTrusted || this.restrictedModeSaid) return;
    this.restrictedModeSaid = true;
    const text = vscode.l10n.t('Restricted mode: SOR Lint ignores the configuration file named in the sor-lint.configFile setting and does not look addresses up online until you trust this workspace.');
    this.output.appendLine(text);
    void vscode.window.showInformationMessage(text);
  }
}
