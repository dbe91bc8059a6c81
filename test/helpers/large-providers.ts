// Providers of national size, made in the test rather than kept as fixtures.

const address = (houseNumber: number) => `{street: Østervangsvej, houseNumber: "${houseNumber}", postalCode: "8000", city: Aarhus C}`;

/**
 * A provider written on one line, as a tool writing flow style may write it: every care unit in
 * one flow sequence. Each unit inherits four contact fields from the provider, so each has four
 * inheritance notes with an insert fix.
 */
export function oneLineProvider(units: number): string {
  const provider = `{name: Omsorgshuset ApS, cvr: "29403473", postalAddress: ${address(14)}, phone: "70 20 30 40", email: kontakt@omsorgshuset.dk, website: https://omsorgshuset.dk}`;
  const unit = (n: number) => `{name: Plejecenter ${n}, unitType: plejeenhed, legalBasis: aeldreloven, visitingAddress: ${address((n % 999) + 1)}}`;
  return `provider: ${provider}\ninstitutions: [${Array.from({ length: units }, (_, i) => unit(i + 1)).join(', ')}]\n`;
}

/** Units one a line, each with its postcode written as a number: one safe fix (quote it) a line. */
export function unquotedPostcodes(units: number): string {
  const lines = ['provider:', '  name: Omsorgshuset ApS', '  cvr: "29403473"', 'institutions:'];
  for (let n = 1; n <= units; n++) lines.push(`  - { name: Afsnit ${n}, unitType: afsnit, postalAddress: { street: Søndergade, houseNumber: "14", postalCode: 8000, city: Aarhus C } }`);
  return lines.join('\n') + '\n';
}
