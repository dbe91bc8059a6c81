// SOR's inheritance of contact data, as its export documentation states it:
// - a health institution or organisational unit without a postal address inherits its parent's
//   (the provider is the institution's parent);
// - a unit without a visiting address has its own (effective) postal address as visiting address;
// - a unit without virtual addresses (phone, email, website) inherits its parent's.
// Plejeoverblikket shows what SOR exports, so "what will the care unit show" is the effective value.
//
//   const postal = effectiveValue(unit, 'postalAddress');
//   postal?.how === 'inherited' && displayName(postal.from)   // the ancestor it comes from
//
// A key written with nothing in it (`email: ""`, `email:`, an address whose parts are all empty)
// counts as absent, as SOR stores no value for it.
import type { Address, AddressField, Entity, Field } from './model.js';

/** The fields plejeoverblikket shows as a care unit's contact information (Aktivitet 3), in the format's order. */
export const CONTACT_FIELDS = ['visitingAddress', 'postalAddress', 'phone', 'email', 'website'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** An address field holds an Address, a virtual address a Field. */
export type ContactValue<F extends ContactField> = F extends AddressField ? Address : Field;

/**
 * - `own`: the entity's own key;
 * - `inherited`: the nearest ancestor's that has one (the parent chain up to the provider);
 * - `postal-as-visiting`: no visiting address, so the (effective) postal address stands in; `from`
 *   is the entity itself, or the ancestor its postal address is inherited from.
 */
export type Provenance = 'own' | 'inherited' | 'postal-as-visiting';

export interface EffectiveValue<F extends ContactField = ContactField> {
  /** The key that supplies the value (for `postal-as-visiting`, a postal address). */
  value: ContactValue<F>;
  /** The entity whose key that is. */
  from: Entity;
  how: Provenance;
}

/** The value SOR gives `entity` for `field`, or undefined when neither it nor any ancestor has one. */
export function effectiveValue<F extends ContactField>(entity: Entity, field: F): EffectiveValue<F> | undefined {
  return resolveField(entity, field) as EffectiveValue<F> | undefined;
}

function resolveField(entity: Entity, field: ContactField): EffectiveValue | undefined {
  if (field === 'visitingAddress') {
    const own = filledValue(entity, field);
    if (own) return { value: own, from: entity, how: 'own' };
    const postal = resolveField(entity, 'postalAddress');
    return postal && { ...postal, how: 'postal-as-visiting' };
  }
  for (let holder: Entity | undefined = entity; holder; holder = holder.parent) {
    const value = filledValue(holder, field);
    if (value) return { value, from: holder, how: holder === entity ? 'own' : 'inherited' };
  }
  return undefined;
}

/** The entity's own key for the field as written, empty or not. */
export function ownValue<F extends ContactField>(entity: Entity, field: F): ContactValue<F> | undefined {
  const key: ContactField = field;
  const value = key === 'visitingAddress' || key === 'postalAddress' ? entity.addresses[key] : entity.fields[key];
  return value as ContactValue<F> | undefined;
}

function filledValue(entity: Entity, field: ContactField): Field | Address | undefined {
  const value = ownValue(entity, field);
  return value && !isEmptyValue(value) ? value : undefined;
}

/**
 * Written but holding nothing: a null or blank scalar, or an address with no filled part. A value
 * of the wrong shape (a list where text belongs) is not empty: the schema reports it.
 */
export function isEmptyValue(value: Field | Address): boolean {
  if (isBlankNode(value.node)) return true;
  if (!('parts' in value) || !value.map || value.coordinates) return false;
  for (const name in value.parts) {
    const part = value.parts[name as keyof typeof value.parts];
    if (part && !isBlankNode(part.node)) return false;
  }
  return true;
}

function isBlankNode(node: Field['node']): boolean {
  // trim() drops what the regular expression \s matches, and costs less than a test per value.
  return node.kind === 'scalar' && (node.text === null || node.text.trim() === '');
}
