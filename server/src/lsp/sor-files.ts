// Which open documents are SOR structure files: the client sends every YAML and JSON document,
// and a server that squiggled someone's docker-compose.yaml would be uninstalled at once.
import type { Language } from '../core/parse.js';
import { isSorFileName } from '../fs/sor-files.js';

const SCHEMA_SNIFF_LENGTH = 2048;
/** A `$schema` key (quoted or not) whose value names our schema, as YAML or JSON writes it. */
const SCHEMA_KEY = /(?:^|[\s{,])["']?\$schema["']?\s*:\s*["']?[^"'\r\n]*sor-structure\.schema\.json/;

export const SOR_LANGUAGE_IDS: readonly string[] = ['yaml', 'json', 'jsonc', 'sor-yaml', 'sor-json'];

/** Our own language ids: the user (or an untitled document) said this is a SOR file. */
const SOR_OWN_LANGUAGE_IDS: readonly string[] = ['sor-yaml', 'sor-json'];

export function isSorDocument(uri: string, languageId: string, text: string): boolean {
  if (SOR_OWN_LANGUAGE_IDS.includes(languageId)) return true;
  if (!SOR_LANGUAGE_IDS.includes(languageId)) return false;
  return isSorFileName(pathOf(uri)) || SCHEMA_KEY.test(text.slice(0, SCHEMA_SNIFF_LENGTH));
}

/** The data language: the client's language id first, the file name when the id says nothing. */
export function dataLanguageOf(uri: string, languageId: string): Language {
  if (languageId === 'json' || languageId === 'jsonc' || languageId === 'sor-json') return 'json';
  if (languageId === 'yaml' || languageId === 'sor-yaml') return 'yaml';
  return /\.json$/i.test(pathOf(uri)) ? 'json' : 'yaml';
}

function pathOf(uri: string): string {
  const end = uri.search(/[?#]/);
  return end < 0 ? uri : uri.slice(0, end);
}
