// address-unverified: an open care unit's effective visiting address (core/inheritance.ts: its own,
// or by SOR's inheritance its postal address, its own or its parent's) that nothing in the file
// confirms as a DAR address. A recorded `darId` counts whatever its form: a malformed id is the
// schema's pattern finding.
import { msg } from '../core/i18n.js';
import type { Address, Entity } from '../core/model.js';
import { displayName, entitySpan, isCareUnit, isClosed } from '../core/model.js';
import type { Report, Rule } from '../core/rule.js';
import type { EffectiveValue } from '../core/inheritance.js';
import { effectiveValue, isEmptyValue } from '../core/inheritance.js';

const ACTION = msg(
  'Slå adressen op i DAR og skriv dens id som `darId`, eller tjek den online (`--online`).',
  'Look the address up in DAR and record its id as `darId`, or verify it online (`--online`).',
);

export const addressUnverified: Rule = {
  id: 'address-unverified',
  defaultSeverity: 'warning',
  scope: 'institution',
  fields: ['visitingAddress', 'postalAddress', 'darId', 'coordinates'],
  values: { unitType: ['plejeenhed'] },
  docs: {
    summary: msg(
      'En plejeenheds besøgsadresse, som intet i filen bekræfter som en DAR-adresse: intet DAR-adresse-id (`darId`) og ingen koordinater fra SOR.',
      "A care unit's visiting address that nothing in the file confirms as a DAR address: no DAR address id (`darId`) and no coordinates from SOR.",
    ),
    rationale: msg(
      'Vejledningen (Aktivitet 3, "Særligt om besøgsadressen"): besøgsadressen skal være en gyldig adresse i DAR; SOR markerer en adresse, der ikke kan vises på kort, med et X, og plejeoverblikket melder fejl og viser ikke plejeenheden. ' +
        'En enhed uden besøgsadresse bruger i SOR sin postadresse som besøgsadresse (sin egen eller den, den arver fra enheden over sig), så den tjekkes i stedet. ' +
        'Koordinater i SOR-eksporten viser, at SOR har fundet adressen i DAR; et `darId` viser, at nogen har slået den op. Et `darId` i forkert form meldes af reglen schema.',
      'The guidance (Aktivitet 3, "Særligt om besøgsadressen"): the visiting address must be a valid DAR address; SOR marks an address it cannot show on a map with an X, and plejeoverblikket reports an error and does not show the care unit. ' +
        'A unit without a visiting address uses its postal address as visiting address in SOR (its own, or the one it inherits from the unit above it), so that one is checked instead. ' +
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
      if (effective && !isConfirmed(effective.value)) context.report(unconfirmed(entity, effective));
    }
  },
};

/** The visiting address SOR gives the unit, as careunit-contact-missing reads it (core/inheritance.ts). */
function effectiveVisitingAddress(entity: Entity): EffectiveValue<'visitingAddress'> | undefined {
  const visiting = entity.addresses.visitingAddress;
  // A placeholder or a value of the wrong type is not an address: other rules report it.
  if (visiting && !isEmptyValue(visiting) && !visiting.map) return undefined;
  // A syntax error cut the unit short: its visiting address may be in the text not read.
  if (!visiting && !entity.complete) return undefined;
  const effective = effectiveValue(entity, 'visitingAddress');
  // An address with every part blank is careunit-contact-missing's "fill it in", not unverified.
  if (!effective?.value.map || isEmptyValue(effective.value)) return undefined;
  return effective;
}

/** Where to report (the visiting address's key, or the unit when a postal address stands in) and what to say. */
function unconfirmed(entity: Entity, effective: EffectiveValue<'visitingAddress'>): Report {
  const name = displayName(entity);
  if (effective.how === 'own') {
    return {
      span: effective.value.key,
      message: msg(`Besøgsadressen for "${name}" er ikke bekræftet som en DAR-adresse.`, `The visiting address of "${name}" is not confirmed as a DAR address.`),
      action: ACTION,
    };
  }
  const from = effective.from === entity ? undefined : displayName(effective.from);
  return {
    span: entitySpan(entity),
    message: from
      ? msg(
          `Postadressen for "${from}", som SOR bruger som besøgsadresse for "${name}", er ikke bekræftet som en DAR-adresse.`,
          `The postal address of "${from}" that SOR uses as visiting address of "${name}" is not confirmed as a DAR address.`,
        )
      : msg(
          `"${name}" har ingen besøgsadresse, og postadressen, SOR bruger i stedet, er ikke bekræftet som en DAR-adresse.`,
          `"${name}" has no visiting address, and the postal address SOR uses instead is not confirmed as a DAR address.`,
        ),
    action: ACTION,
  };
}

/** A recorded DAR id (any non-blank text) or coordinates given as a mapping. */
function isConfirmed(address: Address): boolean {
  const darId = address.parts.darId?.text;
  if (darId && darId.trim() !== '') return true;
  return address.coordinates?.node.kind === 'map';
}
