// Entry point of dist/server.js, the language server the extension starts.
import { runLanguageServer } from './run.js';

runLanguageServer();
