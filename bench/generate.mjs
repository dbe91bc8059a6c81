// Synthetic providers of any size for benchmarks: care units with sections, realistic Danish
// values, and (with `violations`) a few findings of several rules spread through the file.
// Usage as a script: node bench/generate.mjs <units> [yaml|json] > file
import { pathToFileURL } from 'node:url';

const STREETS = ['Østervangsvej', 'Søndergade', 'Ågade', 'Kirkevej', 'Bøgeallé', 'Strandvejen', 'Møllebakken', 'Lærkevej'];
const PLACES = [
  ['8000', 'Aarhus C'],
  ['2800', 'Kgs. Lyngby'],
  ['5000', 'Odense C'],
  ['9000', 'Aalborg'],
  ['6700', 'Esbjerg'],
  ['4000', 'Roskilde'],
];
const LAWS = ['aeldreloven', 'almenboligloven', 'friplejeboligloven'];

/** A valid SOR code for a running number: namespace 1000016, partition 00, Verhoeff digit. */
export function sorCode(running) {
  const body = `${running}100001600`;
  return body + verhoeffDigit(body);
}

const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7], [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

function verhoeffDigit(digits) {
  let c = 0;
  const reversed = digits.split('').reverse();
  for (let i = 0; i < reversed.length; i++) c = D[c][P[(i + 1) % 8][Number(reversed[i])]];
  return String(INV[c]);
}

/**
 * The data of one provider with `units` care units (each with two sections), whose SOR codes run
 * from `firstCode` on: files of one workspace that are meant to be different providers' get codes
 * of their own and a CVR of their own, as real files have.
 */
export function providerData({ units, violations = true, firstCode = 1000, cvr = '29403473' }) {
  const institutions = [];
  for (let i = 0; i < units; i++) {
    const [postalCode, city] = PLACES[i % PLACES.length];
    const street = STREETS[i % STREETS.length];
    const broken = violations && i % 97 === 0;
    const institution = {
      name: `Plejecenter ${street} ${i + 1}`,
      sorId: sorCode(firstCode + i),
      unitType: broken && i % 2 === 0 ? 'plejehjem' : 'plejeenhed',
      legalBasis: LAWS[i % LAWS.length],
      visitingAddress: { street, houseNumber: String((i % 120) + 1), postalCode, city: broken ? 'Aarhus' : city },
      phone: broken ? '8612-34-56' : `+45 86 ${String(10 + (i % 89)).padStart(2, '0')} 34 56`,
      email: `kontakt${i + 1}@plejecenter.dk`,
      website: broken ? 'plejecenter.dk' : 'https://plejecenter.dk',
      units: [
        { name: 'Afsnit Birken', unitType: 'afsnit' },
        { name: 'Afsnit Egen', unitType: 'afsnit' },
      ],
    };
    if (!broken) institution.visitingAddress.darId = uuid(i);
    institutions.push(institution);
  }
  return {
    provider: {
      name: 'Omsorgshuset ApS',
      cvr,
      postalAddress: { street: 'Søndergade', houseNumber: '14', postalCode: '8000', city: 'Aarhus C' },
    },
    institutions,
  };
}

function uuid(i) {
  const hex = (i + 1).toString(16).padStart(12, '0');
  return `0a3f50a0-73bf-32b8-e044-${hex}`;
}

export function generateProvider({ units, format = 'yaml', violations = true, firstCode, cvr }) {
  const data = providerData({ units, violations, firstCode, cvr });
  return format === 'json' ? JSON.stringify(data, null, 2) + '\n' : toYaml(data);
}

/** Block-style YAML written by hand, as people write these files (quoted codes, comments). */
function toYaml(data) {
  const out = ['# Synthetic provider for benchmarks', 'provider:'];
  const p = data.provider;
  out.push(`  name: ${p.name}`, `  cvr: "${p.cvr}"`, '  postalAddress:');
  pushAddress(out, p.postalAddress, '    ');
  out.push('institutions:');
  for (const inst of data.institutions) {
    out.push(`  - name: ${inst.name}`, `    sorId: "${inst.sorId}"`, `    unitType: ${inst.unitType}`, `    legalBasis: ${inst.legalBasis}`);
    out.push('    visitingAddress:');
    pushAddress(out, inst.visitingAddress, '      ');
    out.push(`    phone: "${inst.phone}"`, `    email: ${inst.email}`, `    website: ${inst.website}`, '    units:');
    for (const unit of inst.units) out.push(`      - { name: ${unit.name}, unitType: ${unit.unitType} }`);
  }
  return out.join('\n') + '\n';
}

function pushAddress(out, address, indent) {
  out.push(`${indent}street: ${address.street}`, `${indent}houseNumber: "${address.houseNumber}"`, `${indent}postalCode: "${address.postalCode}"`, `${indent}city: ${address.city}`);
  if (address.darId) out.push(`${indent}darId: ${address.darId}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(generateProvider({ units: Number(process.argv[2] ?? 1000), format: process.argv[3] ?? 'yaml' }));
}
