// A rule is one unit: its metadata names the keys it reads, the values it speaks about and the
// schema errors it reports itself. Hover, completion and the schema rule read it from there.
import { describe, expect, it } from 'vitest';
import schemaFile from '../../schemas/sor-structure.schema.json';
import { allRules, rulesConcerningKey, rulesConcerningValue } from '../../server/src/rules/index.js';

/** Every key the format's schema knows, at any level. */
function schemaKeys(): Set<string> {
  const keys = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties) for (const key of Object.keys(properties)) keys.add(key);
    for (const value of Object.values(node)) visit(value);
  };
  visit(schemaFile);
  return keys;
}

describe('rule metadata', () => {
  it('names only keys the format has', () => {
    const known = schemaKeys();
    const unknown = allRules.flatMap((rule) => [...rule.fields, ...Object.keys(rule.values ?? {}), ...(rule.supersedes ?? []).map((s) => s.property)].filter((key) => !known.has(key)).map((key) => `${rule.id}: ${key}`));
    expect(unknown).toEqual([]);
  });

  it('answers which rules read a key, in registry order (the hand-kept list had drifted: darId named one rule)', () => {
    expect(rulesConcerningKey('darId')).toEqual(['address-unverified', 'address-not-in-dar']);
    expect(rulesConcerningKey('unitTypeCode')).toEqual(['plejehjem-retype', 'unit-type-code']);
    expect(rulesConcerningKey('cvr')).toEqual(['provider-cvr']);
    expect(rulesConcerningKey('x-note')).toEqual([]);
  });

  it('answers which rules speak about a value, without regard to case', () => {
    expect(rulesConcerningValue('unitType', ' PlejeHjem ')).toEqual(['plejehjem-retype']);
    expect(rulesConcerningValue('unitType', 'plejeenhed')).toEqual([
      'plejeenhed-nesting',
      'careunit-contact-missing',
      'address-unverified',
      'legal-basis',
      'careunit-new-level',
    ]);
    expect(rulesConcerningValue('legalBasis', 'aeldreboligloven')).toEqual(['legal-basis', 'legal-basis-pending']);
    expect(rulesConcerningValue('legalBasis', 'almenboligloven')).toEqual(['legal-basis']);
    expect(rulesConcerningValue('unitType', 'afsnit')).toEqual([]);
  });

  it('is where the schema errors other rules report are decided: no rule but schema reads them from a list of its own', () => {
    const superseding = allRules.filter((rule) => (rule.supersedes ?? []).length > 0).map((rule) => rule.id);
    expect(superseding).toEqual(['contact-format', 'address-format', 'legal-basis', 'provider-cvr', 'sor-code']);
  });
});
