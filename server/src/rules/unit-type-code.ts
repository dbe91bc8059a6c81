// unit-type-code: a `unitTypeCode` that disagrees with `unitType`, where the name's code is known
// (FORMAT.md: rules match the type by name; a code, where given, must agree with it). plejeenhed
// has no public code yet, so a known code of another type on a plejeenhed disagrees.
import { msg } from '../core/i18n.js';
import { displayName, isClosed, unitTypeOf } from '../core/model.js';
import type { Rule, Wording } from '../core/rule.js';
import { CARE_UNIT_TYPE, KNOWN_TYPE_CODES } from './support/unit-types.js';
import { exampleFile } from './support/examples.js';

export const unitTypeCode: Rule = {
  id: 'unit-type-code',
  defaultSeverity: 'error',
  scope: 'institution',
  fields: ['unitTypeCode', 'unitType'],
  docs: {
    summary: msg(
      'En enhedstypekode (`unitTypeCode`), der ikke passer til enhedstypen (`unitType`), hvor typens kode er kendt.',
      'A unit type code (`unitTypeCode`) that disagrees with the unit type (`unitType`), where the type’s code is known.',
    ),
    rationale: msg(
      'SOR bærer enhedstypen både som navn og som SNOMED CT-kode (fx 42665001 for plejehjem, 22232009 for hospital). sor-lint og plejeoverblikket kender typen ved navnet; en kode, der siger noget andet, tyder på, at typen er skiftet det ene sted og ikke det andet, typisk en plejehjem-enhed, der har fået typen plejeenhed, men har beholdt plejehjems kode. Plejeenhed har endnu ingen offentlig kode, så en kendt kode for en anden type på en plejeenhed modsiger den.',
      'SOR carries the unit type both as a name and as a SNOMED CT code (e.g. 42665001 for plejehjem, 22232009 for hospital). sor-lint and plejeoverblikket know the type by its name; a code that says otherwise means the type was changed in one place and not the other, typically a plejehjem unit retyped to plejeenhed that kept the plejehjem code. Plejeenhed has no public code yet, so a known code of another type on a plejeenhed contradicts it.',
    ),
    remedy: msg(
      'Ret koden, så den passer til typen, eller fjern `unitTypeCode` på en plejeenhed. Er det typen, der er forkert, så ret `unitType`.',
      'Correct the code to match the type, or remove `unitTypeCode` from a plejeenhed. If the type is what is wrong, correct `unitType`.',
    ),
    source: 'FORMAT.md, SOR’s type codes',
    invalidExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    unitTypeCode: "42665001"
`),
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
  - name: Plejehjemmet Solbakken
    unitType: plejehjem
    unitTypeCode: "42665001"
`),
  },
  check(context) {
    for (const entity of context.document.entities) {
      const field = entity.fields.unitTypeCode;
      const type = unitTypeOf(entity);
      const code = field?.node.kind === 'scalar' ? field.text?.trim() : undefined;
      if (!field || !type || !code || entity.level === 'provider' || isClosed(entity, context.today)) continue;
      const wording = disagreement(displayName(entity), type, code);
      if (wording) context.report({ span: field.pair.value, ...wording });
    }
  },
};

/** What is wrong when the code and the type name disagree; undefined when they agree or it is not known. */
function disagreement(unit: string, type: string, code: string): Wording | undefined {
  const expected = KNOWN_TYPE_CODES[type];
  if (expected !== undefined) {
    if (code === expected) return undefined;
    return {
      message: msg(
        `Enhedstypekoden ${code} for "${unit}" passer ikke til \`unitType\` ${type}, hvis kode er ${expected}.`,
        `The unit type code ${code} of "${unit}" does not match \`unitType\` ${type}, whose code is ${expected}.`,
      ),
      action: msg(`Skriv ${expected}, eller ret \`unitType\`.`, `Write ${expected}, or correct \`unitType\`.`),
    };
  }
  const codeType = Object.keys(KNOWN_TYPE_CODES).find((name) => KNOWN_TYPE_CODES[name] === code);
  if (type !== CARE_UNIT_TYPE || codeType === undefined) return undefined;
  return {
    message: msg(
      `Enhedstypekoden ${code} for "${unit}" hører til typen ${codeType}, men \`unitType\` er ${CARE_UNIT_TYPE}.`,
      `The unit type code ${code} of "${unit}" belongs to type ${codeType}, but \`unitType\` is ${CARE_UNIT_TYPE}.`,
    ),
    action: msg(
      `Fjern \`unitTypeCode\`: ${CARE_UNIT_TYPE} har endnu ingen offentlig kode.`,
      `Remove \`unitTypeCode\`: ${CARE_UNIT_TYPE} has no public code yet.`,
    ),
  };
}
