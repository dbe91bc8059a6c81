// textDocument/codeLens: plejeoverblikket's verdict above each care unit (../verdict-lens.ts),
// from the same preview the webview and `sor-lint preview` show. When online verdicts change
// it, the client is asked to fetch the lenses again.
import { CodeLensRefreshRequest } from 'vscode-languageserver';
import { verdictLenses } from '../verdict-lens.js';
import type { Session } from '../session.js';
import { currentPreview } from './preview.js';

export function registerCodeLens(session: Session): void {
  session.connection.onCodeLens((params, token) =>
    session.guard.request('codeLens', [], token, async () => {
      const preview = await currentPreview(session, params.textDocument.uri, token);
      return preview ? verdictLenses(preview, params.textDocument.uri) : [];
    }),
  );
}

export function refreshCodeLenses(session: Session): void {
  if (session.client.capabilities.workspace?.codeLens?.refreshSupport) void session.connection.sendRequest(CodeLensRefreshRequest.type);
}
