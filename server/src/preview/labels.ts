// The preview's words in Danish and English, shared by the text and HTML renderings.
import type { Lang } from '../core/i18n.js';
import type { Provenance } from '../core/inheritance.js';
import type { PreviewContact, PreviewState, TreeRole } from './model.js';

export interface PreviewLabels {
  title: string;
  summary(shown: number, total: number, rejected: number, closed: number): string;
  provider: string;
  cvr: string;
  sorCode: string;
  newUnit: string;
  visitingAddress: string;
  postalAddress: string;
  phone: string;
  email: string;
  website: string;
  missing: string;
  provenance(contact: PreviewContact): string;
  state: Record<PreviewState, string>;
  stateReason: Record<PreviewState, string>;
  folded(path: string[]): string;
  blocking: string;
  providerBlocking: string;
  fileErrors: string;
  warnings: string;
  line(line: number): string;
  noCareUnits: string;
  tree: string;
  treeIntro: string;
  role: Record<TreeRole, string>;
  closed: string;
}

const DA: PreviewLabels = {
  title: 'Forhåndsvisning af plejeoverblikket',
  summary: (shown, total, rejected, closed) =>
    `${shown} af ${total} ${total === 1 ? 'plejeenhed' : 'plejeenheder'} vises; ${rejected} afvises${closed > 0 ? `, ${closed} er lukket` : ''}.`,
  provider: 'Leverandør',
  cvr: 'CVR-nummer',
  sorCode: 'SOR-kode',
  newUnit: '(ny, ikke oprettet i SOR endnu)',
  visitingAddress: 'Besøgsadresse',
  postalAddress: 'Postadresse',
  phone: 'Telefon',
  email: 'E-mail',
  website: 'Website',
  missing: 'mangler',
  provenance: (contact) => PROVENANCE_DA[contact.how](contact.from),
  state: { shown: 'Vises', rejected: 'Afvises', closed: 'Lukket' },
  stateReason: {
    shown: 'Ingen fejl: plejeoverblikket viser enheden.',
    rejected: 'Plejeoverblikket afviser enheden, indtil fejlene nedenfor er rettet.',
    closed: 'Enheden har en slutdato i fortiden og kommer ikke med.',
  },
  folded: (path) => `I SOR ligger den under ${path.join(' › ')}; plejeoverblikket viser den direkte under leverandøren.`,
  blocking: 'Fejl, der blokerer',
  providerBlocking: 'Fejl hos leverandøren (blokerer alle plejeenheder)',
  fileErrors: 'Fejl i filen',
  warnings: 'Advarsler',
  line: (line) => `linje ${line}`,
  noCareUnits: 'Ingen plejeenheder: intet af leverandøren vises på plejeoverblikket.',
  tree: 'Fra SOR til plejeoverblikket',
  treeIntro: 'Sådan forenkles SOR-strukturen: leverandøren og dens plejeenheder vises; enheder over en plejeenhed foldes sammen, og enheder under den hører til plejeenheden.',
  role: {
    provider: 'leverandør',
    'care-unit': 'plejeenhed: står direkte under leverandøren',
    folded: 'foldes sammen',
    'inside-care-unit': 'del af plejeenheden',
    'not-shown': 'vises ikke',
  },
  closed: 'lukket: kommer ikke med',
};

const PROVENANCE_DA: Record<Provenance, (from: string) => string> = {
  own: () => 'egen',
  inherited: (from) => `arvet fra ${from}`,
  'postal-as-visiting': (from) => `postadressen fra ${from} bruges`,
};

const EN: PreviewLabels = {
  title: 'Plejeoverblikket preview',
  summary: (shown, total, rejected, closed) =>
    `${shown} of ${total} care ${total === 1 ? 'unit' : 'units'} shown; ${rejected} rejected${closed > 0 ? `, ${closed} closed` : ''}.`,
  provider: 'Provider',
  cvr: 'CVR number',
  sorCode: 'SOR code',
  newUnit: '(new, not yet in SOR)',
  visitingAddress: 'Visiting address',
  postalAddress: 'Postal address',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  missing: 'missing',
  provenance: (contact) => PROVENANCE_EN[contact.how](contact.from),
  state: { shown: 'Shown', rejected: 'Rejected', closed: 'Closed' },
  stateReason: {
    shown: 'No errors: plejeoverblikket shows this unit.',
    rejected: 'Plejeoverblikket rejects this unit until the errors below are fixed.',
    closed: 'The unit has an end date in the past and is left out.',
  },
  folded: (path) => `In SOR it stands under ${path.join(' › ')}; plejeoverblikket shows it directly under the provider.`,
  blocking: 'Blocking errors',
  providerBlocking: "The provider's errors (they block every care unit)",
  fileErrors: 'Errors in the file',
  warnings: 'Warnings',
  line: (line) => `line ${line}`,
  noCareUnits: 'No care units: nothing of this provider is shown on plejeoverblikket.',
  tree: 'From SOR to plejeoverblikket',
  treeIntro: 'How the SOR structure is simplified: the provider and its care units are shown; units above a care unit are folded away, and units below it belong to the care unit.',
  role: {
    provider: 'provider',
    'care-unit': 'care unit: placed directly under the provider',
    folded: 'folded away',
    'inside-care-unit': 'part of the care unit',
    'not-shown': 'not shown',
  },
  closed: 'closed: left out',
};

const PROVENANCE_EN: Record<Provenance, (from: string) => string> = {
  own: () => 'own',
  inherited: (from) => `inherited from ${from}`,
  'postal-as-visiting': (from) => `the postal address of ${from} stands in`,
};

export function previewLabels(lang: Lang): PreviewLabels {
  return lang === 'da' ? DA : EN;
}

