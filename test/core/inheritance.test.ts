import { describe, expect, it } from 'vitest';
import type { ContactField } from '../../server/src/core/inheritance.js';
import { effectiveValue, isEmptyValue, ownValue } from '../../server/src/core/inheritance.js';
import type { Entity } from '../../server/src/core/model.js';
import { displayName } from '../../server/src/core/model.js';
import { lintText } from '../helpers/rule-tester.js';

function entities(text: string, fileName = 'x.sor.yaml'): Map<string, Entity> {
  const result = lintText(text, { fileName, ruleSet: [] });
  expect(result.findings).toEqual([]);
  return new Map(result.documents[0].entities.map((entity) => [displayName(entity), entity]));
}

/** What a user would read off the effective value: where it is written, whose it is, and how. */
function effective(text: string, entity: Entity, field: ContactField) {
  const found = effectiveValue(entity, field);
  if (!found) return undefined;
  return { from: displayName(found.from), how: found.how, key: text.slice(found.value.key.start, found.value.key.end), value: text.slice(found.value.node.start, found.value.node.end) };
}

const TREE = `provider:
  name: Omsorgshuset ApS
  postalAddress: { street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C }
  email: kontakt@omsorgshuset.dk
  website: ""
institutions:
  - name: Plejecenter Østervang
    phone: "86 12 34 56"
    website: https://oestervang.dk
    units:
      - name: Afsnit Birken
        email: birken@oestervang.dk
        visitingAddress: { street: Østervangsvej, houseNumber: "12B", postalCode: "8000", city: Aarhus C }
        units:
          - name: Stue 1
            phone:
            postalAddress: { street: "", houseNumber: "" }
`;

describe('effectiveValue', () => {
  const byName = entities(TREE);
  const provider = byName.get('Omsorgshuset ApS')!;
  const institution = byName.get('Plejecenter Østervang')!;
  const unit = byName.get('Afsnit Birken')!;
  const subUnit = byName.get('Stue 1')!;

  it('gives an entity its own value first', () => {
    expect(effective(TREE, institution, 'phone')).toEqual({ from: 'Plejecenter Østervang', how: 'own', key: 'phone', value: '"86 12 34 56"' });
    expect(effective(TREE, unit, 'email')).toEqual({ from: 'Afsnit Birken', how: 'own', key: 'email', value: 'birken@oestervang.dk' });
  });

  it('lets an institution inherit the provider’s postal address', () => {
    expect(effective(TREE, institution, 'postalAddress')).toEqual({
      from: 'Omsorgshuset ApS',
      how: 'inherited',
      key: 'postalAddress',
      value: '{ street: Søndergade, houseNumber: "14", postalCode: "8000", city: Aarhus C }',
    });
  });

  it('passes virtual addresses down the chain institution → unit → sub-unit, nearest first', () => {
    expect(effective(TREE, subUnit, 'email')).toMatchObject({ from: 'Afsnit Birken', how: 'inherited', value: 'birken@oestervang.dk' });
    expect(effective(TREE, subUnit, 'website')).toMatchObject({ from: 'Plejecenter Østervang', how: 'inherited', value: 'https://oestervang.dk' });
    expect(effective(TREE, unit, 'email')?.how).toBe('own');
    expect(effective(TREE, institution, 'email')).toMatchObject({ from: 'Omsorgshuset ApS', how: 'inherited' });
  });

  it('counts an empty value as absent: a null phone, an address of empty parts, an empty website', () => {
    expect(effective(TREE, subUnit, 'phone')).toMatchObject({ from: 'Plejecenter Østervang', how: 'inherited', value: '"86 12 34 56"' });
    expect(effective(TREE, subUnit, 'postalAddress')).toMatchObject({ from: 'Omsorgshuset ApS', how: 'inherited' });
    expect(effective(TREE, provider, 'website')).toBeUndefined();
    expect(isEmptyValue(ownValue(subUnit, 'phone')!)).toBe(true);
    expect(isEmptyValue(ownValue(subUnit, 'postalAddress')!)).toBe(true);
    expect(isEmptyValue(ownValue(unit, 'visitingAddress')!)).toBe(false);
    expect(ownValue(unit, 'phone')).toBeUndefined();
  });

  it('uses the (effective) postal address as visiting address, not the parent’s visiting address', () => {
    expect(effective(TREE, unit, 'visitingAddress')).toMatchObject({ from: 'Afsnit Birken', how: 'own', value: expect.stringContaining('12B') });
    // Stue 1 has none of its own: SOR takes its postal address, which it inherits from the provider.
    expect(effective(TREE, subUnit, 'visitingAddress')).toMatchObject({ from: 'Omsorgshuset ApS', how: 'postal-as-visiting', key: 'postalAddress' });
  });

  it('uses a unit’s own postal address as its visiting address', () => {
    const text = `provider:
  name: P
institutions:
  - name: Kastanjen
    postalAddress:
      street: Kastanjevej
      houseNumber: "3"
`;
    expect(effective(text, entities(text).get('Kastanjen')!, 'visitingAddress')).toMatchObject({ from: 'Kastanjen', how: 'postal-as-visiting', key: 'postalAddress' });
  });

  it('finds nothing when no entity up the chain has the field; the provider inherits from no one', () => {
    const text = `provider:
  name: P
  visitingAddress: { street: A, houseNumber: "1" }
institutions:
  - name: I
`;
    const byNameBare = entities(text);
    expect(effectiveValue(byNameBare.get('I')!, 'phone')).toBeUndefined();
    expect(effectiveValue(byNameBare.get('I')!, 'postalAddress')).toBeUndefined();
    // A visiting address is never inherited: only the unit's own postal address stands in for it.
    expect(effectiveValue(byNameBare.get('I')!, 'visitingAddress')).toBeUndefined();
    expect(effectiveValue(byNameBare.get('P')!, 'postalAddress')).toBeUndefined();
  });

  it('reads JSON the same way', () => {
    const text = `{
  "provider": { "name": "P", "email": "p@example.dk", "postalAddress": { "street": "A", "houseNumber": "1" } },
  "institutions": [ { "name": "I", "email": "" } ]
}`;
    const institutionJson = entities(text, 'x.sor.json').get('I')!;
    expect(effective(text, institutionJson, 'email')).toEqual({ from: 'P', how: 'inherited', key: '"email"', value: '"p@example.dk"' });
    expect(effective(text, institutionJson, 'visitingAddress')).toMatchObject({ from: 'P', how: 'postal-as-visiting' });
  });
});
