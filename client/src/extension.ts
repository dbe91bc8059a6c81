// The VS Code face of sor-lint: starts the bundled language server over stdio, keeps its settings in
// sync, shows its state in the status bar and offers the commands. All linting is the server's.
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';
import { DocumentDiagnosticRequest, LanguageClient, State, TransportKind } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol.js';
import { StatusNotification } from '../../server/src/lsp/protocol.js';
import { AddressToken, verifyAddressesInEditor } from './addresses.js';
import { importFromSorExport } from './import.js';
import { PreviewPanels } from './preview.js';
import { RulePages, SHOW_DOCUMENTATION_COMMAND } from './rule-pages.js';
import { ServerLog } from './server-log.js';
import { LintStatusBar } from './status.js';

/** Languages whose documents go to the server; it decides per document whether it is a SOR file. */
const LANGUAGES = ['yaml', 'json', 'jsonc', 'sor-yaml', 'sor-json'] as const;
const SCHEMES = ['file', 'untitled'] as const;

const COMMANDS = {
  restart: 'sor-lint.restartServer',
  fixAll: 'sor-lint.fixAll',
  showOutput: 'sor-lint.showOutput',
  preview: 'sor-lint.preview',
  importFromSorExport: 'sor-lint.importFromSorExport',
  setAddressToken: 'sor-lint.setAddressToken',
  clearAddressToken: 'sor-lint.clearAddressToken',
  // Not the server's own id (sor-lint.verifyAddresses), which the language client registers.
  verifyAddresses: 'sor-lint.verifyAddressesInEditor',
} as const;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('SOR Lint');
  const statusBar = new LintStatusBar(COMMANDS.showOutput, LANGUAGES);
  context.subscriptions.push(output, statusBar);

  const serverLog = new ServerLog(output);
  let restarted = false;
  const languageClient = createClient(context, output, () => restarted);
  const restart = async () => {
    restarted = true;
    await languageClient.restart();
  };
  client = languageClient;
  // Settles once the client has started or failed to: what talks to the server waits for it.
  let started: () => void = () => {};
  const ready = new Promise<void>((resolve) => (started = resolve));
  const previews = new PreviewPanels(languageClient, ready);
  const addressToken = new AddressToken(context.secrets, languageClient);
  context.subscriptions.push(
    previews,
    addressToken,
    languageClient.onDidChangeState((event) => {
      statusBar.setClientState(event.newState);
      if (event.newState === State.Running) serverLog.started(languageClient.initializeResult?.serverInfo?.version, context.asAbsolutePath(SERVER_MODULE));
    }),
    languageClient.onNotification(StatusNotification, (status) => {
      statusBar.setLintStatus(status);
      serverLog.linted(status);
    }),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMANDS.restart, async () => {
      output.appendLine(vscode.l10n.t('Restarting the SOR Lint server.'));
      await restart();
    }),
    // From the editor's title bar a Uri; from a verdict lens the document's URI as text and the care unit's line.
    vscode.commands.registerCommand(COMMANDS.preview, (uri?: vscode.Uri | string, line?: number) =>
      previews.open(typeof uri === 'string' ? vscode.Uri.parse(uri) : uri, typeof line === 'number' ? line : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.importFromSorExport, (csvUri?: vscode.Uri, provider?: string) => importFromSorExport(csvUri, provider)),
    vscode.commands.registerCommand(COMMANDS.setAddressToken, (token?: string) => addressToken.set(token)),
    vscode.commands.registerCommand(COMMANDS.clearAddressToken, () => addressToken.clear()),
    vscode.commands.registerCommand(COMMANDS.verifyAddresses, (uri?: vscode.Uri) => verifyAddressesInEditor(ready, uri)),
    // initializationOptions carry the trust state, so the server learns of it by a restart.
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart()),
  );
  serverLog.restrictedMode();
  // A server that cannot start must not fail activation: the restart command stays available.
  await languageClient.start().then(started, (error: unknown) => {
    output.appendLine(vscode.l10n.t('The SOR Lint server could not start: {0}', String(error)));
    started();
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

const SERVER_MODULE = 'dist/server.js';

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel, restarted: () => boolean): LanguageClient {
  let languageClient: LanguageClient | undefined;
  const serverModule = context.asAbsolutePath(SERVER_MODULE);
  const rulePages = new RulePages(context.extensionUri);
  // Over stdio, not IPC: the diagnostics text the lint worker wrote goes out as it is (raw-json.ts),
  // where IPC would parse and stringify it again on the server's main thread for every message.
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: { module: serverModule, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.flatMap((scheme) => LANGUAGES.map((language) => ({ scheme, language }))),
    // No `synchronize`: the server registers for configuration changes and for config-file and
    // SOR-file events (its workspace index) itself.
    // A function, so that a restart (after trust is granted) sends the current state.
    initializationOptions: (): InitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      storagePath: context.globalStorageUri.fsPath,
    }),
    outputChannel: output,
    diagnosticCollectionName: 'sor-lint',
    middleware: {
      // vscode-languageclient 9 disposes the event that pulls a newly opened document's diagnostics
      // when the client stops, so after a restart no file opened from the explorer or Quick Open
      // was ever linted. Once such a didOpen is sent, ask for the visible documents' diagnostics.
      didOpen: async (document, next) => {
        await next(document);
        if (restarted()) languageClient?.getFeature(DocumentDiagnosticRequest.method)?.getProvider(document)?.onDidChangeDiagnosticsEmitter.fire();
      },
      // The server's diagnostics are pulled (textDocument/diagnostic).
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report?.kind === 'full') rulePages.withBundledLinks(report.items);
        return report;
      },
      // sor-lint.codeActionsOnSave.mode `off`: nothing of ours when editor.codeActionsOnSave asks for source.fixAll.
      provideCodeActions: (document, range, codeActionContext, token, next) => {
        const onSave = codeActionContext.triggerKind === vscode.CodeActionTriggerKind.Automatic && codeActionContext.only?.contains(FIX_ALL_KIND);
        const mode = vscode.workspace.getConfiguration('sor-lint', document).get<string>('codeActionsOnSave.mode');
        return onSave && mode === 'off' ? [] : next(document, range, codeActionContext, token);
      },
      executeCommand: async (command, args, next) => {
        if (command === SHOW_DOCUMENTATION_COMMAND && (await rulePages.show(args[0]))) return undefined;
        // "Fix all" from the command palette comes without a document: use the active editor's.
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        const fillsDocument = command === COMMANDS.fixAll && args.length === 0 && uri !== undefined;
        return next(command, fillsDocument ? [uri] : args);
      },
    },
  };
  languageClient = new SorLanguageClient('sor-lint', 'SOR Lint', serverOptions, clientOptions);
  return languageClient;
}

/**
 * vscode-languageclient 9 logs every exit of the server process as an error, the clean one of a
 * restart or a shutdown too; a user reading "[Error] Server process exited with code 0" after
 * SOR Lint: Restart Server thinks something broke. That one line is information.
 */
class SorLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    if (message === CLEAN_EXIT) this.info(message, data, false);
    else super.error(message, data, showNotification);
  }
}

/** The library's words for a server that exited with code 0 (lib/node/main.js). */
const CLEAN_EXIT = 'Server process exited with code 0.';

/** The server's fix-all kind (lsp/code-actions.ts, which the client does not bundle). */
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('sor-lint');
