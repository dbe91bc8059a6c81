// Diagnostics travel from the lint worker to the client as JSON text the worker wrote: the main
// thread neither rebuilds 10,000 diagnostics from a structured clone nor stringifies them again,
// it splices the text into the message it writes (over stdio). Another transport, which
// stringifies messages itself, gets them through toJSON.
import type { Message } from 'vscode-languageserver/node';

export class RawJson {
  constructor(readonly json: string) {}

  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

const PLACEHOLDER = '\u0000sor-lint-raw\u0000';
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER);

/** The message as UTF-8 JSON, each RawJson's text written as it is. */
export async function encodeMessage(message: Message): Promise<Uint8Array> {
  const raws: string[] = [];
  const text = JSON.stringify(message, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    if (!(original instanceof RawJson)) return value;
    raws.push(original.json);
    return PLACEHOLDER;
  });
  if (raws.length === 0) return Buffer.from(text, 'utf8');
  const parts = text.split(QUOTED_PLACEHOLDER);
  const chunks: Buffer[] = [];
  parts.forEach((part, i) => {
    chunks.push(Buffer.from(part, 'utf8'));
    if (i < raws.length) chunks.push(Buffer.from(raws[i], 'utf8'));
  });
  return Buffer.concat(chunks);
}

export const RAW_JSON_ENCODER = { name: 'application/json', encode: encodeMessage };
