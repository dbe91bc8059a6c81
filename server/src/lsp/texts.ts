// The language server's own words (action titles, status, outline), in Danish and English like
// every message of the rules.
import type { Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';

export const texts = {
  fixAllOfRule: (rule: string): Msg => msg(`Ret alle ${rule}-problemer i filen`, `Fix all ${rule} problems in this file`),
  disableForLine: (rule: string): Msg => msg(`Slå ${rule} fra for denne linje`, `Disable ${rule} for this line`),
  disableReasonPlaceholder: msg('skriv begrundelsen her', 'write the reason here'),
  showDocumentation: (rule: string): Msg => msg(`Vis dokumentation for ${rule}`, `Show documentation for ${rule}`),
  fixAllSafe: msg('Ret alle sikre sor-lint-problemer', 'Fix all safe sor-lint problems'),
  statusOk: (count: number, ms: number): Msg => msg(`${count} fund på ${ms} ms`, `${count} findings in ${ms} ms`),
  statusSlow: (ms: number, budget: number): Msg =>
    msg(
      `Tjekket tog ${ms} ms, over budgettet på ${budget} ms (sor-lint.lintTimeBudgetMs); overvej at tjekke ved gem (sor-lint.run).`,
      `Linting took ${ms} ms, over the budget of ${budget} ms (sor-lint.lintTimeBudgetMs); consider linting on save (sor-lint.run).`,
    ),
  statusRuleFailed: (rules: string[]): Msg =>
    msg(
      `Reglen ${rules.join(', ')} fejlede internt; de andre regler tjekkede filen. Se sor-lint-loggen.`,
      `The rule ${rules.join(', ')} failed internally; the other rules checked the file. See the sor-lint log.`,
    ),
  lintCrashed: (reason: string): Msg =>
    msg(
      `sor-lint kunne ikke tjekke filen (${reason}). Det er en fejl i sor-lint; se loggen og rapportér den gerne.`,
      `sor-lint could not check this file (${reason}). This is a bug in sor-lint; see the log and please report it.`,
    ),
  /** `detail` names the file and the key (ConfigError's text). */
  configError: (detail: Msg): Msg =>
    msg(
      `Fejl i sor-lint-konfigurationen: ${detail.da}. Filen tjekkes med standardindstillinger, indtil konfigurationen er rettet.`,
      `Error in the sor-lint configuration: ${detail.en}. The file is checked with default settings until the configuration is fixed.`,
    ),
  outlineCapped: (shown: number, total: number): Msg =>
    msg(`… oversigten er afkortet: ${shown} af ${total} vist`, `… outline capped: ${shown} of ${total} shown`),
  workspaceCapped: (indexed: number, maxFiles: number, maxMegabytes: number): Msg =>
    msg(
      `Arbejdsområdet har flere SOR-filer end sor-lint.workspace.maxFiles (${maxFiles}) eller sor-lint.workspace.maxMegabytes (${maxMegabytes} MB) tillader; kun ${indexed} lukkede filer tjekkes på tværs af filer.`,
      `The workspace holds more SOR files than sor-lint.workspace.maxFiles (${maxFiles}) or sor-lint.workspace.maxMegabytes (${maxMegabytes} MB) allow; only ${indexed} closed files are checked across files.`,
    ),
  workspaceIndexed: (files: number): Msg =>
    msg(`${files} SOR-filer i arbejdsområdet er læst ind til tjekkene på tværs af filer.`, `${files} SOR files of the workspace read for the checks across files.`),
  rulesLabel: (count: number): Msg => (count === 1 ? msg('Regel', 'Rule') : msg('Regler', 'Rules')),
  careUnitMark: '★',
} as const;
