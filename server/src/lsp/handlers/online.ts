// Online address verification in the editor: after the offline lint is shown, the register is
// asked about the document's visiting addresses (the cache first), and the verdicts replace the
// offline findings they settle; "Verify addresses now" asks again at once. Also the token the
// client hands over. What needs the tree (which addresses to ask about, the findings of the
// verdicts) is answered by the lint worker from its kept lint; only the network calls are made here.
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { fromPlainFinding } from '../../core/finding.js';
import type { LintOutcome } from '../documents.js';
import { diagnosticsOf } from '../lint-job.js';
import type { LintFindings } from '../lint-job.js';
import { isFailedVerdict } from '../online.js';
import type { AddressVerdict } from '../../address/verify/index.js';
import type { VerifyAddressesResult } from '../protocol.js';
import { SetAddressTokenNotification } from '../protocol.js';
import type { Session } from '../session.js';
import { pullsDiagnostics, refreshDiagnostics, showsCodeLenses } from '../session.js';
import { shownAsDiagnostics } from '../verdict-lens.js';
import { texts } from '../texts.js';
import { previewChanged, publish, revalidateAll } from './diagnostics.js';
import { refreshCodeLenses } from './code-lens.js';
import { sendStatus } from './status.js';

const LOOKUPS_OFF: VerifyAddressesResult = { checked: 0, failed: 0, reason: 'off' };

export function registerOnline(session: Session): void {
  session.connection.onNotification(SetAddressTokenNotification, (params) =>
    session.guard.notification('setAddressToken', () => {
      const token = typeof params?.token === 'string' ? params.token : null;
      if (session.addressLookup.setToken(token)) revalidateAll(session);
    }),
  );
}

/**
 * Asks the register about the outcome's addresses and, unless a newer version came meanwhile,
 * shows the verdicts in place of the offline findings they replace. Starts once per outcome
 * unless `now` (the command) asks again. Undefined when a newer edit aborted it.
 */
export async function lookUp(session: Session, uri: string, outcome: LintOutcome, now = false): Promise<VerifyAddressesResult | undefined> {
  const { store, linter } = session;
  const document = store.get(uri);
  const state = store.state(uri);
  if (!document || !state || !outcome.verifier || (outcome.lookupStarted && !now) || !linter.isCurrent(state, outcome)) return undefined;
  outcome.lookupStarted = true;
  const queries = await session.runner.query(uri, outcome.version, { feature: 'addressQueries' });
  if (!queries || !linter.isCurrent(state, outcome)) return undefined;
  state.lookup?.abort();
  const controller = new AbortController();
  state.lookup = controller;
  let verdicts: AddressVerdict[];
  try {
    verdicts = queries.length === 0 ? [] : await outcome.verifier.verify(queries, controller.signal);
  } catch (error) {
    if (controller.signal.aborted) return undefined;
    throw error;
  } finally {
    if (state.lookup === controller) state.lookup = undefined;
  }
  const summary = { checked: verdicts.length, failed: verdicts.filter(isFailedVerdict).length };
  // A stale verdict is never shown: the newer version has (or will get) its own.
  if (!linter.isCurrent(state, outcome)) return summary;
  if (summary.checked === 0) {
    // No address to look up: nothing to show again, only that the lookup is done.
    outcome.lookups = 'on';
    sendStatus(session, uri, outcome);
    return summary;
  }
  const verified = await session.runner.query(uri, outcome.version, { feature: 'onlineFindings', verdicts });
  if (!verified || !linter.isCurrent(state, outcome)) return summary;
  const result: LintFindings = { ...verified, findings: verified.findings.map(fromPlainFinding) };
  const diagnostics = diagnosticsOf(document, outcome.computation, { ...result, findings: shownAsDiagnostics(result.findings, showsCodeLenses(session.client)) });
  const status = outcome.status.state === 'ok' ? { ...outcome.status, message: texts.statusOk(diagnostics.length, outcome.status.lintMs)[outcome.lang] } : outcome.status;
  const online: LintOutcome = { ...outcome, revision: linter.nextRevision(), online: result, diagnostics, diagnosticCount: diagnostics.length, status, lookups: 'on' };
  state.outcome = online;
  sendStatus(session, uri, online);
  refreshCodeLenses(session);
  if (!pullsDiagnostics(session.client)) {
    await publish(session, uri, online);
  } else {
    previewChanged(session, uri, online.version);
    refreshDiagnostics(session);
  }
  return summary;
}

/** "Verify addresses now": the document's current lint checked online at once (the cache still counts). */
export async function verifyAddressesNow(session: Session, uri: string): Promise<VerifyAddressesResult> {
  const document = session.store.get(uri);
  const outcome = document && (await session.linter.outcomeFor(document));
  if (typeof outcome !== 'object' || !outcome.verifier) return LOOKUPS_OFF;
  const summary = await lookUp(session, uri, outcome, true);
  if (!summary) throw new ResponseError(LSPErrorCodes.ContentModified, 'the document changed during the lookup');
  return summary;
}
