// What a rule is: metadata (id, severity, documentation) and a check over the typed tree.
// Rules report spans and bilingual messages; the core localises, applies configuration and
// suppressions, and hands findings to the CLI and the language server.
import type { MapNode, Node, Span } from './ast.js';
import type { RelatedFile, Severity, TextEdit } from './finding.js';
import type { Lang, Msg } from './i18n.js';
import type { SorDocument } from './model.js';
import type { Directive } from './suppressions.js';

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

/** A kind of fix a rule offers, for its documentation. */
export interface FixDoc {
  safe: boolean;
  description: Msg;
}

/**
 * A schema error that a rule reports itself, with a better message: the schema rule stays silent
 * on it so one mistake gives one finding. `property` is the key at fault (for `required`, the
 * missing key); `when` narrows it to what the rule reports: the mapping that holds the key, and
 * the value at fault (undefined for a missing key).
 */
export interface SupersededSchemaError {
  keyword: string;
  property: string;
  when?: (owner: MapNode, context: RuleContext, value: Node | undefined) => boolean;
}

/**
 * What a rule's findings depend on, so that an edit re-checks no more than it must (incremental.ts):
 * - `institution`: a finding inside a top-level institution depends only on that institution and
 *   the text outside `institutions` (the provider, whose values it inherits), and a finding outside
 *   every institution only on the text outside them. The rule reads `context.document.entities`,
 *   which may then hold the provider and one institution's subtree only.
 * - `file`: a finding may depend on anything in the file (codes shared across units, what the
 *   file's other units are typed, the comments): it is checked again over the whole file.
 */
export type RuleScope = 'institution' | 'file';

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  scope: RuleScope;
  docs: RuleDocs;
  /** The keys the rule reads: hover on a key lists the rules that concern it. */
  fields: readonly string[];
  /** Values the rule speaks about, by key (`unitType: plejehjem`): hover and completion list the rule there. */
  values?: Readonly<Record<string, readonly string[]>>;
  /** Schema errors this rule reports instead of the schema rule. */
  supersedes?: readonly SupersededSchemaError[];
  /** The fixes the rule offers, of which kind (documentation only). */
  fix?: FixDoc | readonly FixDoc[];
  check(context: RuleContext): void;
}

export interface FixSpec {
  title: Msg;
  safe: boolean;
  /**
   * The edits, computed only when a face applies or offers the fix: the command without `--fix`
   * never asks, and a national file has a fix for nearly every unit. `text` is the text the
   * finding's spans refer to when asked: the editor's incremental lint moves a kept finding (and
   * its nodes) into a newer text, so the edits must read that text, never one captured earlier.
   */
  edits: (text: string) => TextEdit[];
}

export interface Report {
  span: Span;
  /** One sentence: what is wrong, naming the unit and the value (under ~140 characters). */
  message: Msg;
  /** One sentence: what to do. The why lives once, in the rule's documentation. */
  action?: Msg;
  /** The other places of a conflict; `file` when one is in another file of the workspace. */
  related?: { span: Span; message: Msg; file?: RelatedFile }[];
  fixes?: FixSpec[];
  /**
   * For the rule's secondary findings only (an inherited field reported as information, an
   * unknown postcode as a warning): the level relative to the rule's default. The user's
   * configured severity replaces the default; a secondary level is never raised above it.
   */
  severity?: Severity;
}

/** What a finding says: its message and its action (see Report). */
export interface Wording {
  message: Msg;
  action: Msg;
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
  /** Every registered rule, for what rules say about each other (which schema errors another reports). */
  registry: readonly Rule[];
  /** The document's suppression comments (YAML only), and every id they may name: for the rule that checks them. */
  directives: readonly Directive[];
  ruleIds: readonly string[];
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
