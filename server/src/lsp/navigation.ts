// Navigation between related units (issue 13): from a SOR code that other units share to those
// units (go to definition, find references, document highlight), in this file and, through
// `OtherFiles`, in the workspace's other files; from a care unit's name, where the note says which
// values SOR gives it by inheritance, to the units those values come from (core/inheritance.ts);
// and from any finding with related places (a nesting conflict's other end) to those places.
// Pure: the document's model and its current findings in, LSP locations out.
import type { DocumentHighlight, Location, Range } from 'vscode-languageserver';
import { DocumentHighlightKind } from 'vscode-languageserver';
import type { Span } from '../core/ast.js';
import type { Finding } from '../core/finding.js';
import { CONTACT_FIELDS, effectiveValue } from '../core/inheritance.js';
import type { Entity } from '../core/model.js';
import { entitySpan, isCareUnit } from '../core/model.js';
import type { Analysis } from './analysis.js';
import type { PositionMapper } from './diagnostics.js';

/** A unit with a given SOR code in another file of the workspace. */
export interface CodeOccurrence {
  uri: string;
  range: Range;
  /** The unit's name. */
  name: string;
}

/** The workspace's other files, as far as navigation needs them (the workspace index answers). */
export interface OtherFiles {
  occurrencesOf(code: string): CodeOccurrence[];
}

export interface NavigationTarget {
  uri: string;
  analysis: Analysis;
  mapper: PositionMapper;
  /** The findings of this very version, when its lint is done: they carry the related places. */
  findings: readonly Finding[] | undefined;
  otherFiles?: OtherFiles;
}

interface CodeAt {
  entity: Entity;
  code: string;
  span: Span;
}

/** Go to definition: the other units with the same SOR code, the units inherited values come from, a finding's related places. */
export function definitionAt(target: NavigationTarget, offset: number): Location[] {
  const spans: Span[] = [];
  const code = codeAt(target.analysis, offset);
  if (code) spans.push(...unitsWithCode(target.analysis, code.code).filter((other) => other.entity !== code.entity).map((other) => other.span));
  spans.push(...inheritanceSources(target.analysis, offset));
  for (const finding of target.findings ?? []) {
    if (contains(finding.span, offset)) spans.push(...finding.related.map((related) => related.span));
  }
  return [...locations(target, uniqueSpans(spans)), ...(code ? elsewhere(target, code.code) : [])];
}

/** Find references on a SOR code: every unit that has it, here and in the other files. */
export function referencesAt(target: NavigationTarget, offset: number, includeDeclaration: boolean): Location[] {
  const code = codeAt(target.analysis, offset);
  if (!code) return [];
  const here = unitsWithCode(target.analysis, code.code).filter((other) => includeDeclaration || other.entity !== code.entity);
  return [...locations(target, here.map((other) => other.span)), ...elsewhere(target, code.code)];
}

/**
 * Document highlight on a SOR code that other units share, in this file or another: every unit of
 * this file that has it; null elsewhere, so the editor's word highlights stay.
 */
export function highlightsAt(target: NavigationTarget, offset: number): DocumentHighlight[] | null {
  const code = codeAt(target.analysis, offset);
  const same = code ? unitsWithCode(target.analysis, code.code) : [];
  if (same.length < 2 && !(code && elsewhere(target, code.code).length > 0)) return null;
  return same.map((other) => ({ range: target.mapper.range(other.span), kind: DocumentHighlightKind.Text }));
}

/** Every unit of the file (all documents of a stream, as the sor-code rule counts) with its code and where it is written. */
function codesOf(analysis: Analysis): CodeAt[] {
  const codes: CodeAt[] = [];
  for (const document of analysis.documents) {
    for (const entity of document.entities) {
      const field = entity.fields.sorId;
      const code = field?.node.kind === 'scalar' ? field.text : null;
      if (!field || !code || code.trim() === '') continue;
      // A code merged in from elsewhere (YAML `<<`) is shown at the unit's name, as the rule reports it.
      const own = entity.map.entries.includes(field.pair);
      codes.push({ entity, code, span: own ? { start: field.node.start, end: field.node.end } : entitySpan(entity) });
    }
  }
  return codes;
}

function codeAt(analysis: Analysis, offset: number): CodeAt | undefined {
  return codesOf(analysis).find((code) => contains(code.span, offset));
}

function unitsWithCode(analysis: Analysis, code: string): CodeAt[] {
  return codesOf(analysis).filter((other) => other.code === code);
}

/** On a care unit's name: the values it takes from units above it (its own postal address standing in for a visiting one is its own). */
function inheritanceSources(analysis: Analysis, offset: number): Span[] {
  const spans: Span[] = [];
  for (const document of analysis.documents) {
    for (const entity of document.entities) {
      if (!isCareUnit(entity) || !contains(entitySpan(entity), offset)) continue;
      for (const field of CONTACT_FIELDS) {
        const effective = effectiveValue(entity, field);
        if (effective && effective.from !== entity) spans.push({ start: effective.value.key.start, end: Math.max(effective.value.key.end, effective.value.node.end) });
      }
    }
  }
  return spans;
}

function elsewhere(target: NavigationTarget, code: string): Location[] {
  return (target.otherFiles?.occurrencesOf(code) ?? []).filter((other) => other.uri !== target.uri).map(({ uri, range }) => ({ uri, range }));
}

function locations(target: NavigationTarget, spans: Span[]): Location[] {
  return spans.map((span) => ({ uri: target.uri, range: target.mapper.range(span) }));
}

function uniqueSpans(spans: Span[]): Span[] {
  const seen = new Set<string>();
  return spans.filter((span) => {
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Spans include their end, so a cursor just after a code still counts as on it. */
function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
