// address-unverified: an open care unit's effective visiting address (its own, or by SOR's
// inheritance its own postal address) that nothing in the file confirms as a DAR address. A
// recorded `darId` counts whatever its form: a malformed id is the schema's pattern finding.
import type { Span } from '../core/ast.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { Address, Entity } from '../core/model.js';
import { displayName, entitySpan, isCareUnit, isClosed } from '../core/model.js';
import type { Rule } from '../core/rule.js';
import { isEmptyValue } from '../core/inheritance.js';

const WHY_AND_WHAT = msg(
  'Besøgsadressen skal være en gyldig adresse i Danmarks Adresseregister (DAR): ellers melder plejeoverblikket fejl, og plejeenheden vises ikke. SOR markerer en sådan adresse med et X, fordi den ikke kan vises på kort (Aktivitet 3, "Særligt om besøgsadressen"). ' +
    'Slå adressen op i DAR, og skriv dens adresse-id som `darId`, eller lad sor-lint tjekke den i DAR online (`--online`, eller indstillingen `sor-lint.addresses.online` i VS Code).',
  'The visiting address must be a valid address in Danmarks Adresseregister (DAR): otherwise plejeoverblikket reports an error and the care unit is not shown. SOR marks such an address with an X, because it cannot be shown on a map (Aktivitet 3, "Særligt om besøgsadressen"). ' +
    'Verify the address in DAR and record its address id as `darId`, or have sor-lint check it in DAR online (`--online`, or the `sor-lint.addresses.online` setting in VS Code).',
);

export const addressUnverified: Rule = {
  id: 'address-unverified',
  defaultSeverity: 'warning',
  docs: {
    summary: msg(
      'En plejeenheds besøgsadresse, som intet i filen bekræfter som en DAR-adresse: intet DAR-adresse-id (`darId`) og ingen koordinater fra SOR.',
      "A care unit's visiting address that nothing in the file confirms as a DAR address: no DAR address id (`darId`) and no coordinates from SOR.",
    ),
    rationale: msg(
      'Vejledningen (Aktivitet 3, "Særligt om besøgsadressen"): besøgsadressen skal være en gyldig adresse i DAR; SOR markerer en adresse, der ikke kan vises på kort, med et X, og plejeoverblikket melder fejl og viser ikke plejeenheden. ' +
        'En enhed uden besøgsadresse bruger i SOR sin egen postadresse som besøgsadresse, så den tjekkes i stedet. ' +
        'Koordinater i SOR-eksporten viser, at SOR har fundet adressen i DAR; et `darId` viser, at nogen har slået den op. Et `darId` i forkert form meldes af reglen schema.',
      'The guidance (Aktivitet 3, "Særligt om besøgsadressen"): the visiting address must be a valid DAR address; SOR marks an address it cannot show on a map with an X, and plejeoverblikket reports an error and does not show the care unit. ' +
        'A unit without a visiting address uses its own postal address as visiting address in SOR, so that one is checked instead. ' +
        "Coordinates in SOR's export show that SOR matched the address in DAR; a `darId` shows that someone looked it up. A `darId` in the wrong form is reported by the schema rule.",
    ),
    remedy: msg(
      'Slå adressen op i DAR (fx via Adressevask), og skriv adressens id som `darId` i adressen; eller slå online adressetjek til (`--online` på kommandolinjen, `sor-lint.addresses.online` i VS Code), så tilbyder sor-lint at skrive `darId` for dig.',
      "Look the address up in DAR (e.g. with Adressevask) and record the address's id as `darId` in the address; or turn on online address verification (`--online` on the command line, `sor-lint.addresses.online` in VS Code) and sor-lint offers to write the `darId` for you.",
    ),
    source: 'Afsnit 3, Aktivitet 3, "Særligt om besøgsadressen"',
    invalidExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: "12"
      postalCode: "8000"
      city: Aarhus C
`,
    validExample: `institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
    visitingAddress:
      street: Østervangsvej
      houseNumber: "12"
      postalCode: "8000"
      city: Aarhus C
      darId: 0a3f50a0-73bf-32b8-e044-0003ba298018
`,
  },
  check(context) {
    for (const entity of context.document.entities) {
      if (entity.level === 'provider' || !isCareUnit(entity) || isClosed(entity, context.today)) continue;
      const effective = effectiveVisitingAddress(entity);
      // An address with every part blank is careunit-contact-missing's "fill it in", not unverified.
      if (effective && !isEmptyValue(effective.address) && !isConfirmed(effective.address)) context.report({ span: effective.span, message: effective.message });
    }
  },
};

interface EffectiveAddress {
  address: Address;
  /** Where to report: the visiting address's key, or the unit when the postal address stands in. */
  span: Span;
  message: Msg;
}

/** SOR's inheritance: a unit without a visiting address has its own postal address as one. */
function effectiveVisitingAddress(entity: Entity): EffectiveAddress | undefined {
  const name = displayName(entity);
  const visiting = entity.addresses.visitingAddress;
  if (visiting) {
    // A placeholder or a value of the wrong type is not an address: other rules report it.
    if (!visiting.map) return undefined;
    return {
      address: visiting,
      span: visiting.key,
      message: msg(
        `Besøgsadressen for "${name}" er ikke bekræftet som en DAR-adresse: den har intet DAR-adresse-id (\`darId\`) og ingen koordinater. ${WHY_AND_WHAT.da}`,
        `The visiting address of "${name}" is not confirmed as a DAR address: it has no DAR address id (\`darId\`) and no coordinates. ${WHY_AND_WHAT.en}`,
      ),
    };
  }
  // A syntax error cut the unit short: its visiting address may be in the text not read.
  const postal = entity.addresses.postalAddress;
  if (!postal?.map || !entity.complete) return undefined;
  return {
    address: postal,
    span: entitySpan(entity),
    message: msg(
      `"${name}" har ingen besøgsadresse, så SOR bruger postadressen som besøgsadresse, og den er ikke bekræftet som en DAR-adresse: den har intet DAR-adresse-id (\`darId\`) og ingen koordinater. ${WHY_AND_WHAT.da}`,
      `"${name}" has no visiting address, so SOR uses its postal address as visiting address, and that is not confirmed as a DAR address: it has no DAR address id (\`darId\`) and no coordinates. ${WHY_AND_WHAT.en}`,
    ),
  };
}

/** A recorded DAR id (any non-blank text) or coordinates given as a mapping. */
function isConfirmed(address: Address): boolean {
  const darId = address.parts.darId?.text;
  if (darId && darId.trim() !== '') return true;
  return address.coordinates?.node.kind === 'map';
}
