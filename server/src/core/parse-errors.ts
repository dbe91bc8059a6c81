// What the parsers report: a syntax error, a key written twice, aliases that expand too far.
// Each is a `parse` finding with its range and a message in both languages.
import type { AliasNode, MapNode, Pair, ScalarNode, Span } from './ast.js';
import type { Msg } from './i18n.js';
import { msg } from './i18n.js';
import { LineIndex } from './lines.js';

export interface ParseError {
  span: Span;
  /** One sentence: what is wrong. */
  message: Msg;
  /** One sentence: what to do. */
  action: Msg;
}

export function syntaxError(text: string, language: 'yaml' | 'json', offset: number, reason: string): ParseError {
  const name = language === 'json' ? 'JSON' : 'YAML';
  return {
    span: errorSpan(text, offset),
    message: msg(`${name}-syntaksfejl: ${reason}.`, `${name} syntax error: ${reason}.`),
    action: msg('Ret den først: det, fejlen afbryder, bliver ikke tjekket.', 'Fix this first: what it cuts short is not checked.'),
  };
}

/** A key written a second time in one mapping, and the first. */
export interface DuplicateKey {
  key: ScalarNode;
  first: ScalarNode;
}

const SMALL_MAPPING = 16;

/** Collects every key of `map` after the first of the same name. */
export function findDuplicateKeys(map: MapNode, into: DuplicateKey[]): void {
  const entries = map.entries;
  if (entries.length < 2) return;
  // Every unit and address is a small mapping: comparing pairs costs less than a Map each.
  if (entries.length <= SMALL_MAPPING) {
    for (let i = 1; i < entries.length; i++) {
      const name = entries[i].keyText;
      if (name === null) continue;
      for (let j = 0; j < i; j++) {
        if (entries[j].keyText !== name) continue;
        into.push({ key: entries[i].key, first: entries[j].key });
        break;
      }
    }
    return;
  }
  const first = new Map<string, Pair>();
  for (const pair of entries) {
    if (pair.keyText === null) continue;
    const earlier = first.get(pair.keyText);
    if (!earlier) first.set(pair.keyText, pair);
    else into.push({ key: pair.key, first: earlier.key });
  }
}

/** Readers disagree on which of two keys counts (JSON.parse takes the last); the model and the schema read the first. */
export function duplicateKeyErrors(text: string, duplicates: readonly DuplicateKey[]): ParseError[] {
  if (duplicates.length === 0) return [];
  const lines = new LineIndex(text);
  // js-yaml may read a mapping twice (a speculative read it rolls back): one error a key.
  const unique = new Map(duplicates.map((duplicate) => [duplicate.key.start, duplicate]));
  return [...unique.values()].map(({ key, first }) => {
    const line = lines.positionAt(first.start).line + 1;
    return {
      span: { start: key.start, end: key.end },
      message: msg(
        `Nøglen \`${key.text}\` står to gange i denne mapping (første gang på linje ${line}); sor-lint læser kun den første.`,
        `The key \`${key.text}\` appears twice in this mapping (first on line ${line}); sor-lint reads only the first.`,
      ),
      action: msg('Fjern eller omdøb den ene.', 'Remove or rename one of them.'),
    };
  });
}

export function aliasBoundError(alias: AliasNode, limit: number): ParseError {
  const nodes = limit.toLocaleString('en-US');
  return {
    span: { start: alias.start, end: alias.end },
    message: msg(
      `Aliaserne udfolder dokumentet til mere end ${limit.toLocaleString('da-DK')} værdier her, så dette alias og dem efter det læses ikke.`,
      `The aliases expand the document to more than ${nodes} values here, so this alias and those after it are not read.`,
    ),
    action: msg('Skriv dataene ud, eller brug færre aliaser i aliaser.', 'Write the data out, or nest fewer aliases.'),
  };
}

/** The character at the error, or the last one before it when the error is at a line's end. */
function errorSpan(text: string, offset: number): Span {
  let start = Math.min(offset, text.length);
  const atLineEnd = start >= text.length || text[start] === '\n' || text[start] === '\r';
  if (atLineEnd) {
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    return start > 0 ? { start: start - 1, end: start } : { start: 0, end: 0 };
  }
  return { start, end: start + 1 };
}
