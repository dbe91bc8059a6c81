// Completion of keys (those the schema allows in the object at the cursor and not yet present)
// and of `unitType` / `legalBasis` values, each with its documentation.
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, MarkupKind } from 'vscode-languageserver';
import type { MapNode } from '../core/ast.js';
import type { Lang } from '../core/i18n.js';
import { eolOf } from '../core/lines.js';
import type { Language } from '../core/parse.js';
import type { Analysis } from './analysis.js';
import { analyse, documentAt, ruleLines } from './analysis.js';
import type { PositionMapper } from './diagnostics.js';
import { locate, mapWithKeyAt } from './locate.js';
import type { SchemaNode, TreePath } from './schema-info.js';
import { descriptionOf, enumValuesOf, propertiesAt, schemaAt, valueShapeOf } from './schema-info.js';
import { rulesConcerningValue } from '../rules/index.js';
import { COMMON_UNIT_TYPES } from './vocabulary.js';

const YAML_VALUE = /^\s*(?:-\s+)*(unitType|legalBasis)\s*:\s*['"]?([^'"#]*)$/;
const JSON_VALUE = /"(unitType|legalBasis)"\s*:\s*(")?([^"]*)$/;
const YAML_KEY = /^(\s*(?:-\s+)*)([\w$-]*)$/;
const JSON_KEY = /(?:^|[{,])\s*"?([\w$-]*)$/;

export function completionsAt(analysis: Analysis, offset: number, lang: Lang, mapper: PositionMapper): CompletionItem[] {
  const { text, language } = analysis;
  const lineStart = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1)) + 1;
  const prefix = text.slice(lineStart, offset);
  const value = language === 'json' ? JSON_VALUE.exec(prefix) : YAML_VALUE.exec(prefix);
  if (value) {
    const [key, partial] = language === 'json' ? [value[1], value[3]] : [value[1], value[2]];
    const addQuotes = language === 'json' && value[2] !== '"';
    return valueItems(analysis, key, offset - partial.length, offset, lang, mapper, addQuotes);
  }
  const keyMatch = language === 'json' ? JSON_KEY.exec(prefix) : YAML_KEY.exec(prefix);
  if (!keyMatch) return [];
  const partial = language === 'json' ? keyMatch[1] : keyMatch[2];
  // Read the file without the half-typed word, which would otherwise break the parse around it.
  const quoteBefore = language === 'json' && text[offset - partial.length - 1] === '"' ? 1 : 0;
  const wordStart = offset - partial.length - quoteBefore;
  const blanked = text.slice(0, wordStart) + text.slice(offset);
  const place = language === 'json' ? jsonObjectAt(blanked, wordStart) : yamlObjectAt(blanked, lineStart, wordStart, keyMatch[1].includes('-'));
  if (!place) return [];
  const present = new Set(place.map?.entries.map((pair) => pair.keyText) ?? []);
  const indent = ' '.repeat(wordStart - lineStart);
  const eol = eolOf(text);
  // The closing quote an editor typed along with the opening one is replaced too.
  const end = quoteBefore && text[offset] === '"' ? offset + 1 : offset;
  return propertiesAt(place.path)
    .filter(([key]) => !present.has(key) && key !== '$schema')
    .map(([key, schema]) => ({
      label: key,
      kind: CompletionItemKind.Property,
      documentation: documentation(descriptionOf(schema, lang)),
      textEdit: { range: mapper.range({ start: wordStart, end }), newText: keyText(key, schema, language, indent, eol) },
    }));
}

/** Values for `key`, replacing the partial value between wordStart and the cursor. */
function valueItems(analysis: Analysis, key: string, wordStart: number, offset: number, lang: Lang, mapper: PositionMapper, addQuotes: boolean): CompletionItem[] {
  const document = documentAt(analysis.documents, offset);
  const path = document ? locatePathOfValue(document.root, offset, key) : undefined;
  const schema = schemaAt(path ?? ['institutions', 0, key]);
  const values =
    key === 'legalBasis'
      ? enumValuesOf(schema ?? {}, lang)
      : COMMON_UNIT_TYPES.map((type) => ({ value: type.value, description: type.description[lang] }));
  const range = mapper.range({ start: wordStart, end: offset });
  return values.map(({ value, description }) => {
    const rules = ruleLines(rulesConcerningValue(key, value), lang);
    return {
      label: value,
      kind: CompletionItemKind.EnumMember,
      documentation: documentation([description, ...rules.map((line) => `- ${line}`)].filter(Boolean).join('\n\n')),
      textEdit: { range, newText: addQuotes ? JSON.stringify(value) : value },
    };
  });
}

/** The path of the key being given a value, when the tree has it; any unit's schema serves otherwise. */
function locatePathOfValue(root: Analysis['documents'][number]['root'], offset: number, key: string): TreePath | undefined {
  const located = locate(root, Math.max(0, offset - 1));
  return located.pair?.keyText === key ? located.path : undefined;
}

function documentation(markdown: string | undefined): CompletionItem['documentation'] {
  return markdown ? { kind: MarkupKind.Markdown, value: markdown } : undefined;
}

function keyText(key: string, schema: SchemaNode, language: Language, indent: string, eol: string): string {
  const shape = valueShapeOf(schema);
  if (language === 'json') return `"${key}": ${shape === 'object' ? '{}' : shape === 'array' ? '[]' : ''}`;
  if (shape === 'scalar') return `${key}: `;
  return `${key}:${eol}${indent}  ${shape === 'array' ? '- ' : ''}`;
}

interface ObjectPlace {
  path: TreePath;
  map: MapNode | undefined;
}

/** In JSON the object is the innermost mapping around the cursor. */
function jsonObjectAt(text: string, offset: number): ObjectPlace | undefined {
  const analysis = analyse(text, 'json');
  const document = analysis.documents[0];
  if (!document) return undefined;
  const located = locate(document.root, offset);
  return located.map && !located.pair ? { path: located.path, map: located.map } : undefined;
}

/**
 * In block YAML the object is given by indentation: the nearest line above at the cursor's
 * column holds a sibling key; a line further left ending in `key:` opens the object. After a
 * `- ` the object is a new list item, which holds nothing yet.
 */
function yamlObjectAt(text: string, lineStart: number, column: number, newItem: boolean): ObjectPlace | undefined {
  const analysis = analyse(text, 'yaml');
  const indent = column - lineStart;
  for (let end = lineStart - 1; end > 0; ) {
    const start = Math.max(text.lastIndexOf('\n', end - 1), text.lastIndexOf('\r', end - 1)) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    const content = /^(\s*(?:-\s+)*)([^\s#][^:#]*?)\s*:(?:\s|$)/.exec(line);
    if (!content) continue;
    const keyColumn = content[1].length;
    if (keyColumn > indent) continue;
    const document = documentAt(analysis.documents, start);
    const found = document && mapWithKeyAt(document.root, start + keyColumn);
    if (!found) return undefined;
    if (keyColumn === indent) return { path: found.path, map: newItem ? undefined : found.map };
    // A parent key: the object is its (maybe still empty) value.
    const opener = content[2].replace(/^["']|["']$/g, '');
    const value = found.map.entries.find((pair) => pair.keyText === opener)?.value;
    if (value && value.kind === 'scalar' && value.text !== null) return undefined;
    if (newItem) return { path: [...found.path, opener, 0], map: undefined };
    return { path: [...found.path, opener], map: value?.kind === 'map' ? value : undefined };
  }
  const root = analysis.documents[0]?.rootMap;
  return indent === 0 ? { path: [], map: root } : undefined;
}
