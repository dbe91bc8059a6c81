// Issue 9, item 24: every rule's Danish and English, rendered for its documentation example, so a
// reviewer reads them here (Danish grammar: "intet telefonnummer", "ingen e-mailadresse") and a
// change to any of them shows in review. Each is one message and one action, the message under
// ~140 characters; the why lives once, in the rule's documentation.
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../server/src/core/i18n.js';
import { notInDarWording, retiredWording, unknownDarIdWording } from '../../server/src/rules/address-not-in-dar.js';
import { allRules } from '../../server/src/rules/index.js';
import { sharedAcrossFiles } from '../../server/src/rules/sor-code.js';
import { findingsOf } from '../helpers/rule-tester.js';

type Rendered = Record<Lang, [message: string, action: string][]>;

/** What each rule says about its invalid documentation example: [message, action] per finding. */
const EXPECTED: Record<string, Rendered> = {
  'plejeenhed-nesting': {
    da: [
      ['Plejeenheden "Plejecenter Østervang" samler plejeenheden "Afsnit Birken".', 'Giv denne enhed en anden enhedstype, hvis den ikke selv er institutionen, ellers de andre.'],
      ['Plejeenheden "Afsnit Birken" underopdeler plejeenheden "Plejecenter Østervang".', 'Giv denne enhed en anden enhedstype, hvis den ikke selv er institutionen, ellers de andre.'],
    ],
    en: [
      ['Care unit "Plejecenter Østervang" gathers the care unit "Afsnit Birken".', 'Give this unit another unit type if it is not the institution itself, else the others.'],
      ['Care unit "Afsnit Birken" subdivides the care unit "Plejecenter Østervang".', 'Give this unit another unit type if it is not the institution itself, else the others.'],
    ],
  },
  'plejehjem-retype': {
    da: [
      ['Enheden "Plejecenter Østervang" har typen plejehjem og ligner selve plejeinstitutionen: den står på institutionsniveau.', 'Er den det, så skift typen til plejeenhed; ellers notér careUnit: false.'],
    ],
    en: [
      ['Unit "Plejecenter Østervang" is typed plejehjem and looks like the care institution itself: it stands at institution level.', 'If it is, change its type to plejeenhed; if not, record careUnit: false.'],
    ],
  },
  'careunit-contact-missing': {
    da: [
      ['Plejeenheden "Plejecenter Østervang" har ingen egen besøgsadresse, så SOR bruger dens postadresse (Østervangsvej 12A, 8000 Aarhus C) i stedet.', 'Tilføj plejeenhedens egen besøgsadresse (`visitingAddress`), medmindre den, SOR bruger, er den rigtige.'],
      ['Plejeenheden "Plejecenter Østervang" har ingen egen e-mailadresse, så SOR bruger værdien fra "Omsorgshuset ApS" (kontakt@omsorgshuset.dk).', 'Tilføj plejeenhedens egen e-mailadresse (`email`), medmindre den, SOR bruger, er den rigtige.'],
      ['Plejeenheden "Plejecenter Østervang" har intet website (`website`), og ingen enhed over den har et.', 'Tilføj `website` på plejeenheden.'],
      ['Telefonnummeret (`phone`) på plejeenheden "Plejecenter Østervang" er tomt.', 'Udfyld det.'],
    ],
    en: [
      ['Care unit "Plejecenter Østervang" has no visiting address of its own, so SOR uses its postal address (Østervangsvej 12A, 8000 Aarhus C) instead.', 'Add the care unit’s own `visitingAddress` unless the one SOR uses is right for it.'],
      ['Care unit "Plejecenter Østervang" has no email address of its own, so SOR uses the value of "Omsorgshuset ApS" (kontakt@omsorgshuset.dk).', 'Add the care unit’s own `email` unless the one SOR uses is right for it.'],
      ['Care unit "Plejecenter Østervang" has no website (`website`), and no unit above it has one.', 'Add `website` to the care unit.'],
      ['The phone number (`phone`) of care unit "Plejecenter Østervang" is empty.', 'Fill it in.'],
    ],
  },
  'contact-format': {
    da: [
      ['Telefonnummeret "86-12-34-56" for "Plejecenter Østervang" har de rigtige cifre, men andre skilletegn end enkelte mellemrum.', 'Skriv "86 12 34 56".'],
      ['E-mailadressen "kontakt(at)oestervang.dk" for "Plejecenter Østervang" skal have præcis ét @.', 'Skriv en adresse, der kan modtage post, fx kontakt@oestervang.dk: a-z, cifre og . _ - + før @, et domæne med punktum efter.'],
      ['Websitet "www.oestervang.dk" for "Plejecenter Østervang" er ikke en fuld adresse: https:// mangler foran.', 'Skriv "https://www.oestervang.dk".'],
    ],
    en: [
      ['The phone number "86-12-34-56" of "Plejecenter Østervang" has the right digits but separators other than single spaces.', 'Write "86 12 34 56".'],
      ['The e-mail address "kontakt(at)oestervang.dk" of "Plejecenter Østervang" must have exactly one @.', 'Write an address that can receive mail, such as kontakt@oestervang.dk: a-z, digits and . _ - + before the @, a domain with a dot after it.'],
      ['The website "www.oestervang.dk" of "Plejecenter Østervang" is not a full address: https:// is missing in front.', 'Write "https://www.oestervang.dk".'],
    ],
  },
  'address-format': {
    da: [
      ['Husnummeret "12a" i besøgsadressen for "Plejecenter Østervang" er ikke et dansk husnummer.', 'Skriv 1-999 med evt. et stort bogstav, fx 12A, som i DAR.'],
      ['Etagen "1." i besøgsadressen for "Plejecenter Østervang" er ikke en af DAR\'s etagebetegnelser.', 'Skriv st, kl, k2…k9 eller 1-99 som i DAR, eller fjern etagen.'],
      ['Postnummer 1092 (København K) i besøgsadressen for "Plejecenter Østervang" er et stormodtagerpostnummer uden gadeadresser.', 'Brug postnummeret for den gade, enheden ligger på.'],
      ['Bynavnet "Aarhus" i besøgsadressen for "Plejecenter Østervang" passer ikke til postnummer 1092, hvis officielle navn er "København K".', 'Skriv "København K", eller ret postnummeret, hvis det er det, der er forkert.'],
    ],
    en: [
      ['The house number "12a" in the visiting address of "Plejecenter Østervang" is not a Danish house number.', 'Write 1-999 with an optional capital letter, e.g. 12A, as DAR has it.'],
      ['The floor "1." in the visiting address of "Plejecenter Østervang" is not one of DAR\'s floor designations.', 'Write st, kl, k2…k9 or 1-99 as DAR has it, or remove the floor.'],
      ['Postcode 1092 (København K) in the visiting address of "Plejecenter Østervang" is a stormodtager code with no street addresses.', 'Use the postcode of the street the unit lies on.'],
      ['The city "Aarhus" in the visiting address of "Plejecenter Østervang" does not match postcode 1092, whose official name is "København K".', 'Write "København K", or correct the postcode if that is what is wrong.'],
    ],
  },
  'address-unverified': {
    da: [
      ['Besøgsadressen for "Plejecenter Østervang" er ikke bekræftet som en DAR-adresse.', 'Slå adressen op i DAR og skriv dens id som `darId`, eller tjek den online (`--online`).'],
    ],
    en: [
      ['The visiting address of "Plejecenter Østervang" is not confirmed as a DAR address.', 'Look the address up in DAR and record its id as `darId`, or verify it online (`--online`).'],
    ],
  },
  'legal-basis': {
    da: [
      ['Plejeenheden "Plejecenter Østervang" har intet retsgrundlag (`legalBasis`).', 'Tilføj `legalBasis`: aeldreloven, almenboligloven, aeldreboligloven eller friplejeboligloven.'],
    ],
    en: [
      ['Care unit "Plejecenter Østervang" has no legal basis (`legalBasis`).', 'Add `legalBasis`: aeldreloven, almenboligloven, aeldreboligloven or friplejeboligloven.'],
    ],
  },
  'legal-basis-pending': {
    da: [
      ['Den nye plejeenhed "Plejeboligerne Kastanjen" (ingen SOR-kode) hører under ældreboligloven: nye SOR-registreringer efter den er sat i bero.', 'Vent med at oprette den i SOR, eller ret `legalBasis`, hvis en anden lov gælder.'],
    ],
    en: [
      ['New care unit "Plejeboligerne Kastanjen" (no SOR code) falls under ældreboligloven: new SOR registrations under it are on hold.', 'Wait with creating it in SOR, or correct `legalBasis` if another law applies.'],
    ],
  },
  'careunit-new-level': {
    da: [
      ['Den nye plejeenhed "Plejecenter Østervang" (ingen SOR-kode) står under "Omsorgshuset Jylland", ikke på institutionsniveau.', 'Flyt den op under `institutions`, eller aftal strukturen med SOR-supporten.'],
    ],
    en: [
      ['New care unit "Plejecenter Østervang" (no SOR code) stands under "Omsorgshuset Jylland", not at institution level.', 'Move it up under `institutions`, or agree the structure with SOR support.'],
    ],
  },
  'provider-cvr': {
    da: [
      ['CVR-nummeret "29403474" for "Omsorgshuset ApS" består ikke modulus 11-kontrollen, så et ciffer er næsten sikkert forkert.', 'Slå virksomheden op i CVR-registret (datacvr.virk.dk), og ret nummeret.'],
    ],
    en: [
      ['The CVR number "29403474" of "Omsorgshuset ApS" fails the modulus-11 check, so a digit is almost certainly wrong.', 'Look the company up in the CVR register (datacvr.virk.dk) and correct the number.'],
    ],
  },
  'sor-code': {
    da: [
      ['SOR-koden "698481000016007" for "Plejecenter Østervang" bruges også af "Plejecenter Birkely" i denne fil.', 'Ret koden på den enhed, der har fået den forkerte (SOR-browseren viser, hvilken enhed den hører til).'],
      ['SOR-koden "698481000016007" for "Plejecenter Birkely" bruges også af "Plejecenter Østervang" i denne fil.', 'Ret koden på den enhed, der har fået den forkerte (SOR-browseren viser, hvilken enhed den hører til).'],
    ],
    en: [
      ['The SOR code "698481000016007" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in this file.', 'Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).'],
      ['The SOR code "698481000016007" of "Plejecenter Birkely" is also used by "Plejecenter Østervang" in this file.', 'Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).'],
    ],
  },
  'no-careunit': {
    da: [
      ['Leverandøren "Omsorgshuset ApS" har ingen åben enhed med typen plejeenhed, så plejeoverblikket viser intet af den.', 'Er enheden med typen plejehjem selve plejehjemmet, så giv den typen plejeenhed.'],
    ],
    en: [
      ['Provider "Omsorgshuset ApS" has no open unit of type plejeenhed, so plejeoverblikket shows nothing of it.', 'If the unit typed plejehjem is the nursing home itself, retype it to plejeenhed.'],
    ],
  },
  'unit-type-code': {
    da: [
      ['Enhedstypekoden 42665001 for "Plejecenter Østervang" hører til typen plejehjem, men `unitType` er plejeenhed.', 'Fjern `unitTypeCode`: plejeenhed har endnu ingen offentlig kode.'],
    ],
    en: [
      ['The unit type code 42665001 of "Plejecenter Østervang" belongs to type plejehjem, but `unitType` is plejeenhed.', 'Remove `unitTypeCode`: plejeenhed has no public code yet.'],
    ],
  },
  'encoding': {
    da: [
      ['Filen er ikke gyldig UTF-8: 1 tegn kan ikke læses (vises som \uFFFD); den ligner Windows-1252.', 'Konvertér den til UTF-8: i VS Code med "Reopen with Encoding" Windows 1252 og så "Save with Encoding" UTF-8, eller med iconv -f WINDOWS-1252 -t UTF-8.'],
    ],
    en: [
      ['The file is not valid UTF-8: 1 character cannot be read (shown as \uFFFD); it looks like Windows-1252.', 'Convert it to UTF-8: in VS Code "Reopen with Encoding" Windows 1252, then "Save with Encoding" UTF-8, or iconv -f WINDOWS-1252 -t UTF-8.'],
    ],
  },
  'unknown-directive': {
    da: [['Kommentaren nævner `plejehjem-retyp`, som ikke er en regel i sor-lint.', 'Skriv `plejehjem-retype`, hvis det er den, der menes; ellers slår kommentaren intet fra.']],
    en: [['The comment names `plejehjem-retyp`, which is not a sor-lint rule.', 'Write `plejehjem-retype` if that is the rule meant; otherwise the comment silences nothing.']],
  },
  'schema': {
    da: [
      ['`sorId` for "Plejecenter Østervang" er YAML-tallet 698481000016007, ikke tekst.', 'Skriv det i anførselstegn: "698481000016007".'],
      ['Ukendt nøgle `unitTyp` i enheden "Plejecenter Østervang".', 'Mente du `unitType`?'],
      ['`units` for "Plejecenter Østervang" skal være en liste (linjer der starter med `- `), men er teksten `Afsnit Birken`.', 'Skriv en liste (linjer der starter med `- `).'],
    ],
    en: [
      ['`sorId` for "Plejecenter Østervang" is the YAML number 698481000016007, not text.', 'Write it in quotes: "698481000016007".'],
      ['Unknown key `unitTyp` in the unit "Plejecenter Østervang".', 'Did you mean `unitType`?'],
      ['`units` for "Plejecenter Østervang" must be a list (lines starting with `- `), but is the text `Afsnit Birken`.', 'Write a list (lines starting with `- `).'],
    ],
  },
};

/** address-not-in-dar reports only online: its wordings for the register's three verdicts. */
const NOT_IN_DAR: Rendered = {
  da: [
    ['Besøgsadressen for "Plejecenter Østervang", "Østervangsvej 99, 8000 Aarhus C", findes ikke i DAR.', 'Ret adressen, eller vælg en af registrets nærmeste adresser (hurtig rettelse).'],
    ["DAR kender ikke adresse-id'et 0a3f50a0-73bf-32b8-e044-0003ba298018 i besøgsadressen for \"Plejecenter Østervang\".", 'Ret adressen, så den er en adresse i DAR.'],
    ['Besøgsadressen for "Plejecenter Østervang", "Gammelvej 3, 8000 Aarhus C", er nedlagt i DAR og er ikke længere en gyldig adresse.', 'Ret adressen, så den er en adresse i DAR.'],
  ],
  en: [
    ['The visiting address of "Plejecenter Østervang", "Østervangsvej 99, 8000 Aarhus C", is not in DAR.', 'Correct the address, or pick one of the register’s closest addresses (quick-fix).'],
    ['DAR does not know the address id 0a3f50a0-73bf-32b8-e044-0003ba298018 in the visiting address of "Plejecenter Østervang".', 'Correct the address so it is an address in DAR.'],
    ['The visiting address of "Plejecenter Østervang", "Gammelvej 3, 8000 Aarhus C", is retired (nedlagt) in DAR and no longer a valid address.', 'Correct the address so it is an address in DAR.'],
  ],
};

function rendered(ruleId: string): Rendered {
  if (ruleId === 'address-not-in-dar') {
    const wordings = [
      notInDarWording('Plejecenter Østervang', 'Østervangsvej 99, 8000 Aarhus C', true),
      unknownDarIdWording('Plejecenter Østervang', '0a3f50a0-73bf-32b8-e044-0003ba298018', false),
      retiredWording('Plejecenter Østervang', 'Gammelvej 3, 8000 Aarhus C', 4),
    ];
    return { da: wordings.map((w) => [w.message.da, w.action.da]), en: wordings.map((w) => [w.message.en, w.action.en]) };
  }
  const rule = allRules.find((r) => r.id === ruleId)!;
  const inLang = (lang: Lang) => findingsOf(rule, rule.docs.invalidExample, { lang }).map((f): [string, string] => [f.message, f.action ?? '']);
  return { da: inLang('da'), en: inLang('en') };
}

/** One sentence: it ends once, with a full stop or a question mark (abbreviations such as "fx" and "e.g." aside). */
function isOneSentence(text: string): boolean {
  const body = text.replace(/\b(?:e\.g|evt|fx|Kgs)\./g, '');
  return /[.?]$/.test(body) && !/[.?] [A-ZÆØÅ]/.test(body.slice(0, -1));
}

describe('what every rule says, in Danish and English', () => {
  it('covers every rule', () => {
    expect(Object.keys({ ...EXPECTED, 'address-not-in-dar': NOT_IN_DAR }).sort()).toEqual(allRules.map((rule) => rule.id).sort());
  });

  it.each(allRules.map((rule) => rule.id))('%s', (ruleId) => {
    const said = rendered(ruleId);
    expect(said).toEqual(ruleId === 'address-not-in-dar' ? NOT_IN_DAR : EXPECTED[ruleId]);
    for (const [message, action] of [...said.da, ...said.en]) {
      expect(message.length, message).toBeLessThanOrEqual(150);
      expect(isOneSentence(message), message).toBe(true);
      expect(isOneSentence(action), action).toBe(true);
    }
  });
});

describe('what sor-code says across files', () => {
  it('names the unit and the file at the other end, one sentence each, in Danish and English', () => {
    const place = { span: { start: 0, end: 1 }, file: { name: '/w/providers/birkely.sor.yaml', start: { line: 6, character: 11 }, end: { line: 6, character: 28 } } };
    const { message, action } = sharedAcrossFiles({ code: '698481000016007', unit: 'Plejecenter Østervang', span: { start: 0, end: 1 } }, [
      { unit: 'Plejecenter Birkely', fileLabel: 'providers/birkely.sor.yaml', ...place },
    ]);
    expect([message.da, action!.da]).toEqual([
      'SOR-koden "698481000016007" for "Plejecenter Østervang" bruges også af "Plejecenter Birkely" i providers/birkely.sor.yaml.',
      'Ret koden på den enhed, der har fået den forkerte (SOR-browseren viser, hvilken enhed den hører til).',
    ]);
    expect([message.en, action!.en]).toEqual([
      'The SOR code "698481000016007" of "Plejecenter Østervang" is also used by "Plejecenter Birkely" in providers/birkely.sor.yaml.',
      'Correct the code of the unit that has the wrong one (the SOR browser shows which unit it belongs to).',
    ]);
    for (const text of [message.da, message.en, action!.da, action!.en]) {
      expect(text.length, text).toBeLessThanOrEqual(150);
      expect(isOneSentence(text), text).toBe(true);
    }
    // Past three, the others are counted; the related locations list them all.
    const many = sharedAcrossFiles({ code: '698481000016007', unit: 'Plejecenter Østervang', span: { start: 0, end: 1 } }, [
      ...['a', 'b', 'c', 'd', 'e'].map((name) => ({ unit: `Afsnit ${name.toUpperCase()}`, fileLabel: `${name}.sor.yaml`, ...place })),
    ]);
    expect(many.message.da).toBe('SOR-koden "698481000016007" for "Plejecenter Østervang" bruges også af "Afsnit A" i a.sor.yaml, "Afsnit B" i b.sor.yaml, "Afsnit C" i c.sor.yaml og 2 flere.');
    expect(many.message.en).toBe('The SOR code "698481000016007" of "Plejecenter Østervang" is also used by "Afsnit A" in a.sor.yaml, "Afsnit B" in b.sor.yaml, "Afsnit C" in c.sor.yaml and 2 more.');
    expect(many.related).toHaveLength(5);
  });
});
