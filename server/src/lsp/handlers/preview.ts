// sor-lint/preview: what plejeoverblikket will show of the document's newest version, built by
// the lint worker from its tree, with the online verdicts the editor shows. The verdict lens
// above each care unit (code-lens.ts) reads the same preview.
import type { CancellationToken } from 'vscode-languageserver';
import type { PlainFinding } from '../../core/finding.js';
import { toPlainFinding } from '../../core/finding.js';
import type { Preview } from '../../preview/index.js';
import { PreviewRequest } from '../protocol.js';
import type { PreviewResult } from '../protocol.js';
import type { Session } from '../session.js';

export function registerPreview(session: Session): void {
  session.connection.onRequest(PreviewRequest, (params, token) =>
    session.guard.request('preview', { version: null, preview: null } as PreviewResult, token, async () => {
      const preview = await currentPreview(session, params.uri, token);
      const document = session.store.get(params.uri);
      return { version: document?.version ?? null, preview: preview ?? null };
    }),
  );
}

/** The preview of the document's newest version, with the online verdicts when they are of that version. */
export async function currentPreview(session: Session, uri: string, token: CancellationToken): Promise<Preview | undefined> {
  return session.linter.ask(uri, { feature: 'preview', findings: onlineFindings(session, uri) }, token);
}

/** The findings with the online verdicts, when they are of the document's newest version. */
export function onlineFindings(session: Session, uri: string): PlainFinding[] | undefined {
  const outcome = session.store.state(uri)?.outcome;
  const online = outcome && outcome.version === session.store.get(uri)?.version ? outcome.online : undefined;
  // As plain data: a fix's edits are a function, which cannot cross to the worker.
  return online?.findings.map((finding) => toPlainFinding(finding, online.text));
}
