// The editor's lint after an edit, at a cost in proportion to the edit: when the change lies inside
// one top-level institution of a YAML file, only that institution's text is read again and checked
// again by the rules of `institution` scope (core/rule.ts); every other institution keeps its tree
// and its findings, moved by the edit's length; the rules of `file` scope check the whole model
// again; and everything goes through the one pipeline tail (lint.ts `finished`). Whatever this
// cannot show to give what a full lint gives is a full lint: an edit outside the institutions or
// across two of them, one that changes the list's structure, aliases, a syntax error, other options.
import type { MapNode, Node, SeqNode, Span } from './ast.js';
import type { Finding } from './finding.js';
import type { LintOptions, LintResult, LintSetup, RuleFailure } from './lint.js';
import { PARSE_RULE_ID, directivesOf, finished, lintRecorded, lintSetup, runRules } from './lint.js';
import type { Entity, SorDocument } from './model.js';
import { buildModel, fieldPair } from './model.js';
import { parseYaml } from './parse-yaml.js';
import type { PipelineState } from './pipeline.js';

/** What a lint result carries for the next edit. */
interface Kept {
  setup: LintSetup;
  /** The list under `institutions` and the top level that holds it (the trees are moved in place, so they stay these). */
  list: InstitutionList;
  /** Where each top-level institution's text starts (the line of its `-`), then where the last one's ends. */
  bounds: number[];
  /** Per institution, the settled findings of `institution` rules that start in its text (before suppression). */
  inside: Finding[][];
  /** The settled findings of `institution` rules outside every institution. */
  outside: Finding[];
}

const kept = new WeakMap<LintResult, Kept>();

/** What every suppression comment holds (suppressions.ts). */
const DIRECTIVE_MARK = 'sor-lint-';

/** A JS nesting bound well below the parser's (1000), which counts an institution two levels deeper in the file than alone. */
const MAX_ITEM_DEPTH = 900;

/**
 * Lints `input` as `lint` does, re-reading and re-checking only what changed since `previous`
 * (a result of this function, for the same document) where that is sure to give the same result.
 * `previous` is used up: its trees become the new result's.
 */
export function relint(previous: LintResult | undefined, input: string, options: LintOptions = {}): LintResult {
  const state = previous && kept.get(previous);
  if (previous && state) {
    kept.delete(previous);
    const result = relintInstitution(previous, state, input, options);
    if (result) return result;
  }
  const { result, setup, local } = lintRecorded(input, options);
  const list = keepable(result) ? institutionList(result.documents[0], result.text) : undefined;
  if (list) {
    const bounds = institutionBounds(result, list);
    kept.set(result, { setup, list, bounds, ...partition(local, bounds) });
  }
  return result;
}

/** What an incremental lint builds on: one YAML document read without error or alias, every rule run. */
function keepable(result: LintResult): boolean {
  if (result.language !== 'yaml' || result.documents.length !== 1 || result.failures.length > 0) return false;
  if (result.findings.some((finding) => finding.ruleId === PARSE_RULE_ID)) return false;
  const document = result.documents[0];
  return document.complete && !(result.text.includes('*') && holdsAlias(document.root));
}

interface InstitutionList {
  seq: SeqNode;
  root: MapNode;
  /** Where the items' `-` stand on their lines. */
  column: number;
}

/** The block list under `institutions`, with each item a mapping written on its `-` line. */
function institutionList(document: SorDocument, text: string): InstitutionList | undefined {
  const root = document.rootMap;
  const value = root && root === document.root ? fieldPair(root, 'institutions')?.value : undefined;
  if (!root || value?.kind !== 'seq' || value.items.length === 0 || text.charCodeAt(value.start) !== 0x2d /* - */) return undefined;
  const column = value.start - lineStart(text, value.start);
  for (const item of value.items) {
    if (item.kind !== 'map') return undefined;
    const dash = text.slice(lineStart(text, item.start), item.start);
    if (!/^ *- +$/.test(dash) || dash.indexOf('-') !== column) return undefined;
  }
  return { seq: value, root, column };
}

function institutionBounds(result: LintResult, list: InstitutionList): number[] {
  const { seq, root } = list;
  const bounds = seq.items.map((item) => lineStart(result.text, item.start));
  // The last institution's text runs to the next key of the top level (comments included), or the end.
  let end = result.text.length;
  for (const pair of root.entries) if (pair.key.start > seq.end && pair.key.start < end) end = lineStart(result.text, pair.key.start);
  bounds.push(end);
  return bounds;
}

function partition(local: readonly Finding[], bounds: readonly number[]): { inside: Finding[][]; outside: Finding[] } {
  const inside: Finding[][] = bounds.slice(1).map(() => []);
  const outside: Finding[] = [];
  for (const finding of local) {
    const index = regionOf(bounds, finding.span.start);
    if (index < 0) outside.push(finding);
    else inside[index].push(finding);
  }
  return { inside, outside };
}

/** The institution whose text holds `offset`, or -1. */
function regionOf(bounds: readonly number[], offset: number): number {
  if (offset < bounds[0] || offset >= bounds[bounds.length - 1]) return -1;
  let low = 0;
  let high = bounds.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if (bounds[middle] <= offset) low = middle;
    else high = middle;
  }
  return low;
}

function relintInstitution(previous: LintResult, state: Kept, input: string, options: LintOptions): LintResult | undefined {
  const setup = lintSetup(input, options);
  if (!sameSetup(setup, state.setup)) return undefined;
  const { text } = setup;
  const old = previous.text;
  const { from, oldTo } = changedRange(old, text);
  const delta = text.length - old.length;
  const { bounds } = state;
  const index = regionOf(bounds, from);
  if (index < 0 || oldTo > bounds[index + 1] || (from === oldTo && delta === 0)) return undefined;
  const start = bounds[index];
  const oldEnd = bounds[index + 1];
  const newEnd = oldEnd + delta;
  const document = previous.documents[0];
  const { list } = state;
  const read = readInstitution(text, start, newEnd, list.column);
  if (!read) return undefined;
  const model = modelOf(read, list.root, document);
  // An institution without a name is named by its place in the list in some messages (the schema's).
  if (!model.entity.fields.name?.text?.trim()) return undefined;

  // The findings kept, moved in place: the edited institution's are found again.
  const inside = state.inside.map((group, i) => (i === index ? [] : group));
  if (!moveFindings(state.outside, start, oldEnd, delta) || inside.some((group) => !moveFindings(group, start, oldEnd, delta))) return undefined;

  const documents = [replaceInstitution(document, list, index, read, model, oldEnd, delta)];
  // Scanning a big text for comments costs more than all the rest: skip it when none can have come or gone.
  const noDirectives = previous.directives.length === 0 && !old.slice(start, oldEnd).includes(DIRECTIVE_MARK) && !text.slice(start, newEnd).includes(DIRECTIVE_MARK);
  const directives = noDirectives ? [] : directivesOf(setup, documents);
  const pipeline: PipelineState = { text, documents, directives, configuration: setup.configuration };
  const failures: RuleFailure[] = [];
  const rules = setup.ruleSet.filter((rule) => rule.scope === 'institution');
  runRules(setup, pipeline, [model.view], rules, (_rule, finding) => {
    if (finding.span.start >= start && finding.span.start < newEnd) inside[index].push(finding);
  }, failures);
  const whole: Finding[] = [];
  runRules(setup, pipeline, documents, setup.ruleSet.filter((rule) => rule.scope === 'file'), (_rule, finding) => whole.push(finding), failures);
  const settled = state.outside.concat(...inside, whole);
  const result = finished(setup, pipeline, [], settled, failures);
  if (failures.length === 0) kept.set(result, { setup, list, bounds: bounds.map((bound, i) => (i > index ? bound + delta : bound)), inside, outside: state.outside });
  return result;
}

function sameSetup(a: LintSetup, b: LintSetup): boolean {
  return (
    a.language === b.language &&
    a.lang === b.lang &&
    a.today === b.today &&
    a.inlineConfig === b.inlineConfig &&
    a.ruleSet === b.ruleSet &&
    a.settings.defaultNonCareUnitType === b.settings.defaultNonCareUnitType &&
    a.settings.postcodes === b.settings.postcodes &&
    JSON.stringify(a.configuration) === JSON.stringify(b.configuration)
  );
}

interface ReadInstitution {
  /** The list of one item the institution's text reads as, its offsets those of the new text. */
  seq: SeqNode;
  item: MapNode;
}

/**
 * The new text of one institution, read alone: it must still be one mapping on a `-` line at the
 * list's column, every other line of it indented deeper (or blank, or a comment), ending at a line
 * start, read without error or alias. Then it is what a full read of the file makes of it.
 */
function readInstitution(text: string, start: number, end: number, dashColumn: number): ReadInstitution | undefined {
  if (end <= start || (end < text.length && text.charCodeAt(end - 1) !== 0x0a)) return undefined;
  const slice = text.slice(start, end);
  if (!indentedUnder(slice, dashColumn)) return undefined;
  const parsed = parseYaml(slice);
  if (parsed.errors.length > 0 || parsed.documents.length !== 1) return undefined;
  const seq = parsed.documents[0].root;
  if (seq.kind !== 'seq' || seq.items.length !== 1 || seq.items[0].kind !== 'map') return undefined;
  const item = seq.items[0];
  if (seq.start !== dashColumn || slice.lastIndexOf('\n', item.start) !== -1) return undefined;
  if (!plainAndShallow(seq)) return undefined;
  shift(seq, start);
  return { seq, item };
}

/** The first line starts `-` at `column`; every other line is blank, a comment, or indented deeper, with spaces. */
function indentedUnder(slice: string, column: number): boolean {
  let at = 0;
  for (let line = 0; at < slice.length; line++) {
    const next = slice.indexOf('\n', at);
    const lineEnd = next < 0 ? slice.length : next;
    let indent = 0;
    while (slice.charCodeAt(at + indent) === 0x20) indent++;
    const first = at + indent < lineEnd ? slice.charCodeAt(at + indent) : -1;
    if (line === 0) {
      if (indent !== column || first !== 0x2d /* - */) return false;
    } else if (first === 0x09 /* tab */ || (first !== -1 && first !== 0x0d && first !== 0x23 /* # */ && indent <= column)) {
      return false;
    }
    at = lineEnd + 1;
  }
  return true;
}

interface InstitutionModel {
  entity: Entity;
  /** The entity and the units below it, depth-first. */
  entities: Entity[];
  /** The document as the `institution` rules see it for this institution: the provider and it alone. */
  view: SorDocument;
}

function modelOf(read: ReadInstitution, root: MapNode, document: SorDocument): InstitutionModel {
  const pair = fieldPair(root, 'institutions')!;
  const alone: MapNode = { kind: 'map', entries: [{ key: pair.key, value: read.seq }], complete: true, start: root.start, end: read.seq.end };
  const { institutions, entities } = buildModel(alone, 'yaml', true);
  const entity = institutions[0];
  entity.parent = document.provider;
  const viewRoot: MapNode = { ...root, entries: root.entries.map((entry) => (entry === pair ? { key: pair.key, value: read.seq } : entry)) };
  const view: SorDocument = {
    ...document,
    root: viewRoot,
    rootMap: viewRoot,
    institutions: [entity],
    entities: document.provider ? [document.provider, ...entities] : entities,
  };
  return { entity, entities, view };
}

/** The previous document's trees, moved by the edit, with the institution at `index` replaced. */
function replaceInstitution(
  document: SorDocument,
  list: InstitutionList,
  index: number,
  read: ReadInstitution,
  model: InstitutionModel,
  oldEnd: number,
  delta: number,
): SorDocument {
  const { seq, root } = list;
  const last = index === seq.items.length - 1;
  for (const pair of root.entries) {
    if (pair.value === seq) continue;
    if (pair.key.start >= oldEnd) {
      shift(pair.key, delta);
      shift(pair.value, delta);
    }
  }
  for (let i = index + 1; i < seq.items.length; i++) shift(seq.items[i], delta);
  // The list and the top level end where the last institution does, or after it.
  seq.end = last ? read.seq.end : seq.end + delta;
  root.end = root.end >= oldEnd ? root.end + delta : read.seq.end;
  seq.items[index] = read.item;
  const institutions = document.institutions.slice();
  const old = institutions[index];
  institutions[index] = model.entity;
  if (document.provider) document.provider.children = institutions;
  const from = document.entities.indexOf(old);
  const to = last ? document.entities.length : document.entities.indexOf(document.institutions[index + 1]);
  const entities = document.entities.slice(0, from).concat(model.entities, document.entities.slice(to));
  return { ...document, institutions, entities };
}

/** Moves every node of a tree by `delta`. */
function shift(tree: Node, delta: number): void {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.start += delta;
    node.end += delta;
    if (node.kind === 'map') for (const pair of node.entries) stack.push(pair.key, pair.value);
    else if (node.kind === 'seq') for (const item of node.items) stack.push(item);
  }
}

/** No alias in the tree, and no deeper nesting than the parser allows the same tree two levels further down in the file. */
function plainAndShallow(tree: Node): boolean {
  const stack: { node: Node; depth: number }[] = [{ node: tree, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node.kind === 'alias' || depth > MAX_ITEM_DEPTH) return false;
    if (node.kind === 'map') for (const pair of node.entries) stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
    else if (node.kind === 'seq') for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
  }
  return true;
}

function holdsAlias(tree: Node): boolean {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'alias') return true;
    if (node.kind === 'map') for (const pair of node.entries) stack.push(pair.key, pair.value);
    else if (node.kind === 'seq') stack.push(...node.items);
  }
  return false;
}

/**
 * Moves kept findings into the new text, in place (their spans are their own, pipeline.ts): what
 * stands before the edited institution stays, what stands after it moves by `delta`. False when a
 * finding reaches into the institution: then the caller lints in full and these findings are dropped.
 */
function moveFindings(findings: readonly Finding[], start: number, oldEnd: number, delta: number): boolean {
  const move = (span: Span): boolean => {
    if (span.end <= start) return true;
    if (span.start < oldEnd) return false;
    span.start += delta;
    span.end += delta;
    return true;
  };
  for (const finding of findings) {
    if (!move(finding.span)) return false;
    // A place in another file is not this text's.
    for (const related of finding.related) if (!related.file && !move(related.span)) return false;
    for (const fix of finding.fixes) for (const edit of fix.edits) if (!move(edit)) return false;
  }
  return true;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Where two texts differ: `old.slice(from, oldTo)` became `text.slice(from, newTo)`, from their common start and end. */
export function changedRange(old: string, text: string): { from: number; oldTo: number; newTo: number } {
  const from = commonPrefix(old, text);
  const tail = commonSuffix(old, text, from);
  return { from, oldTo: old.length - tail, newTo: text.length - tail };
}

const CHUNK = 4096;

/** The length of the two texts' common start: compared a chunk at a time natively, then by character. */
function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let at = 0;
  while (at + CHUNK <= max && a.slice(at, at + CHUNK) === b.slice(at, at + CHUNK)) at += CHUNK;
  while (at < max && a.charCodeAt(at) === b.charCodeAt(at)) at++;
  return at;
}

/** The length of their common end, not reaching into the first `prefix` characters of either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let at = 0;
  while (at + CHUNK <= max && a.slice(a.length - at - CHUNK, a.length - at) === b.slice(b.length - at - CHUNK, b.length - at)) at += CHUNK;
  while (at < max && a.charCodeAt(a.length - at - 1) === b.charCodeAt(b.length - at - 1)) at++;
  return at;
}
