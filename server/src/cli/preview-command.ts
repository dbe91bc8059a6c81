// `sor-lint preview <file> [--format json|text] [--lang da|en]`: what plejeoverblikket will show
// of the file. Exit 0: every care unit will be shown; 1: a care unit (or the provider) has
// blocking errors; 2: the command could not do its job (one-line reason on stderr).
import { resolve } from 'node:path';
import { configForFile, lintWithConfig } from '../config/index.js';
import { msg } from '../core/i18n.js';
import type { CommandIo } from './subcommand.js';
import { EXIT_FINDINGS, EXIT_OK, fileError, parseCommand, runCommand } from './subcommand.js';
import { CliError } from './errors.js';
import { FileReadError, readRegularFile } from '../fs/read.js';
import { buildPreview } from '../preview/model.js';
import { renderPreviewText } from '../preview/text.js';

export const PREVIEW_HELP = msg(
  `Brug: sor-lint preview <fil> [--format json|text] [--lang da|en]

Viser, hvad plejeoverblikket får af filen: hver plejeenhed under leverandøren, med adresser og
kontaktdata efter SOR's nedarvning, og om den vises eller afvises (og hvilke fejl der blokerer).
Afslutningskode 0: alle plejeenheder vises; 1: noget afvises; 2: kunne ikke køre.
`,
  `Usage: sor-lint preview <file> [--format json|text] [--lang da|en]

Shows what plejeoverblikket receives from the file: each care unit under its provider, with its
addresses and contact data after SOR's inheritance, and whether it is shown or rejected (and which
errors block it). Exit code 0: every care unit is shown; 1: something is rejected; 2: could not run.
`,
);

export function runPreviewCommand(argv: string[], io: CommandIo): Promise<number> {
  return runCommand('preview', io, async (setLang) => {
    const { values, positionals, lang } = parseCommand(argv, { format: { type: 'string', short: 'f' } }, io);
    setLang(lang);
    if (values.help) {
      io.stdout.write(PREVIEW_HELP[lang]);
      return EXIT_OK;
    }
    const format = values.format ?? 'text';
    if (format !== 'json' && format !== 'text') throw new CliError(msg(`--format skal være json eller text, ikke "${format}".`, `--format must be json or text, not "${format}".`));
    if (positionals.length !== 1) throw new CliError(msg('Angiv præcis én fil.', 'Give exactly one file.'));
    const file = positionals[0];
    const cwd = io.cwd ?? process.cwd();
    let text: string;
    try {
      text = readRegularFile(resolve(cwd, file)).toString('utf8');
    } catch (error) {
      // An errno ("does not exist") reads as the import's; a FIFO or a huge file says what it is.
      if (error instanceof FileReadError) throw typeof error.reason === 'string' ? fileError(file, { code: error.reason }) : new CliError(error.describe(file));
      throw error;
    }
    const config = await configForFile(resolve(cwd, file), { boundary: cwd });
    const preview = buildPreview(lintWithConfig(text, config, { fileName: file, lang }), lang);
    io.stdout.write(format === 'json' ? JSON.stringify(preview, null, 2) + '\n' : renderPreviewText(preview, lang));
    const blocked = preview.summary.rejected > 0 || preview.fileErrors.length > 0 || preview.providers.some((provider) => provider.blocking.length > 0);
    return blocked ? EXIT_FINDINGS : EXIT_OK;
  });
}
