import type { Msg } from '../core/i18n.js';

/** The command could not do its job for a reason the user can act on: exit 2, one line on stderr. */
export class CliError extends Error {
  override name = 'CliError';

  /** The reason in Danish and English; `message` is the English, for logs and tests. */
  constructor(readonly text: Msg) {
    super(text.en);
  }
}

/** What the system said of a failed file operation, for the one-line reason ("ENOENT"). */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** One file could not be read or written: said on stderr, the other files are still linted, exit 2. */
export class FileError extends CliError {
  override name = 'FileError';
}
