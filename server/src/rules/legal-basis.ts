// Every care unit falls under one of the four laws the guidance lists (Afsnit 3, list 1-4). On an
// open care unit the schema rule leaves a value outside the four to this rule (one finding per
// mistake); a null value is the schema's type error.
import type { ScalarNode } from '../core/ast.js';
import type { TextEdit } from '../core/finding.js';
import { formatScalar, insertionAnchor, insertPairs, replaceScalar } from '../core/edits.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { displayName, entitySpan, isCareUnit, isClosed } from '../core/model.js';
import type { Entity } from '../core/model.js';
import type { MapNode } from '../core/ast.js';
import type { FixSpec, Rule, RuleContext } from '../core/rule.js';

/** The four values of `legalBasis` and the law each names (Afsnit 3, list 1-4), in the guidance's order. */
export const LEGAL_BASES: readonly { value: string; law: Msg }[] = [
  { value: 'aeldreloven', law: msg('ældreloven § 47 (plejehjem mv.)', 'ældreloven § 47 (plejehjem etc.)') },
  { value: 'almenboligloven', law: msg('almenboligloven (plejeboliger)', 'almenboligloven (plejeboliger, social housing)') },
  { value: 'aeldreboligloven', law: msg('ældreboligloven § 17 (plejeboliger)', 'ældreboligloven § 17 (plejeboliger)') },
  { value: 'friplejeboligloven', law: msg('friplejeboligloven (friplejeboliger)', 'friplejeboligloven (friplejeboliger)') },
];

export const legalBasis: Rule = {
  id: 'legal-basis',
  defaultSeverity: 'warning',
  scope: 'institution',
  fields: ['legalBasis'],
  values: { unitType: ['plejeenhed'], legalBasis: LEGAL_BASES.map((basis) => basis.value) },
  // A value outside the four on an open care unit: this rule says what to write instead.
  supersedes: [{ keyword: 'enum', property: 'legalBasis', when: isOpenCareUnitMap }],
  docs: {
    summary: msg(
      'En plejeenhed uden retsgrundlag (`legalBasis`), eller med et, der ikke er en af de fire love.',
      'A care unit without a legal basis (`legalBasis`), or with one that is not one of the four laws.',
    ),
    rationale: msg(
      'Plejeenheder omfatter pladser og boliger efter fire love: plejehjem mv. efter ældreloven § 47, plejeboligbebyggelser efter almenboligloven, plejeboligbebyggelser efter ældreboligloven § 17 og friplejeboligbebyggelser efter friplejeboligloven (Afsnit 3, punkt 1-4). Hvilken lov plejeenheden hører under, afgør, at den er omfattet af plejeoverblikket og Ældretilsynet.',
      'Care units cover places and dwellings under four laws: plejehjem etc. under ældreloven § 47, plejebolig buildings under almenboligloven, plejebolig buildings under ældreboligloven § 17, and friplejebolig buildings under friplejeboligloven (Afsnit 3, items 1-4). Which law the care unit falls under is what makes it a care unit that plejeoverblikket and Ældretilsynet cover.',
    ),
    remedy: msg(
      'Angiv `legalBasis` med en af værdierne aeldreloven, almenboligloven, aeldreboligloven eller friplejeboligloven.',
      'Set `legalBasis` to one of the values aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven.',
    ),
    source: 'Afsnit 3, punkt 1-4',
    invalidExample: `provider:
  name: Omsorgshuset ApS
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
`,
    validExample: `provider:
  name: Omsorgshuset ApS
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    legalBasis: friplejeboligloven
`,
  },
  fix: [
    {
      safe: true,
      description: msg(
        'Retter en værdi, der kun er stavet anderledes (`Ældreloven`), til formatets stavemåde (`aeldreloven`).',
        'Corrects a value only spelled differently (`Ældreloven`) to the format’s spelling (`aeldreloven`).',
      ),
    },
    {
      safe: false,
      description: msg(
        'Tilbyder de fire love som hurtigrettelser: hver indsætter `legalBasis` efter enhedstypen eller retter den forkerte værdi.',
        'Offers the four laws as quick-fixes: each inserts `legalBasis` after the unit type or replaces the wrong value.',
      ),
    },
  ],
  check(context) {
    for (const entity of context.document.entities) {
      if (!isCareUnit(entity) || isClosed(entity, context.today)) continue;
      const field = entity.fields.legalBasis;
      if (!field && entity.complete) reportMissing(context, entity);
      else if (field?.node.kind === 'scalar' && field.text !== null && !LEGAL_BASES.some((basis) => basis.value === field.text)) {
        reportWrong(context, entity, field.node);
      }
    }
  },
};

function reportMissing(context: RuleContext, unit: Entity): void {
  const name = displayName(unit);
  const language = context.document.language;
  const anchor = insertionAnchor(unit.map, ['unitTypeCode', 'unitType'], 'units');
  context.report({
    span: entitySpan(unit),
    message: msg(`Plejeenheden "${name}" har intet retsgrundlag (\`legalBasis\`).`, `Care unit "${name}" has no legal basis (\`legalBasis\`).`),
    action: msg(`Tilføj \`legalBasis\`: ${VALUES.da}.`, `Add \`legalBasis\`: ${VALUES.en}.`),
    fixes: lawFixes(() => false, (value, text) => insertPairs(text, unit.map, [{ key: 'legalBasis', value: formatScalar(value, language) }], language, anchor)),
  });
}

function reportWrong(context: RuleContext, unit: Entity, node: ScalarNode): void {
  const name = displayName(unit);
  const written = node.text!.trim();
  const described = written ? msg(`\`${written}\`, som ikke er en af de fire love`, `\`${written}\`, not one of the four laws`) : msg('tomt', 'empty');
  // `Ældreloven` or ` aeldreloven` can only mean one value: that correction is safe.
  const meant = LEGAL_BASES.find((basis) => basis.value === spelledPlainly(written))?.value;
  const replace = (value: string, text: string) => replaceScalar(text, node, value, context.document.language);
  context.report({
    span: node,
    message: msg(
      `Retsgrundlaget (\`legalBasis\`) for plejeenheden "${name}" er ${described.da}.`,
      `The legal basis (\`legalBasis\`) of care unit "${name}" is ${described.en}.`,
    ),
    action: msg(`Brug en af ${VALUES.da}.`, `Use one of ${VALUES.en}.`),
    fixes: lawFixes((value) => value === meant, replace),
  });
}

const VALUES = msg('aeldreloven, almenboligloven, aeldreboligloven eller friplejeboligloven', 'aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven');

function isOpenCareUnitMap(owner: MapNode, context: RuleContext): boolean {
  const entity = context.document.entities.find((e) => e.map === owner);
  return entity !== undefined && isCareUnit(entity) && !isClosed(entity, context.today);
}

/** One suggestion per law, the safe one (if any) first. */
function lawFixes(isSafe: (value: string) => boolean, edit: (value: string, text: string) => TextEdit): FixSpec[] {
  const fixes = LEGAL_BASES.map((basis) => ({
    title: msg(`Retsgrundlag: ${basis.law.da}`, `Legal basis: ${basis.law.en}`),
    safe: isSafe(basis.value),
    edits: (text: string) => [edit(basis.value, text)],
  }));
  return [...fixes.filter((fix) => fix.safe), ...fixes.filter((fix) => !fix.safe)];
}

/** The value as the format spells it: lower case, æ ø å as ae oe aa. */
function spelledPlainly(text: string): string {
  return text.toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa');
}
