// Go to definition, find references and document highlight (../navigation.ts), answered by the
// lint worker from the document's kept lint: between units that share a SOR code, from a care
// unit to where its inherited values are written, and from a finding to its related places.
import type { Session } from '../session.js';

export function registerNavigation(session: Session): void {
  const { connection, guard, linter } = session;
  connection.onDefinition((params, token) =>
    guard.request('definition', null, token, async () => (await linter.ask(params.textDocument.uri, { feature: 'definition', position: params.position }, token)) ?? null),
  );
  connection.onReferences((params, token) =>
    guard.request('references', null, token, async () => {
      const query = { feature: 'references', position: params.position, includeDeclaration: params.context.includeDeclaration } as const;
      return (await linter.ask(params.textDocument.uri, query, token)) ?? null;
    }),
  );
  connection.onDocumentHighlight((params, token) =>
    guard.request('documentHighlight', null, token, async () => (await linter.ask(params.textDocument.uri, { feature: 'highlights', position: params.position }, token)) ?? null),
  );
}
