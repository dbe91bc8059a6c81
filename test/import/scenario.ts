// The export rows of the importer's main test: the provider Omsorgshuset ApS (three levels, a
// unit listed before its parent, inherited contact data written on every row as SOR exports it),
// and another provider whose rows must stay out.
import type { CsvUnit } from './sor-csv.js';
import { sorCode } from './sor-csv.js';

export const PROVIDER_CVR = '29403473';
export const PROVIDER_SOR = sorCode(1);
export const OESTERVANG = sorCode(2);
export const BIRKEN = sorCode(3);
export const BIRKEN_NORD = sorCode(4);
export const LAERKEHOEJ = sorCode(5);
export const OTHER_OWNER = sorCode(6);
export const OTHER_INSTITUTION = sorCode(7);

const companyAddress = { street: 'Søndergade', houseNumber: '14', postalCode: '8000', city: 'Aarhus C', east: '575000.1', north: '6224000.2' };
const oestervang = { street: 'Østervangsvej', houseNumber: '12A', floor: 'st', door: 'tv', postalCode: '8000', city: 'Aarhus C', east: '575123,45', north: '6224567,89' };
const oestervangContact = { phone: '+45 86 12 34 56', email: 'kontakt@oestervang.dk', website: 'https://oestervang.dk' };

export const SCENARIO: CsvUnit[] = [
  // A section listed before the institution it belongs to, and a deeper one below it.
  { sorId: BIRKEN, parentSorId: OESTERVANG, sorType: 'OE', name: 'Afsnit Birken', unitType: 'afsnit', fromDate: '2019-03-01', postal: oestervang, visiting: oestervang, ...oestervangContact },
  { sorId: OTHER_INSTITUTION, parentSorId: OTHER_OWNER, sorType: 'SI', name: 'Andet Plejehjem', unitType: 'plejeenhed', postal: companyAddress, visiting: companyAddress, phone: '70 20 30 40', email: 'info@andet.dk', website: 'https://andet.dk' },
  { sorId: PROVIDER_SOR, sorType: 'IE', name: 'Omsorgshuset ApS', cvr: PROVIDER_CVR, fromDate: '2010-01-01', postal: companyAddress, phone: '86 12 00 00', email: 'post@omsorgshuset.dk' },
  { sorId: OESTERVANG, parentSorId: PROVIDER_SOR, sorType: 'SI', name: 'Plejecenter Østervang', unitType: 'plejeenhed', fromDate: '2019-03-01', postal: oestervang, visiting: oestervang, ...oestervangContact },
  { sorId: BIRKEN_NORD, parentSorId: BIRKEN, sorType: 'OE', name: 'Birken "Nord"; demens', unitType: 'afsnit', fromDate: '2020-06-15T00:00:00', toDate: '31-12-2027', postal: oestervang, visiting: oestervang, ...oestervangContact },
  // A care unit whose address SOR could not place on the map, and without a website (nor has the owner one to inherit).
  { sorId: LAERKEHOEJ, parentSorId: PROVIDER_SOR, sorType: 'SI', name: 'Lærkehøj', unitType: 'Plejeenhed', fromDate: '2021-01-01', postal: { street: 'Lærkevej', houseNumber: '3', postalCode: '8000', city: 'Aarhus C' }, visiting: { street: 'Lærkevej', houseNumber: '3', postalCode: '8000', city: 'Aarhus C' }, phone: '86 12 00 00', email: 'laerkehoej@omsorgshuset.dk' },
  { sorId: OTHER_OWNER, sorType: 'IE', name: 'Andet Firma A/S', cvr: '10150817', postal: companyAddress },
];
