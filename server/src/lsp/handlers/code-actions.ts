// textDocument/codeAction and the commands behind actions: quick-fixes, fix-all and the rule's
// documentation. The actions are built by the lint worker from the lint it holds (../code-actions.ts),
// so a code action costs the main thread nothing, and neither does "fix all safe".
import { FIX_ALL_COMMAND, FIX_ALL_KIND, SHOW_DOCUMENTATION_COMMAND } from '../code-actions.js';
import { VERIFY_ADDRESSES_COMMAND } from '../protocol.js';
import type { VerifyAddressesResult } from '../protocol.js';
import type { Session } from '../session.js';
import { versionedEdits } from '../session.js';
import { texts } from '../texts.js';
import { verifyAddressesNow } from './online.js';
import { onlineFindings } from './preview.js';

export const CODE_ACTION_KINDS = ['quickfix', FIX_ALL_KIND];
export const COMMANDS = [FIX_ALL_COMMAND, SHOW_DOCUMENTATION_COMMAND, VERIFY_ADDRESSES_COMMAND];

export function registerCodeActions(session: Session): void {
  const { connection, guard, linter } = session;
  connection.onCodeAction((params, token) =>
    guard.request('codeAction', [], token, async () => {
      const uri = params.textDocument.uri;
      return (await linter.ask(uri, { feature: 'codeActions', params, versionedEdits: versionedEdits(session.client), findings: onlineFindings(session, uri) }, token)) ?? [];
    }),
  );
  connection.onExecuteCommand((params, token) =>
    guard.request('executeCommand', undefined, token, () => executeCommand(session, params.command, params.arguments ?? [])),
  );
}

async function executeCommand(session: Session, command: string, args: unknown[]): Promise<VerifyAddressesResult | undefined> {
  const uri = args[0];
  if (typeof uri !== 'string') return undefined;
  if (command === VERIFY_ADDRESSES_COMMAND) return verifyAddressesNow(session, uri);
  if (command === SHOW_DOCUMENTATION_COMMAND) {
    await session.connection.window.showDocument({ uri, external: true });
  } else if (command === FIX_ALL_COMMAND) {
    const edit = await session.linter.ask(uri, { feature: 'fixAll', versionedEdits: versionedEdits(session.client) });
    const lang = session.store.state(uri)?.outcome?.lang;
    if (edit && lang) await session.connection.workspace.applyEdit({ label: texts.fixAllSafe[lang], edit });
  }
  return undefined;
}
