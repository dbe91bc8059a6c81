// A file's configuration as the command sees it: what discovery (or --config) finds, then the
// command line on top, as in ESLint: --rule wins over every configuration (also over a `sorIds`
// override for the same rule), --ignore-pattern adds to ignorePatterns. --print-config shows it.
import { relative, resolve } from 'node:path';
import type { FileConfig } from '../config/index.js';
import { configForFile, ignoredBy } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import { DEFAULT_SETTINGS } from '../core/lint.js';
import { allRules } from '../rules/index.js';
import type { CliOptions } from './args.js';
import { toPosix } from './paths.js';

export interface CommandLineConfig extends FileConfig {
  /** An --ignore-pattern matches the file (`ignored` is then true too). */
  ignoredByOption: boolean;
}

export async function commandLineConfig(absolutePath: string, options: CliOptions, cwd: string): Promise<CommandLineConfig> {
  const config = await configForFile(absolutePath, { configFile: options.config && resolve(cwd, options.config), boundary: cwd });
  const overridden = Object.keys(options.rules);
  const ignoredByOption = options.ignorePatterns.length > 0 && ignoredBy(options.ignorePatterns, toPosix(relative(cwd, absolutePath)));
  return {
    ...config,
    rules: { ...config.rules, ...options.rules },
    sorIdOverrides: config.sorIdOverrides.map((override) => ({
      ...override,
      rules: Object.fromEntries(Object.entries(override.rules).filter(([id]) => !overridden.includes(id))),
    })),
    ignored: config.ignored || ignoredByOption,
    ignoredByOption,
  };
}

/** --print-config: the settings in force for one file, in the configuration file's own keys. */
export function printedConfig(config: FileConfig, options: CliOptions, lang: Lang, cwd: string): string {
  const shown = (path: string) => toPosix(relative(cwd, path)) || '.';
  const postcodeFile = config.settings.postcodes?.source;
  const addresses = {
    ...config.addresses,
    ...((options.online || options.addressEndpoint !== undefined) && { online: true }),
    ...(options.addressEndpoint !== undefined && { endpoint: options.addressEndpoint }),
  };
  const printed = {
    configFiles: config.configFiles.map(shown),
    ignored: config.ignored,
    lang: options.lang ?? config.lang ?? lang,
    inlineConfig: options.inlineConfig,
    rules: Object.fromEntries(allRules.map((rule) => [rule.id, config.rules[rule.id] ?? rule.defaultSeverity])),
    overrides: config.sorIdOverrides.filter((override) => Object.keys(override.rules).length > 0),
    settings: {
      defaultNonCareUnitType: config.settings.defaultNonCareUnitType ?? DEFAULT_SETTINGS.defaultNonCareUnitType,
      ...(postcodeFile && { postcodeFile: shown(postcodeFile) }),
    },
    addresses,
  };
  return JSON.stringify(printed, null, 2) + '\n';
}
