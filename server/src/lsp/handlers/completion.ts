// textDocument/completion, answered by the lint worker from the document's tree (../completion.ts).
import type { Session } from '../session.js';

export function registerCompletion(session: Session): void {
  session.connection.onCompletion((params, token) =>
    session.guard.request('completion', [], token, async () => (await session.linter.ask(params.textDocument.uri, { feature: 'completion', position: params.position }, token)) ?? []),
  );
}
