// "Preview plejeoverblikket": one webview beside each SOR document, showing what plejeoverblikket
// will receive of it. The server builds the preview from its latest lint and says when it changed;
// the page is the server's pure renderer's HTML, and its links reveal lines in the source.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { escapeHtml, renderPreviewHtml } from '../../server/src/preview/html.js';
import type { RevealMessage, ShowUnitMessage, WebviewSecurity } from '../../server/src/preview/html.js';
import { PreviewChangedNotification, PreviewRequest } from '../../server/src/lsp/protocol.js';
import { displayLang } from './lang.js';

export const PREVIEW_VIEW_TYPE = 'sor-lint.preview';

export class PreviewPanels implements vscode.Disposable {
  private readonly panels = new Map<string, DocumentPreview>();
  private readonly subscriptions: vscode.Disposable[];

  /** `ready` settles once the client has started (or failed to): requests wait for it. */
  constructor(private readonly client: LanguageClient, private readonly ready: Promise<void>) {
    this.subscriptions = [
      client.onNotification(PreviewChangedNotification, ({ uri }) => this.panels.get(uri)?.refresh()),
      vscode.workspace.onDidCloseTextDocument((document) => this.panels.get(document.uri.toString())?.showClosed()),
    ];
  }

  /**
   * Opens (or brings forward) the preview of `uri`, else of the active editor's document; at the
   * care unit on `line` (1-based) when given, as the verdict lens above a unit asks.
   */
  async open(uri: vscode.Uri | undefined, line?: number): Promise<vscode.WebviewPanel | undefined> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a SOR file to preview what plejeoverblikket will show of it.'));
      return undefined;
    }
    const key = target.toString();
    const existing = this.panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      existing.showUnit(line);
      return existing.panel;
    }
    const preview = new DocumentPreview(target, this.client, this.ready, () => this.panels.delete(key));
    this.panels.set(key, preview);
    await preview.refresh(line);
    return preview.panel;
  }

  dispose(): void {
    for (const preview of [...this.panels.values()]) preview.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

class DocumentPreview {
  readonly panel: vscode.WebviewPanel;
  private readonly fileName: string;
  /** Requests overlap when the user types fast: only the newest answer may render. */
  private requestCount = 0;
  private renderedVersion = -1;

  constructor(private readonly uri: vscode.Uri, private readonly client: LanguageClient, private readonly ready: Promise<void>, onDispose: () => void) {
    this.fileName = path.basename(uri.path);
    this.panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      vscode.l10n.t('Plejeoverblikket preview: {0}', this.fileName),
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The page loads nothing: its style and script are inline, allowed by their nonce.
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    const messages = this.panel.webview.onDidReceiveMessage((message: unknown) => {
      if (isRevealMessage(message)) void this.reveal(message);
    });
    this.panel.onDidDispose(() => {
      messages.dispose();
      onDispose();
    });
  }

  /** `focusLine`: scroll the new page to the care unit on that line (only the first rendering asks). */
  async refresh(focusLine?: number): Promise<void> {
    const request = ++this.requestCount;
    try {
      await this.ready;
      const result = await this.client.sendRequest(PreviewRequest, { uri: this.uri.toString() });
      if (request !== this.requestCount) return;
      if (result.version === null) return this.showClosed();
      if (result.version < this.renderedVersion) return;
      this.renderedVersion = result.version;
      this.panel.webview.html = result.preview
        ? renderPreviewHtml(result.preview, result.preview.lang, this.security(), focusLine)
        : this.messagePage(vscode.l10n.t('SOR Lint does not check {0}: it is not a SOR file, or checking is turned off for it.', this.fileName));
    } catch (error) {
      if (request !== this.requestCount) return;
      this.panel.webview.html = this.messagePage(vscode.l10n.t('The preview could not be made: {0}', error instanceof Error ? error.message : String(error)));
    }
  }

  /** Scrolls the page already shown to the care unit on `line`. */
  showUnit(line: number | undefined): void {
    if (line !== undefined) void this.panel.webview.postMessage({ type: 'showUnit', line } satisfies ShowUnitMessage);
  }

  /** The panel stays (a later reopening refreshes it) but no longer claims to show the file. */
  showClosed(): void {
    this.requestCount++;
    this.renderedVersion = -1;
    this.panel.webview.html = this.messagePage(vscode.l10n.t('{0} is closed. Open it again to see its preview here.', this.fileName));
  }

  private async reveal({ line, column }: RevealMessage): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.uri);
    const position = document.validatePosition(new vscode.Position(line - 1, column - 1));
    const range = document.getWordRangeAtPosition(position) ?? new vscode.Range(position, position);
    const shown = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.One });
    // The word selected, the cursor at the place the link names (as the status bar then says).
    editor.selection = new vscode.Selection(range.end, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private security(): WebviewSecurity {
    return { cspSource: this.panel.webview.cspSource, nonce: randomBytes(16).toString('base64') };
  }

  /** A page with one sentence, under the same policy as the preview's: nothing runs. */
  private messagePage(text: string): string {
    const lang = displayLang();
    const { nonce } = this.security();
    return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}';">
<style nonce="${nonce}">body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 1rem; }</style>
</head>
<body><p>${escapeHtml(text)}</p></body>
</html>
`;
  }
}

function isRevealMessage(message: unknown): message is RevealMessage {
  if (typeof message !== 'object' || message === null) return false;
  const { type, line, column } = message as Record<string, unknown>;
  return type === 'reveal' && Number.isInteger(line) && Number.isInteger(column) && (line as number) >= 1 && (column as number) >= 1;
}
