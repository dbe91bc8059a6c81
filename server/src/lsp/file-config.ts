// How one document is linted: its configuration file (found as the CLI finds it) with the
// editor's `sor-lint.rules` on top, the user's language, and a bad config turned into a finding.
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import type { FileConfig } from '../config/index.js';
import { ConfigError, configForFile } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import { langFromLocale } from '../core/i18n.js';
import type { Settings } from './settings.js';

export interface LintSetup {
  config: FileConfig;
  lang: Lang;
  /** Set when the configuration could not be used; the document is linted with defaults. */
  configError: ConfigError | undefined;
}

export const EMPTY_CONFIG: FileConfig = { rules: {}, settings: {}, ignored: false, configFiles: [], sorIdOverrides: [], addresses: {} };

export interface SetupContext {
  clientLocale: string | undefined;
  /** Resolves a relative `sor-lint.configFile`. */
  workspaceFolder: string | undefined;
  logError(message: string): void;
}

export async function lintSetupFor(uri: string, settings: Settings, context: SetupContext): Promise<LintSetup> {
  const configFile = settings.configFile ? resolve(context.workspaceFolder ?? process.cwd(), settings.configFile) : undefined;
  const filePath = fsPathOf(uri) ?? (configFile ? resolve(context.workspaceFolder ?? process.cwd(), 'untitled') : undefined);
  let config = EMPTY_CONFIG;
  let configError: ConfigError | undefined;
  if (filePath) {
    try {
      config = await configForFile(filePath, { configFile, boundary: context.workspaceFolder });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      configError = error;
      context.logError(`Configuration error for ${uri}: ${error.message}`);
    }
  }
  const lang = settings.language !== 'auto' ? settings.language : (config.lang ?? langFromLocale(context.clientLocale));
  return { config: { ...config, rules: { ...config.rules, ...settings.rules } }, lang, configError };
}

export function fsPathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    return isAbsolute(path) ? path : undefined;
  } catch {
    return undefined;
  }
}
