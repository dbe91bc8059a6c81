// The structure features a YAML editor has (issue 13): folding ranges for each unit, address
// block and list of units, and selection ranges that grow from the value under
// the cursor to its key/value pair, the mapping around it (the unit or address), the list of
// units, the parent unit's pair, the parent unit, and so on to the document. Built on our own
// tree, so JSON files get the same; a syntax error's missing parts simply are not there.
import type { FoldingRange, SelectionRange } from 'vscode-languageserver';
import type { Node, Pair, Span } from '../core/ast.js';
import type { Analysis } from './analysis.js';
import { documentAt } from './analysis.js';
import type { PositionMapper } from './diagnostics.js';

/**
 * One range per mapping or list that spans more than a line (each unit, address block, `units:`
 * list), from the line of its key, or of its list item's dash, in document order. Every block
 * folds, as in a YAML editor: a client that has our ranges folds by them instead of by indentation.
 */
export function foldingRanges(analysis: Analysis, mapper: PositionMapper): FoldingRange[] {
  const spans: Span[] = [];
  // The document itself does not fold (`from` undefined): its first key would fold it and hide the rest.
  const stack: { node: Node; from?: number }[] = analysis.documents.map((document) => ({ node: document.root }));
  while (stack.length > 0) {
    const { node, from } = stack.pop()!;
    if (from !== undefined && (node.kind === 'map' || node.kind === 'seq')) spans.push({ start: from, end: node.end });
    if (node.kind === 'map') {
      for (const pair of node.entries) stack.push({ node: pair.value, from: pair.keyStart });
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push({ node: item, from: item.start });
    }
  }
  const ranges: FoldingRange[] = [];
  for (const span of spans) {
    const startLine = mapper.range(span).start.line;
    const endLine = lastFoldedLine(analysis.text, span, mapper);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  // An editor folds one range a line (`- - a`, two lists on one line): the outer one.
  return ranges.filter((range, i) => i === 0 || ranges[i - 1].startLine !== range.startLine);
}

/** The span's last line; a JSON closing bracket on a line of its own stays visible, as editors fold JSON. */
function lastFoldedLine(text: string, span: Span, mapper: PositionMapper): number {
  const end = mapper.range({ start: span.end, end: span.end }).end.line;
  const closing = text[span.end - 1];
  if (closing !== '}' && closing !== ']') return end;
  const lineStart = text.lastIndexOf('\n', span.end - 2) + 1;
  return text.slice(lineStart, span.end - 1).trim() === '' ? end - 1 : end;
}

/** For each position, the chain of ranges around it, innermost first. */
export function selectionRanges(analysis: Analysis, mapper: PositionMapper, offsets: readonly number[]): SelectionRange[] {
  return offsets.map((offset) => {
    const document = documentAt(analysis.documents, offset);
    const spans = document ? spansAround(document.root, offset) : [];
    let range: SelectionRange | undefined;
    for (const span of spans) {
      const next = mapper.range(span);
      // Each step must strictly grow: a list item that is its mapping, a pair that is its key, count once.
      if (range && sameRange(range.range, next)) continue;
      range = { range: next, parent: range };
    }
    // Built outermost first, each range the parent of the next: what is left is the innermost.
    return range ?? { range: mapper.range({ start: offset, end: offset }) };
  });
}

/** The spans from the root down to the innermost node at the offset, outermost first. */
function spansAround(root: Node, offset: number): Span[] {
  const spans: Span[] = [];
  let node: Node | undefined = root;
  while (node && contains(node, offset)) {
    spans.push(node);
    if (node.kind === 'map') {
      const pair: Pair | undefined = node.entries.find((entry) => contains({ start: entry.keyStart, end: Math.max(entry.keyEnd, entry.value.end) }, offset));
      if (!pair) break;
      spans.push({ start: pair.keyStart, end: Math.max(pair.keyEnd, pair.value.end) });
      node = contains(pair.key, offset) ? pair.key : pair.value;
    } else if (node.kind === 'seq') {
      node = node.items.find((item) => contains(item, offset));
    } else {
      break;
    }
  }
  return spans.filter((span) => span.end > span.start);
}

function sameRange(a: SelectionRange['range'], b: SelectionRange['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
