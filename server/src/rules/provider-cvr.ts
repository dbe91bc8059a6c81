// provider-cvr: the provider must carry a valid CVR number, 8 digits passing the modulus-11 check.
// SOR creates a company from its CVR number (Afsnit 3, Aktivitet 1a): it is the provider's identity.
import { msg } from '../core/i18n.js';
import { displayName, entitySpan } from '../core/model.js';
import type { Rule, Wording } from '../core/rule.js';
import type { CvrProblem } from './support/cvr.js';
import { cvrProblem } from './support/cvr.js';
import { exampleFile } from './support/examples.js';

function missingWording(provider: string): Wording {
  return {
    message: msg(`Leverandøren "${provider}" har intet CVR-nummer (\`cvr\`).`, `Provider "${provider}" has no CVR number (\`cvr\`).`),
    action: msg('Tilføj virksomhedens CVR-nummer på 8 cifre, fx cvr: "29403473".', 'Add the company\'s 8-digit CVR number, e.g. cvr: "29403473".'),
  };
}

function invalidWording(value: string, provider: string, problem: CvrProblem): Wording {
  if (problem === 'format') {
    return {
      message: msg(`CVR-nummeret "${value}" for "${provider}" er ikke præcis 8 cifre.`, `The CVR number "${value}" of "${provider}" is not exactly 8 digits.`),
      action: msg('Skriv de 8 cifre uden mellemrum, "DK" eller andet foran.', 'Write the 8 digits without spaces, "DK" or anything in front.'),
    };
  }
  return {
    message: msg(
      `CVR-nummeret "${value}" for "${provider}" består ikke modulus 11-kontrollen, så et ciffer er næsten sikkert forkert.`,
      `The CVR number "${value}" of "${provider}" fails the modulus-11 check, so a digit is almost certainly wrong.`,
    ),
    action: msg('Slå virksomheden op i CVR-registret (datacvr.virk.dk), og ret nummeret.', 'Look the company up in the CVR register (datacvr.virk.dk) and correct the number.'),
  };
}

export const providerCvr: Rule = {
  id: 'provider-cvr',
  defaultSeverity: 'error',
  scope: 'institution',
  fields: ['cvr'],
  supersedes: [
    { keyword: 'pattern', property: 'cvr' },
    // A number that is no CVR number as text either: this rule's finding says what to write.
    { keyword: 'type', property: 'cvr', when: (_owner, _context, value) => value?.kind === 'scalar' && value.text !== null && cvrProblem(value.text) !== undefined },
  ],
  docs: {
    summary: msg(
      'Leverandøren har intet CVR-nummer, eller det er ikke 8 cifre, der består modulus 11-kontrollen.',
      'The provider has no CVR number, or it is not 8 digits that pass the modulus-11 check.',
    ),
    rationale: msg(
      'Når en virksomhed oprettes i SOR, henter man først dens stamdata ved at indtaste CVR-nummeret (vejledningen, afsnit 3, aktivitet 1a). CVR-nummeret er leverandørens identitet i SOR og dermed på plejeoverblikket. Et CVR-nummer er 8 cifre, hvis vægtede sum (vægtene 2,7,6,5,4,3,2,1) går op i 11; et nummer, der ikke gør, er næsten altid en tastefejl.',
      'When a company is created in SOR, its master data is fetched first by entering its CVR number (the guidance, Afsnit 3, Aktivitet 1a). The CVR number is the provider\'s identity in SOR and so on plejeoverblikket. A CVR number is 8 digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11; a number that is not is almost always a typo.',
    ),
    remedy: msg(
      'Skriv virksomhedens CVR-nummer som 8 cifre i feltet cvr under provider; slå det op i CVR-registret (datacvr.virk.dk), hvis du er i tvivl.',
      'Write the company\'s CVR number as 8 digits in the cvr field under provider; look it up in the CVR register (datacvr.virk.dk) if in doubt.',
    ),
    source: 'Afsnit 3, Aktivitet 1a',
    invalidExample: `provider:
  name: Omsorgshuset ApS
  cvr: "29403474"
institutions:
  - name: Plejecenter Østervang
    unitType: plejeenhed
`,
    validExample: exampleFile(`  - name: Plejecenter Østervang
    unitType: plejeenhed
`),
  },
  check(context) {
    const provider = context.document.provider;
    if (!provider) return;
    const cvr = provider.fields.cvr;
    if (!cvr) {
      // A provider cut short by a syntax error may have lost its cvr line: absence proves nothing.
      if (provider.complete) context.report({ span: entitySpan(provider), ...missingWording(displayName(provider)) });
      return;
    }
    // A list or mapping is the schema's to report.
    if (cvr.node.kind !== 'scalar') return;
    const value = cvr.text ?? '';
    if (value.trim() === '') {
      // An empty value has an empty range: point at its key instead.
      context.report({ span: { start: cvr.key.start, end: cvr.key.end }, ...missingWording(displayName(provider)) });
      return;
    }
    const problem = cvrProblem(value);
    if (problem) context.report({ span: { start: cvr.node.start, end: cvr.node.end }, ...invalidWording(value, displayName(provider), problem) });
  },
};
