// Reading SOR's CSV export as a stream: bytes to text (UTF-8 with or without BOM, else
// Windows-1252), text to records (semicolon separated, quoted fields with `""` escapes and line
// breaks, and SOR's `="…"` spreadsheet guard around codes). Nothing holds more than one chunk
// and the record being read.

export type SourceEncoding = 'utf-8' | 'windows-1252';

export interface DecodedText {
  /** Text chunks in order, the BOM removed. */
  chunks: AsyncIterable<string>;
  /** Settled once the stream is read: Windows-1252 when any byte sequence was not UTF-8. */
  encoding(): SourceEncoding;
}

/**
 * Decodes as UTF-8 until a byte sequence is not UTF-8, then as Windows-1252 from that chunk on
 * (a Windows-1252 file's first non-ASCII letter is almost never valid UTF-8, and everything before
 * it is ASCII, which both encodings read alike).
 */
export function decodeBytes(source: AsyncIterable<Uint8Array | string>): DecodedText {
  let encoding: SourceEncoding = 'utf-8';
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const decode = (bytes: Uint8Array): string => {
    if (encoding === 'utf-8') {
      try {
        return utf8.decode(bytes);
      } catch {
        encoding = 'windows-1252';
      }
    }
    return decodeWindows1252(bytes);
  };
  async function* chunks(): AsyncGenerator<string> {
    let carry: Uint8Array = new Uint8Array(0);
    let first = true;
    for await (const chunk of source) {
      let text: string;
      if (typeof chunk === 'string') text = chunk;
      else {
        const bytes = carry.length > 0 ? concat(carry, chunk) : chunk;
        // A UTF-8 sequence cut by the chunk boundary waits for the next chunk.
        const cut = encoding === 'utf-8' ? completeUtf8Length(bytes) : bytes.length;
        text = decode(bytes.subarray(0, cut));
        carry = bytes.slice(cut);
      }
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (text.length > 0) yield text;
    }
    if (carry.length > 0) yield decode(carry);
  }
  return { chunks: chunks(), encoding: () => encoding };
}

const latin1 = new TextDecoder('latin1');

/**
 * Windows-1252's letters at 0x80-0x9F (€, curly quotes, dashes, Š, Œ, Ÿ …); the five unassigned
 * bytes stay themselves. Node 20's TextDecoder('windows-1252') reads these bytes as Latin-1
 * control characters, so the table is applied here.
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (char) => String.fromCharCode(CP1252_HIGH[char.charCodeAt(0) - 0x80]));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** The length of `bytes` without a trailing incomplete UTF-8 sequence (at most 3 bytes). */
function completeUtf8Length(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back];
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/** Splits text chunks into records of fields; blank lines are skipped. */
export async function* csvRecords(chunks: AsyncIterable<string>, delimiter = ';'): AsyncGenerator<string[]> {
  const separator = delimiter.charCodeAt(0);
  let buffer = '';
  for await (const chunk of chunks) {
    buffer = buffer.length > 0 ? buffer + chunk : chunk;
    let position = 0;
    for (;;) {
      const record = readRecord(buffer, position, separator, false);
      if (!record) break;
      position = record.next;
      if (!isBlank(record.fields)) yield record.fields;
    }
    buffer = buffer.slice(position);
  }
  let position = 0;
  while (position < buffer.length) {
    const record = readRecord(buffer, position, separator, true)!;
    position = record.next;
    if (!isBlank(record.fields)) yield record.fields;
  }
}

function isBlank(fields: string[]): boolean {
  return fields.length === 1 && fields[0].trim() === '';
}

/**
 * One record from `start`, or undefined when the text ends before the record does (more text
 * may follow). At the end of the input (`final`) the text's end ends the record.
 */
function readRecord(text: string, start: number, separator: number, final: boolean): { fields: string[]; next: number } | undefined {
  const fields: string[] = [];
  let position = start;
  for (;;) {
    let value = '';
    if (text.charCodeAt(position) === QUOTE) {
      position++;
      for (;;) {
        const close = text.indexOf('"', position);
        if (close < 0 || (close + 1 >= text.length && !final)) {
          if (!final) return undefined;
          value += text.slice(position); // an unclosed quote runs to the end of the file
          position = text.length;
          break;
        }
        value += text.slice(position, close);
        position = close + 1;
        if (text.charCodeAt(position) !== QUOTE) break;
        value += '"';
        position++;
      }
    }
    // Unquoted text, or stray text after a closing quote, up to the separator or line end.
    const end = fieldEnd(text, position, separator);
    value += text.slice(position, end);
    position = end;
    fields.push(value);
    if (position >= text.length) return final ? { fields, next: position } : undefined;
    const c = text.charCodeAt(position);
    if (c === separator) {
      position++;
      continue;
    }
    if (c === CR) {
      if (position + 1 >= text.length && !final) return undefined;
      return { fields, next: text.charCodeAt(position + 1) === LF ? position + 2 : position + 1 };
    }
    return { fields, next: position + 1 };
  }
}

function fieldEnd(text: string, from: number, separator: number): number {
  let position = from;
  while (position < text.length) {
    const c = text.charCodeAt(position);
    if (c === separator || c === LF || c === CR) break;
    position++;
  }
  return position;
}

/** A field's value: trimmed, and SOR's `="…"` guard (which keeps spreadsheets from reading codes as numbers) removed. */
export function fieldValue(raw: string | undefined): string {
  if (raw === undefined) return '';
  const value = raw.trim();
  return value.length >= 3 && value.startsWith('="') && value.endsWith('"') ? value.slice(2, -1).trim() : value;
}
