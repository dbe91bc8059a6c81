// textDocument/documentSymbol (the outline), answered by the lint worker from the document's tree (../symbols.ts).
import type { Session } from '../session.js';

export function registerSymbols(session: Session): void {
  session.connection.onDocumentSymbol((params, token) =>
    session.guard.request('documentSymbol', [], token, async () => (await session.linter.ask(params.textDocument.uri, { feature: 'symbols' }, token)) ?? []),
  );
}
