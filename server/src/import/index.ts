// The importer of SOR's daily export (issue 6): the library entry (the subcommand is cli/import-command.ts).
export { importProvider } from './import.js';
export type { ImportOptions, ImportResult } from './import.js';
export { ImportError } from './errors.js';
