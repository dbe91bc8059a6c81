import type { Node } from './ast.js';
import { nullScalarAt } from './ast.js';
import { parseJson } from './parse-json.js';
import { parseYaml } from './parse-yaml.js';
import type { ParseError } from './parse-errors.js';

export type Language = 'yaml' | 'json';

export interface ParsedDocument {
  root: Node;
  /** false when a syntax error cut this document short. */
  complete: boolean;
}

export type { ParseError } from './parse-errors.js';

export interface ParseResult {
  documents: ParsedDocument[];
  errors: ParseError[];
}

export function parse(text: string, language: Language): ParseResult {
  const result = language === 'json' ? parseJson(text) : parseYaml(text);
  // An empty file is one empty document, so the rules can say what it lacks.
  if (result.documents.length === 0) result.documents.push({ root: nullScalarAt(0), complete: result.errors.length === 0 });
  return result;
}

/** `.json` files are JSON; everything else we are given (`.yaml`, `.yml`, standard input) is YAML. */
export function languageOf(fileName: string | undefined): Language {
  return fileName && /\.json$/i.test(fileName) ? 'json' : 'yaml';
}

export function stripBom(text: string): { text: string; bom: boolean } {
  return text.charCodeAt(0) === 0xfeff ? { text: text.slice(1), bom: true } : { text, bom: false };
}
