// What a rule is: metadata (id, severity, documentation) and a check over the typed tree.
// Rules report spans and bilingual messages; the core localises, applies configuration and
// suppressions, and hands findings to the CLI and the language server.
import type { Span } from './ast.js';
import type { Severity, TextEdit } from './finding.js';
import type { Lang, Msg } from './i18n.js';
import type { SorDocument } from './model.js';

export interface RuleDocs {
  /** One line: what the rule finds. */
  summary: Msg;
  /** Why: what the guidance says, in a paragraph. */
  rationale: Msg;
  /** What the user does about it. */
  remedy: Msg;
  /** Where in the guidance (or the format) the rule comes from, e.g. "Afsnit 3, Aktivitet 2". */
  source: string;
  /** Example YAML that the rule reports, and the same made right. */
  invalidExample: string;
  validExample: string;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  docs: RuleDocs;
  /** Does the rule offer fixes, and of which kind (documentation only). */
  fix?: { safe: boolean; description: Msg };
  check(context: RuleContext): void;
}

export interface FixSpec {
  title: Msg;
  safe: boolean;
  edits: TextEdit[];
}

export interface Report {
  span: Span;
  message: Msg;
  related?: { span: Span; message: Msg }[];
  fixes?: FixSpec[];
  /**
   * For the rule's secondary findings only (an inherited field reported as information, an
   * unknown postcode as a warning): the level relative to the rule's default. The user's
   * configured severity replaces the default; a secondary level is never raised above it.
   */
  severity?: Severity;
}

export interface RuleContext {
  document: SorDocument;
  /** Every document of the file (a YAML stream), `document` among them: "the file" in RULES.md. */
  documents: readonly SorDocument[];
  /** The document's whole text (BOM removed); rules read nodes, not text, but edits need it. */
  text: string;
  lang: Lang;
  /** Today as YYYY-MM-DD, so closed units can be left out (fixed in tests). */
  today: string;
  /** Settings beyond severities that some rules read (postcode table, default non-care type). */
  settings: RuleSettings;
  report(report: Report): void;
}

export interface RuleSettings {
  /** The unit type offered when retyping one end of a `plejeenhed` nesting conflict. */
  defaultNonCareUnitType: string;
  /** Postcode table; the bundled 2018 DAWA snapshot unless the user points at a newer one. */
  postcodes: PostcodeTable;
}

export interface PostcodeEntry {
  name: string;
  /** Reserved for one large recipient; carries no street addresses. */
  stormodtager: boolean;
}

export interface PostcodeTable {
  get(code: string): PostcodeEntry | undefined;
  /** Where the table came from, for messages ("DAWA 2018"). */
  readonly source: string;
}
