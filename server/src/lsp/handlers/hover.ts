// textDocument/hover, answered by the lint worker from the document's tree (../hover.ts).
import type { Session } from '../session.js';

export function registerHover(session: Session): void {
  session.connection.onHover((params, token) =>
    session.guard.request('hover', null, token, async () => (await session.linter.ask(params.textDocument.uri, { feature: 'hover', position: params.position }, token)) ?? null),
  );
}
