// Hover on a key, or on a `unitType` / `legalBasis` value: what the schema says it means and which
// rules look at it, in the user's language.
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { Lang } from '../core/i18n.js';
import type { Analysis } from './analysis.js';
import { documentAt, ruleLines } from './analysis.js';
import type { PositionMapper } from './diagnostics.js';
import { locate } from './locate.js';
import { descriptionOf, enumValuesOf, schemaAt } from './schema-info.js';
import { texts } from './texts.js';
import { rulesConcerningKey, rulesConcerningValue } from '../rules/index.js';
import { COMMON_UNIT_TYPES } from './vocabulary.js';

export function hoverAt(analysis: Analysis, offset: number, lang: Lang, mapper: PositionMapper): Hover | undefined {
  const document = documentAt(analysis.documents, offset);
  if (!document) return undefined;
  const { path, pair, onKey } = locate(document.root, offset);
  const key = pair?.keyText;
  if (!pair || !key) return undefined;
  const schema = schemaAt(path);
  let title: string;
  let description: string | undefined;
  let rules: string[];
  let span = pair.key as { start: number; end: number };
  if (onKey) {
    title = `\`${key}\``;
    description = schema && descriptionOf(schema, lang);
    rules = ruleLines(rulesConcerningKey(key), lang);
  } else {
    const value = pair.value.kind === 'scalar' ? pair.value.text : null;
    if (value === null || (key !== 'unitType' && key !== 'legalBasis')) return undefined;
    title = `\`${key}: ${value}\``;
    description = valueDescription(key, value, schema, lang);
    rules = ruleLines(rulesConcerningValue(key, value), lang, true);
    span = pair.value;
  }
  if (!description && rules.length === 0) return undefined;
  const parts = [title, description ?? '', rules.length > 0 ? `${texts.rulesLabel(rules.length)[lang]}:\n\n${rules.map((line) => `- ${line}`).join('\n')}` : ''];
  return {
    contents: { kind: MarkupKind.Markdown, value: parts.filter(Boolean).join('\n\n') },
    range: mapper.range(span),
  };
}

function valueDescription(key: string, value: string, schema: ReturnType<typeof schemaAt>, lang: Lang): string | undefined {
  const normalised = value.trim().toLowerCase();
  if (key === 'unitType') return COMMON_UNIT_TYPES.find((type) => type.value === normalised)?.description[lang];
  return schema ? enumValuesOf(schema, lang).find((entry) => entry.value === value.trim())?.description : undefined;
}
