// Entry point of dist/cli.js: `sor-lint` the command, `sor-lint import|preview …` its
// subcommands, or `sor-lint --stdio` the language server.
import { ConfigError } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import { langFromEnvironment, msg } from '../core/i18n.js';
import { MAX_FILE_BYTES, tooLarge } from '../fs/read.js';
import { CliError } from './errors.js';
import type { CommandIo } from './subcommand.js';
import { run } from './run.js';

// Loaded when asked for, each from a bundle of its own beside dist/cli.js (scripts/build.mjs): the
// language server's packages and the import's projections would cost a lint run a fifth of its start-up.
const SUBCOMMANDS = {
  import: async (args: string[], io: CommandIo) => (await import('./import-command.js')).runImportCommand(args, io),
  preview: async (args: string[], io: CommandIo) => (await import('./preview-command.js')).runPreviewCommand(args, io),
} as const;

/** The status of a Unix writer whose reader left (128 + SIGPIPE), which Node does not die of by itself. */
const READER_LEFT_STATUS = 141;

async function main(): Promise<void> {
  // `sor-lint . | head`: once the reader is gone nothing more can be shown, so stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(READER_LEFT_STATUS);
  });
  const argv = process.argv.slice(2);
  const subcommand = SUBCOMMANDS[argv[0] as keyof typeof SUBCOMMANDS];
  if (subcommand) {
    process.exitCode = await subcommand(argv.slice(1), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
    return;
  }
  const debug = argv.includes('--debug') || process.env.SOR_LINT_DEBUG === '1';
  try {
    const outcome = await run(argv, {
      cwd: process.cwd(),
      env: process.env,
      stdout: process.stdout,
      stderr: process.stderr,
      readStdin,
    });
    // The language server's entry starts it.
    if ('languageServer' in outcome) await import('../lsp/main.js');
    else exitWhenWritten(outcome.exitCode);
  } catch (error) {
    const lang = langOf(argv);
    const reason =
      error instanceof CliError
        ? error.text[lang]
        : error instanceof ConfigError
          ? error.text[lang]
          : `${lang === 'da' ? 'intern fejl' : 'internal error'}: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`sor-lint: ${reason.split(/\r?\n/)[0]}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    process.exitCode = 2;
  }
}

/**
 * Ends a lint's run once standard output and error have handed the kernel all they were given (a
 * write's callback comes after every earlier write's, to a slow pipe too). Nothing else is left to
 * do then, and Node would first free a national file's heap piece by piece (~160 MB, a few ms). A
 * stream that failed instead is left to its error handler (a reader that left: 141), as before.
 */
function exitWhenWritten(code: number): void {
  process.exitCode = code;
  process.stdout.write('', (stdoutError) => {
    if (stdoutError) return;
    process.stderr.write('', (stderrError) => {
      if (!stderrError) process.exit();
    });
  });
}

/** The language for a failure, which may come before the options were read: --lang, else the locale. */
function langOf(argv: string[]): Lang {
  const given = argv[argv.indexOf('--lang') + 1];
  return argv.includes('--lang') && (given === 'da' || given === 'en') ? given : langFromEnvironment(process.env);
}

/** Standard input, bounded as a file is: `- < /dev/zero` must end. */
function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    process.stdin.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      total += chunk.length;
      if (total <= MAX_FILE_BYTES) return;
      process.stdin.destroy();
      const reason = tooLarge(total);
      reject(new CliError(msg(`kan ikke læse standard input: ${reason.da}`, `cannot read standard input: ${reason.en}`)));
    });
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

void main();
