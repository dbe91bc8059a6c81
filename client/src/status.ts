// The status bar item: the server's state for the active document, in the manner of vscode-eslint.
// A warning look when linting was slow or failed, or the server stopped; a click shows the output.
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';

import type { StatusParams } from '../../server/src/lsp/protocol.js';

interface Look {
  icon: string;
  tooltip: string;
  background?: 'statusBarItem.warningBackground' | 'statusBarItem.errorBackground';
}

export class LintStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('sor-lint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[];
  private clientState: State = State.Starting;

  constructor(showOutputCommand: string, private readonly languages: readonly string[]) {
    this.item.name = vscode.l10n.t('SOR Lint status');
    this.item.command = showOutputCommand;
    this.subscriptions = [
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidCloseTextDocument((document) => this.byUri.delete(document.uri.toString())),
    ];
    this.render();
  }

  setClientState(state: State): void {
    this.clientState = state;
    if (state !== State.Running) this.byUri.clear();
    this.render();
  }

  setLintStatus(status: StatusParams): void {
    this.byUri.set(status.uri, status);
    this.render();
  }

  dispose(): void {
    this.item.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && this.byUri.get(document.uri.toString());
    const isSorDocument = status !== undefined || (document !== undefined && document.languageId.startsWith('sor-'));
    const serverDown = this.clientState === State.Stopped;
    const relevant = isSorDocument || serverDown || (document !== undefined && this.languages.includes(document.languageId) && this.clientState === State.Starting);
    if (!relevant) {
      this.item.hide();
      return;
    }
    const look = this.lookFor(status);
    // Addresses leave the machine only while lookups are on: the globe says so.
    const lookups = status?.addressLookups ?? 'off';
    if (lookups !== 'off') {
      look.tooltip += `\n${vscode.l10n.t('Online address lookups: on.')}`;
      if (lookups === 'checking') {
        look.icon = '$(sync~spin)';
        look.tooltip += ` ${vscode.l10n.t('Checking addresses in the online register…')}`;
      }
    }
    this.item.text = `${look.icon}${lookups === 'off' ? '' : ' $(globe)'} SOR Lint`;
    this.item.tooltip = look.tooltip;
    this.item.backgroundColor = look.background && new vscode.ThemeColor(look.background);
    this.item.show();
  }

  private lookFor(status: StatusParams | undefined): Look {
    if (this.clientState === State.Starting) return { icon: '$(sync~spin)', tooltip: vscode.l10n.t('SOR Lint: the server is starting.') };
    if (this.clientState === State.Stopped) {
      return {
        icon: '$(error)',
        tooltip: vscode.l10n.t('SOR Lint: the server has stopped. Click to see its output; run "SOR Lint: Restart Server" to start it again.'),
        background: 'statusBarItem.errorBackground',
      };
    }
    // The server's own message (in the user's chosen language) says it best; ours stands in.
    const tooltip = (fallback: string): string => (status?.message ? `SOR Lint: ${status.message}` : fallback);
    switch (status?.state) {
      case 'slow':
        return {
          icon: '$(watch)',
          tooltip: tooltip(vscode.l10n.t('SOR Lint: checking this file took {0} ms, more than the time budget (sor-lint.lintTimeBudgetMs).', status.lintMs)),
          background: 'statusBarItem.warningBackground',
        };
      case 'error':
        return {
          icon: '$(warning)',
          tooltip: tooltip(vscode.l10n.t('SOR Lint: checking this file failed. Click to see the output.')),
          background: 'statusBarItem.warningBackground',
        };
      case 'ok':
        return { icon: '$(check)', tooltip: tooltip(vscode.l10n.t('SOR Lint: checked in {0} ms.', status.lintMs)) };
      default:
        return { icon: '$(check)', tooltip: vscode.l10n.t('SOR Lint: the server is running.') };
    }
  }
}
