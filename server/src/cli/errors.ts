/** The command could not do its job for a reason the user can act on: exit 2, one line on stderr. */
export class CliError extends Error {
  override name = 'CliError';
}
