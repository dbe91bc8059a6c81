// A national-size export for the memory benchmark: many owners with institutions and nested
// units, rows in an order where some children come before their parents, and one known provider.
import type { CsvUnit } from './sor-csv.js';
import { sorCode } from './sor-csv.js';

export const NATIONAL_PROVIDER_CVR = '29403473';

const STREETS = ['Østervangsvej', 'Søndergade', 'Ågade', 'Kirkevej', 'Bøgeallé', 'Strandvejen'];

/** About `rows` units: owners of 1 institution + 8 units (two levels) each; the provider is one owner near the middle. */
export function* nationalUnits(rows: number): Generator<CsvUnit> {
  const perOwner = 10;
  const owners = Math.max(1, Math.floor(rows / perOwner));
  let running = 1;
  for (let owner = 0; owner < owners; owner++) {
    const ownerId = sorCode(running++);
    const cvr = owner === Math.floor(owners / 2) ? NATIONAL_PROVIDER_CVR : String(10_000_000 + owner);
    const institutionId = sorCode(running++);
    const sections = Array.from({ length: perOwner - 2 }, () => sorCode(running++));
    const street = STREETS[owner % STREETS.length];
    const address = { street, houseNumber: String((owner % 200) + 1), postalCode: '8000', city: 'Aarhus C', east: '575123.45', north: '6224567.89' };
    // The flattened layout's owner columns (written only when a layout asks for them).
    const owned = { ownerSorId: ownerId, ownerCvr: cvr, institutionSorId: institutionId };
    const contact = { phone: '86 12 34 56', email: `kontakt${owner}@example.dk`, website: `https://example${owner}.dk` };
    // Sections first, then the institution, then the owner: every row's parent comes after it.
    for (const [index, sectionId] of sections.entries()) {
      const parentSorId = index < 4 ? institutionId : sections[index - 4];
      yield { sorId: sectionId, parentSorId, sorType: 'OE', name: `Afsnit ${index + 1}`, unitType: 'afsnit', postal: address, visiting: address, ...contact, ...owned };
    }
    yield { sorId: institutionId, parentSorId: ownerId, sorType: 'SI', name: `Plejecenter ${street} ${owner}`, unitType: 'plejeenhed', fromDate: '2019-03-01', postal: address, visiting: address, ...contact, ...owned };
    yield { sorId: ownerId, sorType: 'IE', name: `Omsorg ${owner} ApS`, cvr, postal: address, ...contact, ownerSorId: ownerId, ownerCvr: cvr };
  }
}
