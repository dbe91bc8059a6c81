// `JSON.stringify(value, null, 2)` in pieces, so a report of a national provider (60,000 findings)
// is written a finding at a time instead of being built as one string beside its objects.
// An array wrapped in `streamed()` is read lazily, one item at a time, and each item is written
// whole (it holds no streamed array of its own); everything else is written by JSON.stringify
// itself, so the text is the same byte for byte.

const STREAMED = Symbol('streamed');

/** An array whose items are made as they are written: the whole list never exists at once. */
export interface Streamed {
  readonly [STREAMED]: Iterable<unknown>;
}

/** `items`, each turned into its JSON value by `to` only when it is written. */
export function streamed<T>(items: Iterable<T>, to: (item: T) => unknown = (item) => item): Streamed {
  return { [STREAMED]: mapped(items, to) };
}

function* mapped<T>(items: Iterable<T>, to: (item: T) => unknown): Generator<unknown> {
  for (const item of items) yield to(item);
}

function isStreamed(value: unknown): value is Streamed {
  return typeof value === 'object' && value !== null && STREAMED in value;
}

/** Whether the value holds a streamed array somewhere (a report's small frame, not its findings). */
function holdsStreamed(value: unknown): boolean {
  if (isStreamed(value)) return true;
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).some(holdsStreamed);
}

export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (isStreamed(value)) {
    yield* arrayPieces(value[STREAMED], indent, false);
  } else if (!holdsStreamed(value)) {
    yield stringified(value, indent);
  } else if (Array.isArray(value)) {
    yield* arrayPieces(value, indent, true);
  } else {
    const inner = indent + '  ';
    const entries = Object.entries(value as object).filter(([, v]) => v !== undefined && typeof v !== 'function');
    if (entries.length === 0) {
      yield '{}';
      return;
    }
    for (let i = 0; i < entries.length; i++) {
      yield `${i === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(entries[i][0])}: `;
      yield* jsonPieces(entries[i][1], inner);
    }
    yield `\n${indent}}`;
  }
}

/** A list's items; those of a streamed list (a report's findings) are not searched for a streamed array they never hold. */
function* arrayPieces(items: Iterable<unknown>, indent: string, search: boolean): Generator<string> {
  const inner = indent + '  ';
  let first = true;
  for (const item of items) {
    yield (first ? '[\n' : ',\n') + inner;
    if (search || isStreamed(item)) yield* jsonPieces(item, inner);
    else yield stringified(item, inner);
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** A value as JSON.stringify writes it, its lines indented to stand at `indent`. */
function stringified(value: unknown, indent: string): string {
  return (JSON.stringify(value, null, 2) ?? 'null').replace(/\n/g, '\n' + indent);
}
