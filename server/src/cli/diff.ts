// A unified diff of two texts by lines (Myers' O(ND) algorithm while the changes are few), for
// --fix-dry-run.
type Op = { kind: ' ' | '-' | '+'; line: string };

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r\n|\r|\n/);
  if (/(?:\r\n|\r|\n)$/.test(text)) lines.pop();
  return lines;
}

/**
 * Beyond this many changed lines Myers' walk-back frontiers (one per step, growing with the step)
 * would cost gigabytes: a national file's --fix changes tens of thousands of lines.
 */
const MAX_EXACT_CHANGES = 2000;
/** Equal lines in a row that resynchronise the two texts after a change (see approximateScript). */
const RESYNC_LINES = 3;
/** How far ahead a resynchronisation is looked for: the cost of each difference stays bounded. */
const MAX_RESYNC_SKIP = 64;

/** An edit script from a to b: the shortest while it is short, else one found in linear time. */
function diffLines(a: string[], b: string[]): Op[] {
  return shortestScript(a, b) ?? approximateScript(a, b);
}

/** The shortest edit script (Myers' O(ND)), or undefined when it has more than MAX_EXACT_CHANGES. */
function shortestScript(a: string[], b: string[]): Op[] | undefined {
  const max = Math.min(a.length + b.length, MAX_EXACT_CHANGES);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // Frontier d holds the diagonals -d..d reached before step d, the only ones the walk back reads.
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= a.length && y >= b.length) {
        found = true;
        break;
      }
    }
  }
  if (!found) return undefined;
  // Walk back through the saved frontiers to recover the script.
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const frontier = trace[d];
    const at = (k: number) => frontier[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: ' ', line: a[x] });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: '+', line: b[--y] });
      else ops.push({ kind: '-', line: a[--x] });
    }
  }
  return ops.reverse();
}

/**
 * A script for texts with many scattered changes: equal lines are kept; at a difference, the
 * nearest place (fewest lines skipped on both sides) where RESYNC_LINES equal lines follow is
 * where the texts meet again. Not always the shortest, always right.
 */
function approximateScript(a: string[], b: string[]): Op[] {
  const ops: Op[] = [];
  let x = 0;
  let y = 0;
  while (x < a.length || y < b.length) {
    if (x < a.length && y < b.length && a[x] === b[y]) {
      ops.push({ kind: ' ', line: a[x++] });
      y++;
      continue;
    }
    const [skipA, skipB] = resync(a, x, b, y);
    for (const end = x + skipA; x < end; ) ops.push({ kind: '-', line: a[x++] });
    for (const end = y + skipB; y < end; ) ops.push({ kind: '+', line: b[y++] });
  }
  return ops;
}

/**
 * How many lines of a (from x) and of b (from y) to skip to where they agree again, fewest first,
 * looking MAX_RESYNC_SKIP lines ahead at most; past that, one line of each (or the rest of one).
 */
function resync(a: string[], x: number, b: string[], y: number): [number, number] {
  const restA = a.length - x;
  const restB = b.length - y;
  for (let total = 1; total <= Math.min(restA + restB, MAX_RESYNC_SKIP); total++) {
    for (let skipA = Math.max(0, total - restB); skipA <= Math.min(total, restA); skipA++) {
      if (agree(a, x + skipA, b, y + total - skipA)) return [skipA, total - skipA];
    }
  }
  return [Math.min(1, restA), Math.min(1, restB)];
}

function agree(a: string[], x: number, b: string[], y: number): boolean {
  const length = Math.min(RESYNC_LINES, a.length - x, b.length - y);
  if (length === 0) return x === a.length && y === b.length;
  for (let i = 0; i < length; i++) if (a[x + i] !== b[y + i]) return false;
  return length === RESYNC_LINES || (x + length === a.length && y + length === b.length);
}

export function unifiedDiff(before: string, after: string, oldName: string, newName: string, context = 3): string {
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.map((op, i) => (op.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  if (changed.length === 0) return '';
  let out = `--- ${oldName}\n+++ ${newName}\n`;
  let i = 0;
  // Line numbers at ops[counted], carried from hunk to hunk.
  let counted = 0;
  let oldLine = 1;
  let newLine = 1;
  while (i < changed.length) {
    // Gather changes whose context windows touch into one hunk.
    let last = i;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * context) last++;
    const from = Math.max(0, changed[i] - context);
    const to = Math.min(ops.length, changed[last] + context + 1);
    for (; counted < from; counted++) {
      if (ops[counted].kind !== '+') oldLine++;
      if (ops[counted].kind !== '-') newLine++;
    }
    const hunk = ops.slice(from, to);
    const oldCount = hunk.filter((op) => op.kind !== '+').length;
    const newCount = hunk.filter((op) => op.kind !== '-').length;
    out += `@@ -${oldCount === 0 ? oldLine - 1 : oldLine},${oldCount} +${newCount === 0 ? newLine - 1 : newLine},${newCount} @@\n`;
    for (const op of hunk) out += op.kind + op.line + '\n';
    i = last + 1;
  }
  return out;
}
