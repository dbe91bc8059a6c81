// provider-cvr: the provider must carry a valid CVR number, 8 digits passing the modulus-11 check.
// SOR creates a company from its CVR number (Afsnit 3, Aktivitet 1a): it is the provider's identity.
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { displayName, entitySpan } from '../core/model.js';
import type { Rule } from '../core/rule.js';
import type { CvrProblem } from './support/cvr.js';
import { cvrProblem } from './support/cvr.js';
import { exampleFile } from './support/examples.js';

const WHY = msg(
  'SOR opretter virksomheden ud fra dens CVR-nummer og henter stamdata derfra (vejledningen, aktivitet 1a), og plejeoverblikket viser plejeenhederne under den leverandør, CVR-nummeret udpeger.',
  'SOR creates the company from its CVR number and fetches its master data from there (the guidance, Aktivitet 1a), and plejeoverblikket shows the care units under the provider the CVR number names.',
);

function missingMessage(provider: string): Msg {
  return msg(
    `Leverandøren "${provider}" har intet CVR-nummer (cvr). ${WHY.da} Skriv virksomhedens CVR-nummer, 8 cifre, fx cvr: "29403473".`,
    `The provider "${provider}" has no CVR number (cvr). ${WHY.en} Add the company's CVR number, 8 digits, such as cvr: "29403473".`,
  );
}

function invalidMessage(value: string, problem: CvrProblem): Msg {
  const what =
    problem === 'format'
      ? msg('er ikke præcis 8 cifre', 'is not exactly 8 digits')
      : msg(
          'består ikke CVR-nummerets modulus 11-kontrol (vægtene 2,7,6,5,4,3,2,1 giver en sum, der ikke går op i 11), så et ciffer er næsten sikkert forkert',
          'fails the CVR number\'s modulus-11 check (the weights 2,7,6,5,4,3,2,1 give a sum that 11 does not divide), so a digit is almost certainly wrong',
        );
  const todo =
    problem === 'format'
      ? msg('Skriv de 8 cifre uden mellemrum, "DK" eller andet foran.', 'Write the 8 digits without spaces, "DK" or anything in front.')
      : msg('Slå virksomheden op i CVR-registret (datacvr.virk.dk) og ret nummeret.', 'Look the company up in the CVR register (datacvr.virk.dk) and correct the number.');
  return msg(`CVR-nummeret "${value}" ${what.da}. ${WHY.da} ${todo.da}`, `The CVR number "${value}" ${what.en}. ${WHY.en} ${todo.en}`);
}

export const providerCvr: Rule = {
  id: 'provider-cvr',
  defaultSeverity: 'error',
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
      if (provider.complete) context.report({ span: entitySpan(provider), message: missingMessage(displayName(provider)) });
      return;
    }
    // A list or mapping is the schema's to report.
    if (cvr.node.kind !== 'scalar') return;
    const value = cvr.text ?? '';
    if (value.trim() === '') {
      // An empty value has an empty range: point at its key instead.
      context.report({ span: { start: cvr.key.start, end: cvr.key.end }, message: missingMessage(displayName(provider)) });
      return;
    }
    const problem = cvrProblem(value);
    if (problem) context.report({ span: { start: cvr.node.start, end: cvr.node.end }, message: invalidMessage(value, problem) });
  },
};
