// A document read into the typed tree, without running rules: what hover, completion and the
// outline read. The lint worker's kept lint of a version already is one; completion reads the
// text without the half-typed word, and online verification reads the model of what it checks.
import type { Lang } from '../core/i18n.js';
import type { SorDocument } from '../core/model.js';
import { buildModel } from '../core/model.js';
import type { Language } from '../core/parse.js';
import { parse, stripBom } from '../core/parse.js';
import { ruleById } from '../rules/index.js';
import { ruleDocUrl } from '../core/docs.js';

export interface Analysis {
  /** The BOM-free text the offsets refer to. */
  text: string;
  bom: boolean;
  language: Language;
  documents: SorDocument[];
}

export function analyse(input: string, language: Language): Analysis {
  const { text, bom } = stripBom(input);
  const parsed = parse(text, language);
  return { text, bom, language, documents: parsed.documents.map((d) => buildModel(d.root, language, d.complete)) };
}

/** The YAML document (of a `---` stream) the offset falls in: the last one starting at or before it. */
export function documentAt(documents: readonly SorDocument[], offset: number): SorDocument | undefined {
  let found: SorDocument | undefined;
  for (const document of documents) if (document.root.start <= offset) found = document;
  return found ?? documents[0];
}

/** A markdown line per rule: its id linked to its documentation, and its one-line summary. */
export function ruleLines(ids: readonly string[], lang: Lang, withRationale = false): string[] {
  const lines: string[] = [];
  for (const id of ids) {
    const rule = ruleById(id);
    if (!rule) continue;
    const summary = rule.docs.summary[lang];
    const rationale = withRationale ? rule.docs.rationale[lang] : '';
    lines.push([`[\`${id}\`](${ruleDocUrl(id)})`, summary, rationale].filter(Boolean).join(' — '));
  }
  return lines;
}
