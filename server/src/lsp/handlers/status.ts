// The status notification (protocol.ts): after each lint of a document, and when its online
// lookup starts and ends; the extension's status bar item shows it.
import type { LintOutcome } from '../documents.js';
import { StatusNotification } from '../protocol.js';
import type { Session } from '../session.js';

export function sendStatus(session: Session, uri: string, outcome: LintOutcome): void {
  void session.connection.sendNotification(StatusNotification, { uri, ...outcome.status, addressLookups: outcome.lookups, configFiles: outcome.computation.configFiles });
}
