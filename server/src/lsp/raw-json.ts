// Diagnostics travel from the lint worker to the client as JSON text the worker wrote: the main
// thread neither rebuilds 10,000 diagnostics from a structured clone nor stringifies them again,
// it splices the text into the message it writes (over stdio). Another transport, which
// stringifies messages itself, gets them through toJSON.
import type { Message } from 'vscode-languageserver/node';

const PLACEHOLDER = '\u0000sor-lint-raw\u0000';
const QUOTED_PLACEHOLDER = JSON.stringify(PLACEHOLDER);
/** While encodeMessage stringifies: the texts its placeholders stand for, in order. */
let spliced: string[] | undefined;

export class RawJson {
  constructor(readonly json: string) {}

  /** JSON.stringify calls this before any replacer sees the value, so the encoder's work is done here. */
  toJSON(): unknown {
    if (!spliced) return JSON.parse(this.json);
    spliced.push(this.json);
    return PLACEHOLDER;
  }
}

/** The message as UTF-8 JSON, each RawJson's text written as it is. */
export async function encodeMessage(message: Message): Promise<Uint8Array> {
  const raws: string[] = [];
  let text: string;
  spliced = raws;
  try {
    text = JSON.stringify(message);
  } finally {
    spliced = undefined;
  }
  if (raws.length > 0) {
    const parts = text.split(QUOTED_PLACEHOLDER);
    text = parts[0];
    for (let i = 1; i < parts.length; i++) text += raws[i - 1] + parts[i];
  }
  return Buffer.from(text, 'utf8');
}

export const RAW_JSON_ENCODER = { name: 'application/json', encode: encodeMessage };
