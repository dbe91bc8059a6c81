// What plejeoverblikket will receive from a file (FORMAT.md, "What plejeoverblikket receives"):
// each care unit flattened under its provider, with its effective contact data after SOR's
// inheritance, and whether it will be shown or rejected, with the errors that block it. Also the
// SOR tree with each unit's role in the simplification (the guidance's Figur 2 and 3).
// The result is plain JSON: the CLI prints it, the webview renders it.
import type { Node, Span } from '../core/ast.js';
import { resolve } from '../core/ast.js';
import type { Finding, Severity } from '../core/finding.js';
import type { Lang } from '../core/i18n.js';
import type { ContactField, EffectiveValue, Provenance } from '../core/inheritance.js';
import { effectiveValue } from '../core/inheritance.js';
import { LineIndex } from '../core/lines.js';
import type { LintResult } from '../core/lint.js';
import { PARSE_RULE_ID } from '../core/lint.js';
import type { Address, Entity, Field, Level, SorDocument } from '../core/model.js';
import { ancestors, displayName, isCareUnit, isClosed, unitTypeOf } from '../core/model.js';
import { dayOf } from '../core/today.js';

export const PREVIEW_VERSION = 1;

export interface PreviewFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** 1-based, as editors show them; columns in UTF-16 code units. */
  line: number;
  column: number;
}

export interface PreviewContact {
  /** The value as plejeoverblikket shows it (an address on one line). */
  text: string;
  how: Provenance;
  /** The unit the value comes from, and its line. */
  from: string;
  fromLine: number;
}

export interface PreviewAddress extends PreviewContact {
  street: string | null;
  houseNumber: string | null;
  floor: string | null;
  door: string | null;
  postalCode: string | null;
  city: string | null;
  darId: string | null;
  /** SOR's map coordinates (ETRS89 / UTM 32), when the file has them. */
  coordinates: { east: string; north: string } | null;
}

/** `closed`: an end date in the past; plejeoverblikket does not receive it at all. */
export type PreviewState = 'shown' | 'rejected' | 'closed';

export interface PreviewCareUnit {
  name: string;
  sorId: string | null;
  unitType: string;
  line: number;
  /** The SOR units between the provider and the care unit, which plejeoverblikket leaves out (Figur 3). */
  foldedPath: string[];
  state: PreviewState;
  visitingAddress: PreviewAddress | null;
  postalAddress: PreviewAddress | null;
  phone: PreviewContact | null;
  email: PreviewContact | null;
  website: PreviewContact | null;
  /** Errors that keep the unit off plejeoverblikket: its own, those on values it inherits, the provider's and the file's. */
  blocking: PreviewFinding[];
  /** Its own warnings: not blocking here, but worth a look (an unverified address may still be rejected). */
  warnings: PreviewFinding[];
}

/**
 * - `provider`: shown as the provider;
 * - `care-unit`: shown, flattened directly under the provider;
 * - `folded`: above a care unit; plejeoverblikket leaves it out and keeps the care unit;
 * - `inside-care-unit`: below a care unit (a section); part of the care unit, not shown by itself;
 * - `not-shown`: no care unit above or below it: nothing of it reaches plejeoverblikket.
 */
export type TreeRole = 'provider' | 'care-unit' | 'folded' | 'inside-care-unit' | 'not-shown';

export interface PreviewTreeNode {
  name: string;
  unitType: string | null;
  level: Level;
  line: number;
  role: TreeRole;
  closed: boolean;
  children: PreviewTreeNode[];
}

export interface PreviewProvider {
  name: string;
  cvr: string | null;
  sorId: string | null;
  line: number;
  /** Errors of the provider itself and of the file outside any unit: they block every care unit. */
  blocking: PreviewFinding[];
  careUnits: PreviewCareUnit[];
  tree: PreviewTreeNode;
}

export interface Preview {
  version: typeof PREVIEW_VERSION;
  lang: Lang;
  providers: PreviewProvider[];
  /** Errors in documents that have no provider (an empty or unreadable file). */
  fileErrors: PreviewFinding[];
  summary: { careUnits: number; shown: number; rejected: number; closed: number };
}

export interface PreviewOptions {
  /** YYYY-MM-DD; closed units are judged against it. Today when absent. */
  today?: string;
}

export function buildPreview(result: LintResult, lang: Lang, options: PreviewOptions = {}): Preview {
  const today = dayOf(options.today);
  const errors = result.findings.filter((f) => f.severity === 'error');
  const context: Context = {
    lines: new LineIndex(result.text),
    errors,
    errorsBySpan: new FindingsBySpan(errors),
    warningsBySpan: new FindingsBySpan(result.findings.filter((f) => f.severity === 'warning')),
    today,
  };
  const fileWide = context.errors.filter((finding) => finding.ruleId === PARSE_RULE_ID);
  const documents = result.documents.filter((document) => document.provider);
  const providers = documents.map((document) => {
    // Errors in the document but in no unit (the root's keys): the provider's, so they block every care unit.
    const inUnits = new Set(document.entities.flatMap((entity) => context.errorsBySpan.within(entity.map)));
    const outsideUnits = context.errors.filter((f) => f.ruleId !== PARSE_RULE_ID && within(f.span, document.root) && !inUnits.has(f));
    return previewProvider(document, document.provider!, [...fileWide, ...outsideUnits], context);
  });
  const elsewhere = (finding: Finding) => providers.length === 0 || (finding.ruleId !== PARSE_RULE_ID && !documents.some((document) => within(finding.span, document.root)));
  const fileErrors = context.errors.filter(elsewhere).map((finding) => previewFinding(finding, context));
  const careUnits = providers.flatMap((provider) => provider.careUnits);
  const count = (state: PreviewState) => careUnits.filter((unit) => unit.state === state).length;
  return {
    version: PREVIEW_VERSION,
    lang,
    providers,
    fileErrors,
    summary: { careUnits: careUnits.length, shown: count('shown'), rejected: count('rejected'), closed: count('closed') },
  };
}

interface Context {
  lines: LineIndex;
  errors: Finding[];
  errorsBySpan: FindingsBySpan;
  warningsBySpan: FindingsBySpan;
  today: string;
}

/**
 * Findings sorted by where they start, so the ones within a unit are found by a binary search
 * instead of a pass over all of them for every unit (a national file has thousands of each).
 */
class FindingsBySpan {
  private readonly sorted: { finding: Finding; order: number }[];

  constructor(findings: readonly Finding[]) {
    this.sorted = findings.map((finding, order) => ({ finding, order })).sort((a, b) => a.finding.span.start - b.finding.span.start);
  }

  /** The findings whose span lies within `outer`, in their original order. */
  within(outer: Span): Finding[] {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.sorted[middle].finding.span.start < outer.start) low = middle + 1;
      else high = middle;
    }
    const found: { finding: Finding; order: number }[] = [];
    for (let i = low; i < this.sorted.length && this.sorted[i].finding.span.start <= outer.end; i++) {
      if (this.sorted[i].finding.span.end <= outer.end) found.push(this.sorted[i]);
    }
    return found.sort((a, b) => a.order - b.order).map((entry) => entry.finding);
  }
}

function previewProvider(document: SorDocument, provider: Entity, documentErrors: Finding[], context: Context): PreviewProvider {
  const providerErrors = [...documentErrors, ...ownFindings(context.errorsBySpan, provider)];
  const careUnits = document.entities.filter((entity) => entity.level !== 'provider' && isCareUnit(entity)).map((unit) => previewCareUnit(unit, providerErrors, context));
  return {
    name: displayName(provider),
    cvr: provider.fields.cvr?.text ?? null,
    sorId: provider.fields.sorId?.text ?? null,
    line: lineOf(provider.map, context),
    blocking: sortFindings(providerErrors).map((finding) => previewFinding(finding, context)),
    careUnits,
    tree: treeNode(provider, context),
  };
}

function previewCareUnit(unit: Entity, providerErrors: Finding[], context: Context): PreviewCareUnit {
  const contact = <F extends ContactField>(field: F) => effectiveValue(unit, field);
  const effective = { visitingAddress: contact('visitingAddress'), postalAddress: contact('postalAddress'), phone: contact('phone'), email: contact('email'), website: contact('website') };
  // Values it takes from units above are blocked by the errors on those values, too.
  const inheritedSpans = Object.values(effective).filter((value): value is EffectiveValue => !!value && value.from !== unit).map((value) => value.value.node);
  const blocking = new Set<Finding>([...providerErrors, ...ownFindings(context.errorsBySpan, unit), ...inheritedSpans.flatMap((span) => context.errorsBySpan.within(span))]);
  const closed = isClosed(unit, context.today);
  return {
    name: displayName(unit),
    sorId: unit.fields.sorId?.text ?? null,
    unitType: unit.fields.unitType?.text ?? '',
    line: lineOf(unit.map, context),
    foldedPath: ancestors(unit)
      .filter((entity) => entity.level !== 'provider')
      .reverse()
      .map(displayName),
    state: closed ? 'closed' : blocking.size > 0 ? 'rejected' : 'shown',
    visitingAddress: addressPreview(effective.visitingAddress, context),
    postalAddress: addressPreview(effective.postalAddress, context),
    phone: fieldPreview(effective.phone, context),
    email: fieldPreview(effective.email, context),
    website: fieldPreview(effective.website, context),
    blocking: sortFindings([...blocking]).map((finding) => previewFinding(finding, context)),
    warnings: ownFindings(context.warningsBySpan, unit).map((finding) => previewFinding(finding, context)),
  };
}

function fieldPreview(value: EffectiveValue<'phone' | 'email' | 'website'> | undefined, context: Context): PreviewContact | null {
  if (!value) return null;
  return { text: (value.value as Field).text?.trim() ?? '', ...provenance(value, context) };
}

function addressPreview(value: EffectiveValue<'visitingAddress' | 'postalAddress'> | undefined, context: Context): PreviewAddress | null {
  if (!value) return null;
  const address = value.value as Address;
  const part = (name: keyof Address['parts']) => address.parts[name]?.text?.trim() || null;
  const coordinates = address.coordinates ? coordinatePair(address.coordinates.node) : null;
  const parts = {
    street: part('street'),
    houseNumber: part('houseNumber'),
    floor: part('floor'),
    door: part('door'),
    postalCode: part('postalCode'),
    city: part('city'),
    darId: part('darId'),
  };
  return { text: addressLine(parts), ...provenance(value, context), ...parts, coordinates };
}

function coordinatePair(node: Node): PreviewAddress['coordinates'] {
  if (node.kind !== 'map') return null;
  const value = (key: string) => {
    const target = resolve(node.entries.find((entry) => entry.keyText === key)?.value ?? node);
    return target?.kind === 'scalar' ? target.text : null;
  };
  const east = value('east');
  const north = value('north');
  return east && north ? { east, north } : null;
}

/** Danish address order: "Østervangsvej 12A, st. tv, 8000 Aarhus C". */
export function addressLine(parts: { street: string | null; houseNumber: string | null; floor: string | null; door: string | null; postalCode: string | null; city: string | null }): string {
  const building = [parts.street, parts.houseNumber].filter(Boolean).join(' ');
  const unit = [parts.floor && `${parts.floor}.`, parts.door].filter(Boolean).join(' ');
  const town = [parts.postalCode, parts.city].filter(Boolean).join(' ');
  return [building, unit, town].filter(Boolean).join(', ');
}

function provenance(value: EffectiveValue, context: Context): Pick<PreviewContact, 'how' | 'from' | 'fromLine'> {
  return { how: value.how, from: displayName(value.from), fromLine: lineOf(value.from.map, context) };
}

function treeNode(entity: Entity, context: Context): PreviewTreeNode {
  return {
    name: displayName(entity),
    unitType: unitTypeOf(entity) ? entity.fields.unitType!.text!.trim() : null,
    level: entity.level,
    line: lineOf(entity.map, context),
    role: roleOf(entity),
    closed: isClosed(entity, context.today),
    children: entity.children.map((child) => treeNode(child, context)),
  };
}

function roleOf(entity: Entity): TreeRole {
  if (entity.level === 'provider') return 'provider';
  if (isCareUnit(entity)) return 'care-unit';
  if (ancestors(entity).some(isCareUnit)) return 'inside-care-unit';
  const stack = [...entity.children];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (isCareUnit(next)) return 'folded';
    stack.push(...next.children);
  }
  return 'not-shown';
}

/** The findings within the entity's own mapping and not within one of its children's. */
function ownFindings(findings: FindingsBySpan, entity: Entity): Finding[] {
  return findings.within(entity.map).filter((finding) => !entity.children.some((child) => within(finding.span, child.map)));
}

function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

function lineOf(span: Span, context: Context): number {
  return context.lines.positionAt(span.start).line + 1;
}

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
}

function previewFinding(finding: Finding, context: Context): PreviewFinding {
  const position = context.lines.positionAt(finding.span.start);
  return { ruleId: finding.ruleId, severity: finding.severity, message: finding.message, line: position.line + 1, column: position.character + 1 };
}
