// sor-lint/preview: what plejeoverblikket will show of the document's newest version, built by
// the lint worker from its tree, with the online verdicts the editor shows.
import { PreviewRequest } from '../protocol.js';
import type { PreviewResult } from '../protocol.js';
import type { Session } from '../session.js';

export function registerPreview(session: Session): void {
  session.connection.onRequest(PreviewRequest, (params, token) =>
    session.guard.request('preview', { version: null, preview: null } as PreviewResult, token, async () => {
      const { uri } = params;
      const outcome = session.store.state(uri)?.outcome;
      const current = outcome && outcome.version === session.store.get(uri)?.version;
      const online = current ? outcome.online?.findings : undefined;
      const preview = await session.linter.ask(uri, { feature: 'preview', findings: online }, token);
      const document = session.store.get(uri);
      return { version: document?.version ?? null, preview: preview ?? null };
    }),
  );
}
