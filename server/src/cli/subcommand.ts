// What the `import` and `preview` subcommands (import-command.ts, preview-command.ts) share: their io, option parsing with the CLI's
// exit-code contract (2 = could not do the job, with a one-line reason on stderr), and the language.
import { parseArgs } from 'node:util';
import type { Lang, Msg } from '../core/i18n.js';
import { langFromEnvironment, msg } from '../core/i18n.js';
import { ConfigError } from '../config/index.js';
import { ImportError } from '../import/errors.js';
import { CliError } from './errors.js';

export interface CommandIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** For the default language; process.env when absent. */
  env?: NodeJS.ProcessEnv;
  /** Relative paths are read from here; process.cwd() when absent. */
  cwd?: string;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_FAILED = 2;

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  lang: Lang;
}

/** Parses argv; an unknown option or a bad --lang throws a CliError (exit 2). */
export function parseCommand(argv: string[], options: OptionSpec, io: CommandIo): ParsedCommand {
  const envLang = langFromEnvironment(io.env ?? process.env);
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CliError(msg(`Ugyldigt argument: ${reason}`, `Invalid argument: ${reason}`));
  }
  const values = parsed.values as ParsedCommand['values'];
  const lang = values.lang ?? envLang;
  if (lang !== 'da' && lang !== 'en') throw new CliError(msg(`--lang skal være da eller en, ikke "${lang}".`, `--lang must be da or en, not "${lang}".`));
  return { values, positionals: parsed.positionals, lang };
}

/**
 * Runs a command body with the exit-code contract: a CliError, an ImportError (the export cannot
 * be used), a ConfigError (or any other failure) is
 * one line on stderr and exit code 2, in the language the body sets once it has read --lang.
 */
export async function runCommand(name: string, io: CommandIo, body: (setLang: (lang: Lang) => void) => Promise<number>): Promise<number> {
  let lang: Lang = langFromEnvironment(io.env ?? process.env);
  try {
    return await body((chosen) => (lang = chosen));
  } catch (error) {
    const reason: Msg =
      error instanceof CliError
        ? error.text
        : error instanceof ImportError
          ? error.reason
          : error instanceof ConfigError
          ? error.text
            : msg(`intern fejl: ${errorText(error)}`, `internal error: ${errorText(error)}`);
    io.stderr.write(`sor-lint ${name}: ${reason[lang].split(/\r?\n/)[0]}\n`);
    return EXIT_FAILED;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A file system error as one plain line ("no such file"), in both languages. */
export function fileError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return new CliError(msg(`${path} findes ikke.`, `${path} does not exist.`));
  if (code === 'EISDIR') return new CliError(msg(`${path} er en mappe, ikke en fil.`, `${path} is a directory, not a file.`));
  if (code === 'EACCES') return new CliError(msg(`${path} må ikke læses eller skrives.`, `${path} cannot be accessed (permission denied).`));
  return new CliError(msg(`${path} kunne ikke bruges: ${errorText(error)}`, `${path} could not be used: ${errorText(error)}`));
}
