// `sor-lint import <SorEntity_daily.csv> --provider <CVR or SOR code> [-o file.sor.yaml]`:
// writes the provider's structure (to the file, or to stdout), then lints it and says on stderr
// what the rules found. Exit 0: imported, no errors; 1: imported, the rules found errors; 2: not imported.
import { stat, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Lang } from '../core/i18n.js';
import { configForFile, lintWithConfig } from '../config/index.js';
import { msg } from '../core/i18n.js';
import type { CommandIo } from './subcommand.js';
import { EXIT_FINDINGS, EXIT_OK, fileError, parseCommand, runCommand } from './subcommand.js';
import { CliError } from './errors.js';
import type { ImportResult } from '../import/import.js';
import { importProvider } from '../import/import.js';
import { DEPTH_UNKNOWN } from '../import/yaml-out.js';

export const IMPORT_HELP = msg(
  `Brug: sor-lint import <SorEntity_daily.csv> --provider <CVR-nr. eller SOR-kode> [-o fil.sor.yaml] [--lang da|en]

Henter én leverandørs struktur fra SOR's daglige udtræk og skriver den som YAML (til filen, ellers til
standard output), og tjekker den bagefter. Afslutningskode 0: importeret uden fejl; 1: importeret, men
reglerne finder fejl; 2: ikke importeret.
`,
  `Usage: sor-lint import <SorEntity_daily.csv> --provider <CVR number or SOR code> [-o file.sor.yaml] [--lang da|en]

Takes one provider's structure from SOR's daily export and writes it as YAML (to the file, else to
standard output), then lints it. Exit code 0: imported, no errors; 1: imported, the rules find errors;
2: not imported.
`,
);

export function runImportCommand(argv: string[], io: CommandIo): Promise<number> {
  return runCommand('import', io, async (setLang) => {
    const { values, positionals, lang } = parseCommand(argv, { provider: { type: 'string', short: 'p' }, output: { type: 'string', short: 'o' } }, io);
    setLang(lang);
    if (values.help) {
      io.stdout.write(IMPORT_HELP[lang]);
      return EXIT_OK;
    }
    const [input, ...extra] = positionals;
    if (!input || extra.length > 0) throw new CliError(msg('Angiv præcis én CSV-fil.', 'Give exactly one CSV file.'));
    const provider = values.provider;
    if (typeof provider !== 'string') throw new CliError(msg('--provider mangler: leverandørens CVR-nummer eller SOR-kode.', "--provider is missing: the provider's CVR number or SOR code."));
    const cwd = io.cwd ?? process.cwd();
    const output = typeof values.output === 'string' ? values.output : undefined;

    const result = await importProvider(await checkedInput(resolve(cwd, input), input), { provider, sourceName: basename(input), lang, now: importTime(io.env ?? process.env) });
    if (output) {
      await writeFile(resolve(cwd, output), result.yaml).catch((error: unknown) => {
        throw fileError(output, error);
      });
    } else io.stdout.write(result.yaml);

    const fileName = output ?? 'import.sor.yaml';
    const config = await configForFile(resolve(cwd, fileName), { boundary: cwd });
    const findings = lintWithConfig(result.yaml, config, { fileName, lang }).findings;
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    io.stderr.write(summary(result, output, errors, warnings, lang) + '\n');
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
  });
}

/** Checks the file first, so a missing or unreadable file is a plain one-line reason. */
async function checkedInput(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch((error: unknown) => {
    throw fileError(shown, error);
  });
  if (info.isDirectory()) throw fileError(shown, Object.assign(new Error('directory'), { code: 'EISDIR' }));
  return path;
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when set, so a rerun on the same export writes the same file. */
function importTime(env: NodeJS.ProcessEnv): Date {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  return env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
}

function summary(result: ImportResult, output: string | undefined, errors: number, warnings: number, lang: Lang): string {
  const where = output ?? 'standard output';
  const units = result.unitCount;
  const depth = (text: string) => (result.depthUnknown ? ` ${text}` : '');
  const text = msg(
    `Importerede ${result.provider.name} (SOR ${result.provider.sorId}) med ${units} ${units === 1 ? 'enhed' : 'enheder'} til ${where} (${result.encoding}, ${result.rowsRead} rækker læst): ${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}.${depth(DEPTH_UNKNOWN.da)}${errors + warnings > 0 && output ? ` Kør sor-lint ${output} for detaljer.` : ''}`,
    `Imported ${result.provider.name} (SOR ${result.provider.sorId}) with ${units} ${units === 1 ? 'unit' : 'units'} to ${where} (${result.encoding}, ${result.rowsRead} rows read): ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}.${depth(DEPTH_UNKNOWN.en)}${errors + warnings > 0 && output ? ` Run sor-lint ${output} for details.` : ''}`,
  );
  return text[lang];
}
