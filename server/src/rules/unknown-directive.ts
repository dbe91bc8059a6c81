// A suppression comment that names a rule sor-lint does not have silences nothing, and says so
// nowhere: `# sor-lint-disable-next-line plejehjem-retyp` leaves the finding it was written for in
// place, or, once the finding is gone, hides nothing while looking as if it did. One that names no
// rule silences every rule, including findings nobody has seen yet. ESLint reports both.
import type { Span } from '../core/ast.js';
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { Report, Rule } from '../core/rule.js';
import type { Directive } from '../core/suppressions.js';
import { closestNames } from './schema.js';

export const unknownDirective: Rule = {
  id: 'unknown-directive',
  defaultSeverity: 'warning',
  scope: 'file', // reads the comments, wherever they are
  fields: [],
  docs: {
    summary: msg(
      'En `# sor-lint-disable…`-kommentar, der nævner et regel-id, som ikke findes, eller intet regel-id.',
      'A `# sor-lint-disable…` comment that names a rule id that does not exist, or no rule id at all.',
    ),
    rationale: msg(
      'En kommentar med et forkert stavet regel-id slår intet fra: fundet, den var skrevet til, står der stadig, eller kommentaren ser ud til at skjule noget, den ikke skjuler. En kommentar uden regel-id slår alle regler fra, også fund, ingen har set endnu.',
      'A comment with a misspelt rule id silences nothing: the finding it was written for stays, or the comment looks as if it hid something it does not. A comment without a rule id silences every rule, also findings nobody has seen yet.',
    ),
    remedy: msg(
      'Skriv regel-id’et, som reglens dokumentation staver det (den hurtige rettelse foreslår det nærmeste), og nævn altid de regler, kommentaren gælder.',
      'Write the rule id as its documentation spells it (the quick-fix offers the nearest one), and always name the rules the comment is for.',
    ),
    source: 'suppression comments (README, "Configuration")',
    invalidExample: `provider:
  name: Omsorgshuset ApS
institutions:
  # sor-lint-disable-next-line plejehjem-retyp -- a day centre, not a care unit
  - name: Dagcentret Solsikken
`,
    validExample: `provider:
  name: Omsorgshuset ApS
institutions:
  # sor-lint-disable-next-line plejehjem-retype -- a day centre, not a care unit
  - name: Dagcentret Solsikken
`,
  },
  fix: { safe: false, description: msg('omdøber id’et til den regel, det ligner', 'renames the id to the rule it resembles') },
  check(context) {
    for (const directive of context.directives) {
      if (directive.rules.length === 0 && directive.kind !== 'enable') context.report(namesNoRule(directive));
      directive.rules.forEach((id, index) => {
        if (!context.ruleIds.includes(id)) context.report(unknownId(id, directive.ruleSpans[index], closestNames(id, context.ruleIds)));
      });
    }
  },
};

function namesNoRule(directive: Directive): Report {
  const where = directive.kind === 'disable-next-line' ? msg('på næste linje', 'on the next line') : msg('herfra og frem', 'from here on');
  return {
    span: directive.span,
    message: msg(`Kommentaren nævner ingen regel, så alle regler er slået fra ${where.da}.`, `The comment names no rule, so it silences every rule ${where.en}.`),
    action: msg('Skriv de regler, den gælder, fx `plejehjem-retype`.', 'Name the rules it is for, such as `plejehjem-retype`.'),
  };
}

function unknownId(id: string, span: Span, close: string[]): Report {
  const names = (or: string) => close.map((name) => `\`${name}\``).join(` ${or} `);
  const message = msg(`Kommentaren nævner \`${id}\`, som ikke er en regel i sor-lint.`, `The comment names \`${id}\`, which is not a sor-lint rule.`);
  const action: Msg =
    close.length > 0
      ? msg(`Skriv ${names('eller')}, hvis det er den, der menes; ellers slår kommentaren intet fra.`, `Write ${names('or')} if that is the rule meant; otherwise the comment silences nothing.`)
      : msg('Brug et regel-id fra dokumentationen, eller fjern det.', 'Use a rule id from the documentation, or remove it.');
  const fixes = close.map((name) => ({ title: msg(`Omdøb \`${id}\` til \`${name}\``, `Rename \`${id}\` to \`${name}\``), safe: false, edits: () => [{ ...span, newText: name }] }));
  return { span, message, action, fixes };
}
