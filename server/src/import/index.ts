// The importer of SOR's daily export (issue 6): the library entry and the CLI subcommand.
export { importProvider } from './import.js';
export type { ImportOptions, ImportResult } from './import.js';
export { runImportCommand, IMPORT_HELP } from './command.js';
export type { CommandIo } from '../cli/subcommand.js';
export { ImportError } from './errors.js';
