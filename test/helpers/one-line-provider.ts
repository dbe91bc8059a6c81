// A provider written on one line, as a tool writing flow style may write it: every care unit in
// one flow sequence. Each unit inherits four contact fields from the provider, so each has
// four inheritance notes with an insert fix.
const address = (houseNumber: number) => `{street: Østervangsvej, houseNumber: "${houseNumber}", postalCode: "8000", city: Aarhus C}`;

export function oneLineProvider(units: number): string {
  const provider = `{name: Omsorgshuset ApS, cvr: "29403473", postalAddress: ${address(14)}, phone: "70 20 30 40", email: kontakt@omsorgshuset.dk, website: https://omsorgshuset.dk}`;
  const unit = (n: number) => `{name: Plejecenter ${n}, unitType: plejeenhed, legalBasis: aeldreloven, visitingAddress: ${address((n % 999) + 1)}}`;
  return `provider: ${provider}\ninstitutions: [${Array.from({ length: units }, (_, i) => unit(i + 1)).join(', ')}]\n`;
}
