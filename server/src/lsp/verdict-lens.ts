// Plejeoverblikket's verdict in the editor (issue 13): a code lens above each care unit, "Shown on
// plejeoverblikket" or "Not shown: 2 errors", that opens the preview at the unit, and beside it the
// contact values the unit will show that it does not have itself (inherited, or the postal address
// standing in for a visiting one), with the unit they come from.
//
// A code lens, not an inlay hint: the verdict is about the whole unit, so it belongs on a line of
// its own above it (as a test's "Run | Debug" does), where it takes no room from the text and its
// command is one click; an inlay hint sits inside the line it annotates, pushing the unit's name
// aside, and would have to be repeated or placed on one key.
//
// The verdict is the preview's own (preview/model.ts): the same model the webview and
// `sor-lint preview` show, never a second judgement. The inherited values live here, so their
// information findings (careunit-contact-missing) are not diagnostics where the client shows code
// lenses (`shownAsDiagnostics`): a big file's ten thousand notes neither paint every care unit's
// name nor go to the editor on every keystroke, and their quick-fixes are offered at the unit's
// name all the same (code-actions.ts). A client without lenses gets them as hints.
import type { CodeLens } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/finding.js';
import type { Lang, Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { CONTACT_FIELDS } from '../core/inheritance.js';
import type { Preview, PreviewCareUnit } from '../preview/index.js';
import { previewLabels } from '../preview/labels.js';

/** The extension's "Preview plejeoverblikket" command; arguments `[uri, line]` open it at the unit on that 1-based line. */
export const PREVIEW_COMMAND = 'sor-lint.preview';

/** The rule whose information findings say what a care unit inherits: the lens shows that instead. */
const INHERITANCE_RULE_ID = 'careunit-contact-missing';

export function verdictLenses(preview: Preview, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const unit of preview.providers.flatMap((provider) => provider.careUnits)) {
    const line = unit.line - 1;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const title = verdictOf(unit)[preview.lang];
    lenses.push({ range, command: { title, command: PREVIEW_COMMAND, arguments: [uri, unit.line] } });
    if (unit.state === 'closed') continue;
    // Text only (no command id): what the unit will show; go to definition on its name reaches the source.
    for (const title of inheritedValues(unit, preview.lang)) lenses.push({ range, command: { title, command: '' } });
  }
  return lenses;
}

function verdictOf(unit: PreviewCareUnit): Msg {
  if (unit.state === 'closed') return msg('– Vises ikke: lukket', '– Not shown: closed');
  const errors = unit.blocking.length;
  if (unit.state === 'rejected') return msg(`✗ Vises ikke: ${errors} fejl`, `✗ Not shown: ${errors} ${errors === 1 ? 'error' : 'errors'}`);
  return msg('✓ Vises på plejeoverblikket', '✓ Shown on plejeoverblikket');
}

/** "Phone: 86 12 34 00 (inherited from Bofællesskabet Lærkehøj)", for each value the unit does not have itself. */
function inheritedValues(unit: PreviewCareUnit, lang: Lang): string[] {
  const labels = previewLabels(lang);
  const titles: string[] = [];
  for (const field of CONTACT_FIELDS) {
    const contact = unit[field];
    if (contact && contact.how !== 'own') titles.push(`${labels[field]}: ${contact.text} (${labels.provenance(contact)})`);
  }
  return titles;
}

/** A note of what a care unit inherits (information, not a problem): what the lens carries. */
export function isInheritanceNote(finding: Finding): boolean {
  return finding.ruleId === INHERITANCE_RULE_ID && finding.severity === 'info';
}

/** The severity a finding is shown with in the editor: an inheritance note is a hint. */
export function editorSeverity(finding: Finding): Severity {
  return isInheritanceNote(finding) ? 'hint' : finding.severity;
}

/** The findings the editor gets as diagnostics: all, less the inheritance notes where the lens carries them. */
export function shownAsDiagnostics(findings: Finding[], notesInLens: boolean): Finding[] {
  return notesInLens ? findings.filter((finding) => !isInheritanceNote(finding)) : findings;
}
