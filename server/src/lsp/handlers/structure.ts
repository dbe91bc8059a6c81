// Folding and selection ranges (../structure.ts), answered by the lint worker from the document's tree.
import type { Session } from '../session.js';

export function registerStructure(session: Session): void {
  const { connection, guard, linter } = session;
  connection.onFoldingRanges((params, token) =>
    guard.request('foldingRange', null, token, async () => (await linter.ask(params.textDocument.uri, { feature: 'folding' }, token)) ?? null),
  );
  connection.onSelectionRanges((params, token) =>
    guard.request('selectionRange', null, token, async () => (await linter.ask(params.textDocument.uri, { feature: 'selection', positions: params.positions }, token)) ?? null),
  );
}
