/** Maps offsets to 0-based lines and UTF-16 columns (LSP positions) and back. */
export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  /** Where each line starts: a typed array, half a list of numbers' size in a file of a million lines. */
  private readonly starts: Uint32Array;

  constructor(readonly text: string) {
    this.starts = lineStarts(text);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Where each line of `text` starts, in one pass (a second, to count first, cost a national file 5 ms more). */
function lineStarts(text: string): Uint32Array {
  const starts = new LineStarts(text.length);
  if (!text.includes('\r')) {
    // The common case, found by the engine's own search in half the time of a loop.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.add(i + 1);
    return starts.done();
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) starts.add(i + 1);
  }
  return starts.done();
}

/** A list of offsets that grows by doubling and ends sized to what it holds. */
class LineStarts {
  private starts: Uint32Array;
  private count = 1;

  constructor(textLength: number) {
    // Room for a line in 16 characters: a SOR file's are about twice as long, so it seldom grows.
    this.starts = new Uint32Array(Math.max(16, textLength >> 4));
  }

  add(start: number): void {
    if (this.count === this.starts.length) {
      const grown = new Uint32Array(this.count * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = start;
  }

  done(): Uint32Array {
    return this.starts.slice(0, this.count);
  }
}

let lastIndexed: LineIndex | undefined;

/**
 * The line index of `text`, kept for the last text asked about: the fixes of one lint ask for
 * lines and columns again and again, and a scan back to the line's start per question is
 * quadratic in a file written on one line.
 */
export function lineIndexOf(text: string): LineIndex {
  if (lastIndexed?.text !== text) lastIndexed = new LineIndex(text);
  return lastIndexed;
}

/** The line ending a file already uses, so inserted lines match it (CRLF stays CRLF). */
export function eolOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text.charCodeAt(lf - 1) === 0x0d ? '\r\n' : '\n';
}
