// The command's own words (summary, help, notes), in Danish and English like every message.
import type { Severity } from '../core/finding.js';
import type { Lang, Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';

const SEVERITY_WORDS: Record<Severity, [Msg, Msg]> = {
  error: [msg('fejl', 'error'), msg('fejl', 'errors')],
  warning: [msg('advarsel', 'warning'), msg('advarsler', 'warnings')],
  info: [msg('info', 'info'), msg('info', 'info')],
  hint: [msg('tip', 'hint'), msg('tip', 'hints')],
};

export function severityWord(severity: Severity, lang: Lang): string {
  return SEVERITY_WORDS[severity][0][lang];
}

export function countOf(count: number, severity: Severity, lang: Lang): string {
  return `${count} ${SEVERITY_WORDS[severity][count === 1 ? 0 : 1][lang]}`;
}

export function problemsWord(count: number, lang: Lang): string {
  if (lang === 'da') return `${count} ${count === 1 ? 'problem' : 'problemer'}`;
  return `${count} ${count === 1 ? 'problem' : 'problems'}`;
}

export function fixableLine(count: number, lang: Lang): string {
  return lang === 'da'
    ? `${count} af dem kan rettes automatisk med --fix.`
    : `${count} of them can be fixed automatically with --fix.`;
}

export function unusedDirectiveWording(rules: string[], lang: Lang): { message: string; action: string } {
  const names = rules.length > 0 ? rules.join(', ') : lang === 'da' ? 'alle regler' : 'all rules';
  return lang === 'da'
    ? { message: `Ubrugt sor-lint-undtagelse (${names}): den skjuler intet fund her.`, action: 'Fjern kommentaren, så den ikke senere skjuler et nyt fund ved et uheld.' }
    : { message: `Unused sor-lint suppression (${names}): it silences no finding here.`, action: 'Remove the comment so it cannot hide a new finding by accident later.' };
}

export function ignoredFileNote(path: string, lang: Lang, byOption: boolean): string {
  if (byOption) return lang === 'da' ? `sor-lint: ${path} springes over: --ignore-pattern udelukker den.` : `sor-lint: ${path} skipped: --ignore-pattern excludes it.`;
  return lang === 'da'
    ? `sor-lint: ${path} springes over: konfigurationens ignorePatterns udelukker den.`
    : `sor-lint: ${path} skipped: the configuration's ignorePatterns exclude it.`;
}

export const HELP: Msg = msg(
  `Brug: sor-lint [tilvalg] <fil | mappe | glob | ->...
       sor-lint import <SorEntity_daily.csv> --provider <CVR|SOR-kode> [-o fil.sor.yaml]
       sor-lint preview <fil> [--format json|text]

Tjekker en plejeleverandørs SOR-struktur (*.sor.yaml, *.sor.yml, *.sor.json) mod
Sundhedsdatastyrelsens vejledning til plejeoverblikket.dk.

Tilvalg:
  -f, --format FORMAT        stylish (standard), json, sarif, junit, github, gitlab
  -o, --output-file STI      skriv rapporten fra det foregående --format til STI
                             (--format og --output-file kan gentages: én rapport hver)
      --fix                  ret alle sikre fejl i filerne, og rapportér resten
      --fix-dry-run          vis rettelserne som diff i stedet for at skrive dem
      --fix-type safe,suggestion
                             hvilke rettelser (standard: safe; suggestion er gæt)
      --lang da|en           sprog i meddelelser (standard: fra LC_ALL/LC_MESSAGES/LANG)
  -c, --config FIL           brug kun denne konfiguration (ingen søgning i mapper)
      --print-config FIL     vis de regler og indstillinger, der gælder for FIL, som JSON
                             (tjekker intet)
      --rule "ID: ALVOR"     sæt en regel til error, warning, info, hint eller off over al
                             konfiguration (kan gentages)
      --ignore-pattern GLOB  spring filer over, som GLOB passer på, relativt til arbejdsmappen
                             som ignorePatterns (kan gentages)
      --no-inline-config     se bort fra sor-lint-disable-kommentarer i filerne
      --max-warnings N       afslut med 1, hvis der er flere end N advarsler
      --quiet                kun fejl, i rapporten og i afslutningskoden
      --no-color             ingen farver
      --report-unused-disable-directives
                             rapportér sor-lint-disable-kommentarer, der intet skjuler
      --cache                spring filer over, der er uændrede siden en ren kørsel
      --cache-location STI   cachefil (standard: node_modules/.cache/sor-lint/cache.json)
      --stdin-filename NAVN  navngiv standard input (-): sprog og konfiguration følger navnet
      --online, --address-endpoint URL
                             tjek besøgsadresser i DAR online (token i SOR_LINT_ADDRESS_TOKEN)
      --online-deadline SEK  højst så længe for alle opslag (standard 60); resten: kunne ikke tjekkes
      --stdio                kør sprogserveren (LSP) over stdio i stedet
      --debug                vis stakspor ved interne fejl
  -v, --version              vis versionen
  -h, --help                 vis denne hjælp

Samlede undertrykkelser (gamle fejl tælles pr. fil og regel; kun nye fejl rapporteres):
      --suppress-all         skriv alle dagens fejl i undertrykkelsesfilen
      --suppress-rule ID     skriv kun fejlene fra reglen ID (kan gentages)
      --suppressions-location STI
                             undertrykkelsesfilen (standard: sor-lint-suppressions.json)
      --prune-suppressions   sænk filens tal til dagens fejl
      --pass-on-unpruned-suppressions
                             afslut ikke med 2, når filen tæller flere fejl, end der er tilbage

Afslutningskoder: 0 ingen fejl (og advarsler inden for --max-warnings); 1 fejl eller for mange
advarsler; 2 kommandoen kunne ikke gøre sit arbejde (forkert tilvalg, ulæselig fil, dårlig
konfiguration, intern fejl) eller undertrykkelsesfilen tæller flere fejl, end der er tilbage.
`,
  `Usage: sor-lint [options] <file | directory | glob | ->...
       sor-lint import <SorEntity_daily.csv> --provider <CVR|SOR code> [-o file.sor.yaml]
       sor-lint preview <file> [--format json|text]

Checks a care provider's SOR structure (*.sor.yaml, *.sor.yml, *.sor.json) against the Danish
Health Data Authority's guidance for plejeoverblikket.dk.

Options:
  -f, --format FORMAT        stylish (default), json, sarif, junit, github, gitlab
  -o, --output-file PATH     write the report of the --format before it to PATH
                             (--format and --output-file may repeat: one report each)
      --fix                  apply every safe fix to the files, and report what is left
      --fix-dry-run          print the fixes as a diff instead of writing them
      --fix-type safe,suggestion
                             which fixes to apply (default: safe; suggestions are guesses)
      --lang da|en           language of messages (default: from LC_ALL/LC_MESSAGES/LANG)
  -c, --config FILE          use only this configuration (no search through folders)
      --print-config FILE    print the rules and settings in force for FILE as JSON
                             (lints nothing)
      --rule "ID: SEVERITY"  set a rule to error, warning, info, hint or off over every
                             configuration (may repeat)
      --ignore-pattern GLOB  skip the files GLOB matches, relative to the working folder, as
                             ignorePatterns (may repeat)
      --no-inline-config     ignore sor-lint-disable comments in the files
      --max-warnings N       exit with 1 when there are more than N warnings
      --quiet                errors only, in the report and in the exit code
      --no-color             no colours
      --report-unused-disable-directives
                             report sor-lint-disable comments that silence nothing
      --cache                skip files unchanged since a clean run
      --cache-location PATH  cache file (default: node_modules/.cache/sor-lint/cache.json)
      --stdin-filename NAME  name standard input (-): language and configuration follow it
      --online, --address-endpoint URL
                             check visiting addresses in DAR online (token in SOR_LINT_ADDRESS_TOKEN)
      --online-deadline SEC  at most this long for all lookups (default 60); the rest: could not verify
      --stdio                run the language server (LSP) over stdio instead
      --debug                print stack traces of internal errors
  -v, --version              print the version
  -h, --help                 print this help

Bulk suppressions (old errors counted per file and rule; only new ones are reported):
      --suppress-all         record all of today's errors in the suppressions file
      --suppress-rule ID     record only the errors of the rule ID (may repeat)
      --suppressions-location PATH
                             the suppressions file (default: sor-lint-suppressions.json)
      --prune-suppressions   lower the file's counts to today's errors
      --pass-on-unpruned-suppressions
                             do not exit with 2 when the file counts more errors than are left

Exit codes: 0 no errors (and warnings within --max-warnings); 1 errors or too many warnings;
2 the command could not do its job (bad option, unreadable file, bad configuration, internal error)
or the suppressions file counts more errors than are left.
`,
);
