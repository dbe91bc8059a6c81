// The Outline: provider → institutions → units, named, with the unit type as detail and care
// units starred. Huge files are capped so the editor stays responsive.
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import type { Span } from '../core/ast.js';
import type { Lang } from '../core/i18n.js';
import type { Entity } from '../core/model.js';
import { displayName, entitySpan, isCareUnit } from '../core/model.js';
import type { Analysis } from './analysis.js';
import type { PositionMapper } from './diagnostics.js';
import { texts } from './texts.js';

export const MAX_SYMBOLS = 5000;

const KIND: Record<Entity['level'], SymbolKind> = {
  provider: SymbolKind.Namespace,
  institution: SymbolKind.Module,
  unit: SymbolKind.Class,
};

export function documentSymbols(analysis: Analysis, lang: Lang, mapper: PositionMapper, limit = MAX_SYMBOLS): DocumentSymbol[] {
  const total = analysis.documents.reduce((sum, document) => sum + document.entities.length, 0);
  let budget = limit;
  // A provider's institutions sit beside it in the file, not inside its map: a symbol's range
  // covers its children too, as the outline requires of a parent.
  const symbolOf = (entity: Entity): { symbol: DocumentSymbol; span: Span } => {
    budget--;
    const children: DocumentSymbol[] = [];
    const span = { start: entity.map.start, end: entity.map.end };
    for (const child of entity.children) {
      if (budget <= 0) break;
      const made = symbolOf(child);
      children.push(made.symbol);
      span.start = Math.min(span.start, made.span.start);
      span.end = Math.max(span.end, made.span.end);
    }
    const selection = entitySpan(entity);
    const type = entity.fields.unitType?.text?.trim();
    const symbol: DocumentSymbol = {
      name: displayName(entity),
      detail: type ? (isCareUnit(entity) ? `${type} ${texts.careUnitMark}` : type) : undefined,
      kind: KIND[entity.level],
      range: mapper.range(span),
      // The selection must lie inside the range; a merged-in name (YAML `<<`) may not.
      selectionRange: mapper.range(selection.start >= entity.map.start && selection.end <= entity.map.end ? selection : entity.map),
      children,
    };
    return { symbol, span };
  };
  const symbols: DocumentSymbol[] = [];
  for (const document of analysis.documents) {
    const tops = document.provider ? [document.provider] : document.institutions;
    for (const top of tops) if (budget > 0) symbols.push(symbolOf(top).symbol);
  }
  const shown = limit - budget;
  if (shown < total) {
    const end = mapper.range({ start: analysis.text.length, end: analysis.text.length });
    symbols.push({ name: texts.outlineCapped(shown, total)[lang], kind: SymbolKind.Null, range: end, selectionRange: end });
  }
  return symbols;
}
