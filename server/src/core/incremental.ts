// The editor's lint after an edit, at a cost in proportion to the edit: when the change lies inside
// one top-level institution, only that institution's text is read again and checked
// again by the rules of `institution` scope (core/rule.ts); every other institution keeps its tree
// and its findings, moved by the edit's length; the rules of `file` scope check the whole model
// again; and everything goes through the one pipeline tail (lint.ts `finished`). Whatever this
// cannot show to give what a full lint gives is a full lint: an edit outside the institutions or
// across two of them, one that changes the list's structure, a YAML stream or alias, a syntax
// error, other options.
import type { MapNode, Node, SeqNode, Span } from './ast.js';
import { mapNode, Pair } from './ast.js';
import type { Finding } from './finding.js';
import type { LintOptions, LintResult, LintSetup, RuleFailure } from './lint.js';
import { PARSE_RULE_ID, directivesOf, finished, lintRecorded, lintSetup, runRules } from './lint.js';
import type { Entity, SorDocument } from './model.js';
import { buildModel, fieldPair } from './model.js';
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';
import type { PipelineState } from './pipeline.js';

/** What a lint result carries for the next edit. */
interface Kept {
  setup: LintSetup;
  /** The list under `institutions` and the top level that holds it (the trees are moved in place, so they stay these). */
  list: InstitutionList;
  /**
   * Where each top-level institution's text starts and ends: in YAML from the line of its `-` to
   * the next one's (the last one's to the next key of the top level), in JSON its braces.
   */
  starts: number[];
  ends: number[];
  /** Per institution, the settled findings of `institution` rules that start in its text (before suppression). */
  inside: Finding[][];
  /** The settled findings of `institution` rules outside every institution. */
  outside: Finding[];
}

const kept = new WeakMap<LintResult, Kept>();

/** What every suppression comment holds (suppressions.ts). */
const DIRECTIVE_MARK = 'sor-lint-';

/** How deep an institution read alone may nest: the readers stop at 1000 levels, and in the file it stands two levels deeper. */
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
    const { starts, ends } = institutionBounds(result, list);
    kept.set(result, { setup, list, starts, ends, ...partition(local, starts, ends) });
  }
  return result;
}

/** What an incremental lint builds on: one document read without error or alias, every rule run. */
function keepable(result: LintResult): boolean {
  if (result.documents.length !== 1 || result.failures.length > 0) return false;
  if (result.findings.some((finding) => finding.ruleId === PARSE_RULE_ID)) return false;
  const document = result.documents[0];
  return document.complete && !(result.text.includes('*') && holdsAlias(document.root));
}

interface InstitutionList {
  seq: SeqNode;
  root: MapNode;
  /** YAML: where the items' `-` stand on their lines. */
  column: number;
}

/** The list under `institutions`, of mappings; in YAML a block list with each item on its `-` line. */
function institutionList(document: SorDocument, text: string): InstitutionList | undefined {
  const root = document.rootMap;
  const value = root && root === document.root ? fieldPair(root, 'institutions')?.value : undefined;
  if (!root || value?.kind !== 'seq' || value.items.length === 0) return undefined;
  if (document.language === 'json') return value.items.every((item) => item.kind === 'map') ? { seq: value, root, column: -1 } : undefined;
  if (text.charCodeAt(value.start) !== 0x2d /* - */) return undefined;
  const column = value.start - lineStart(text, value.start);
  for (const item of value.items) {
    if (item.kind !== 'map') return undefined;
    const dash = text.slice(lineStart(text, item.start), item.start);
    if (!/^ *- +$/.test(dash) || dash.indexOf('-') !== column) return undefined;
  }
  return { seq: value, root, column };
}

function institutionBounds(result: LintResult, list: InstitutionList): { starts: number[]; ends: number[] } {
  const { seq, root } = list;
  const { text } = result;
  if (result.language === 'json') return { starts: seq.items.map((item) => item.start), ends: seq.items.map((item) => item.end) };
  const starts = seq.items.map((item) => lineStart(text, item.start));
  // The last institution's text runs to the next key of the top level (comments included), or the end.
  let end = text.length;
  for (const pair of root.entries) if (pair.keyStart > seq.end && pair.keyStart < end) end = lineStart(text, pair.keyStart);
  return { starts, ends: [...starts.slice(1), end] };
}

function partition(local: readonly Finding[], starts: readonly number[], ends: readonly number[]): { inside: Finding[][]; outside: Finding[] } {
  const inside: Finding[][] = starts.map(() => []);
  const outside: Finding[] = [];
  for (const finding of local) {
    const index = regionOf(starts, ends, finding.span.start);
    if (index < 0) outside.push(finding);
    else inside[index].push(finding);
  }
  return { inside, outside };
}

/** The institution whose text holds `offset`, or -1. */
function regionOf(starts: readonly number[], ends: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] <= offset) low = middle + 1;
    else high = middle;
  }
  return low > 0 && offset < ends[low - 1] ? low - 1 : -1;
}

function relintInstitution(previous: LintResult, state: Kept, input: string, options: LintOptions): LintResult | undefined {
  const setup = lintSetup(input, options);
  if (!sameSetup(setup, state.setup)) return undefined;
  const { text } = setup;
  const old = previous.text;
  const { from, oldTo } = changedRange(old, text);
  const delta = text.length - old.length;
  const { starts, ends, list } = state;
  const index = regionOf(starts, ends, from);
  if (index < 0 || oldTo > ends[index] || (from === oldTo && delta === 0)) return undefined;
  const start = starts[index];
  const oldEnd = ends[index];
  const newEnd = oldEnd + delta;
  const document = previous.documents[0];
  const read = document.language === 'json' ? readJsonInstitution(text, start, newEnd) : readYamlInstitution(text, start, newEnd, list.column);
  if (!read) return undefined;
  // The list ends after its last item, or (YAML) with it.
  const listEnd = index === list.seq.items.length - 1 && read.listEnd !== undefined ? read.listEnd : list.seq.end + delta;
  const model = modelOf(read.item, list, document, listEnd);
  // An institution without a name is named by its place in the list in some messages (the schema's).
  if (!model.entity.fields.name?.text?.trim()) return undefined;

  // The findings kept, moved in place: the edited institution's are found again.
  const inside = state.inside.map((group, i) => (i === index ? [] : group));
  if (!moveFindings(state.outside, start, oldEnd, delta) || inside.some((group) => !moveFindings(group, start, oldEnd, delta))) return undefined;

  const documents = [replaceInstitution(document, list, index, read.item, model, oldEnd, delta, listEnd)];
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
  const moved = (bounds: number[], from: number) => bounds.map((bound, i) => (i >= from ? bound + delta : bound));
  if (failures.length === 0) kept.set(result, { setup, list, starts: moved(starts, index + 1), ends: moved(ends, index), inside, outside: state.outside });
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
  /** The institution read alone, its offsets those of the new text. */
  item: MapNode;
  /** YAML: where the list of this one item ends (the whole list's end when it is the last). */
  listEnd: number | undefined;
}

/**
 * The new text of one institution, read alone: it must still be one mapping on a `-` line at the
 * list's column, every other line of it indented deeper (or blank, or a comment), ending at a line
 * start, read without error or alias. Then it is what a full read of the file makes of it.
 */
function readYamlInstitution(text: string, start: number, end: number, dashColumn: number): ReadInstitution | undefined {
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
  return { item, listEnd: seq.end };
}

/** The new text of one JSON institution, its braces where they were: it must read alone as one object, without error. */
function readJsonInstitution(text: string, start: number, end: number): ReadInstitution | undefined {
  if (text.charCodeAt(start) !== 0x7b /* { */ || text.charCodeAt(end - 1) !== 0x7d /* } */) return undefined;
  const parsed = parseJson(text.slice(start, end));
  const item = parsed.documents[0]?.root;
  if (parsed.errors.length > 0 || item?.kind !== 'map' || item.start !== 0 || item.end !== end - start || !plainAndShallow(item)) return undefined;
  shift(item, start);
  return { item, listEnd: undefined };
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

function modelOf(item: MapNode, list: InstitutionList, document: SorDocument, listEnd: number): InstitutionModel {
  const { root } = list;
  const pair = fieldPair(root, 'institutions')!;
  const seq: SeqNode = { kind: 'seq', items: [item], complete: true, start: list.seq.start, end: listEnd };
  const alone = mapNode([new Pair(pair.key, seq)], true, root.start, listEnd);
  const { institutions, entities } = buildModel(alone, document.language, true);
  const entity = institutions[0];
  entity.parent = document.provider;
  const viewRoot: MapNode = { ...root, entries: root.entries.map((entry) => (entry === pair ? new Pair(pair.key, seq) : entry)) };
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
  item: MapNode,
  model: InstitutionModel,
  oldEnd: number,
  delta: number,
  listEnd: number,
): SorDocument {
  const { seq, root } = list;
  const last = index === seq.items.length - 1;
  for (const pair of root.entries) {
    if (pair.value === seq) continue;
    if (pair.keyStart >= oldEnd) {
      shiftKey(pair, delta);
      shift(pair.value, delta);
    }
  }
  for (let i = index + 1; i < seq.items.length; i++) shift(seq.items[i], delta);
  seq.end = listEnd;
  // The top level ends after the institutions, or (YAML) with them.
  root.end = root.end >= oldEnd ? root.end + delta : listEnd;
  seq.items[index] = item;
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
    if (node.kind === 'map') {
      for (const pair of node.entries) {
        shiftKey(pair, delta);
        stack.push(pair.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    }
  }
}

/** A pair holds its key's span itself (`Pair.key` is a new node each time). */
function shiftKey(pair: Pair, delta: number): void {
  pair.keyStart += delta;
  pair.keyEnd += delta;
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
