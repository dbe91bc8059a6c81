// Configuration for one file: discovered from the file's folder upwards (.sor-lint.json,
// .sor-lint.yaml, .sor-lint.yml, or package.json's "sor-lint" key; the nearest wins, merged up to
// a config with `root: true`, and never above the repository: the folder holding `.git`, or when
// there is none the caller's boundary), or the one file `--config` names. The CLI, the language
// server, preview and import all call configForFile and lintWithConfig, so a file lints the same
// in every face.
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PostcodeFileError, loadPostcodeFile } from '../address/postcodes.js';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { LintOptions, LintResult } from '../core/lint.js';
import { lint } from '../core/lint.js';
import type { RuleSetting, SorIdOverride } from '../core/pipeline.js';
import type { PostcodeTable, RuleSettings } from '../core/rule.js';
import type { AddressesConfig, LoadedConfig } from './load.js';
import { ConfigError, loadConfigFile } from './load.js';
import { globMatcher } from './glob.js';

export { ConfigError } from './load.js';
export type { AddressesConfig, ConfigData, LoadedConfig } from './load.js';
export type { RuleSetting, SorIdOverride } from '../core/pipeline.js';

export interface FileConfig {
  /** The file-level severity or 'off' per rule id, after every config and `files` override. */
  rules: Record<string, RuleSetting>;
  settings: Partial<RuleSettings>;
  lang?: Lang;
  /** An ignorePatterns entry of some config in the chain matches the file. */
  ignored: boolean;
  /** The configuration files that apply, farthest first (the order they were merged in). */
  configFiles: string[];
  /** In merge order: a later override wins over an earlier one for the same rule. */
  sorIdOverrides: SorIdOverride[];
  addresses: AddressesConfig;
}

/** Config file names looked for in each folder, in this order; the first present one counts. */
export const CONFIG_FILE_NAMES = ['.sor-lint.json', '.sor-lint.yaml', '.sor-lint.yml', 'package.json'] as const;

export interface ConfigOptions {
  /** The one configuration file to use (`--config`): no discovery. */
  configFile?: string;
  /**
   * Where discovery stops when the file is in no repository: the command's working folder, the
   * editor's workspace folder. A file outside it (and outside any repository) gets only the
   * configuration in its own folder. A configuration above the project is someone else's.
   */
  boundary?: string;
}

export async function configForFile(filePath: string, options: ConfigOptions = {}): Promise<FileConfig> {
  const absolute = resolve(filePath);
  const chain = options.configFile ? [loadExplicit(resolve(options.configFile))] : discover(dirname(absolute), options.boundary && resolve(options.boundary));
  return merge(absolute, chain);
}

function loadExplicit(file: string): LoadedConfig {
  // An explicit package.json without our key is still the user's choice: an empty config.
  return loadConfigFile(file) ?? { file, data: {} };
}

/** Nearest-last list of the configs that apply to files in `folder`. */
function discover(folder: string, boundary: string | undefined): LoadedConfig[] {
  const top = topFolder(folder, boundary);
  const nearestFirst: LoadedConfig[] = [];
  for (let dir = folder; ; dir = dirname(dir)) {
    const config = configIn(dir);
    if (config) {
      nearestFirst.push(config);
      if (config.data.root) break;
    }
    if (dir === top || dirname(dir) === dir) break;
  }
  return nearestFirst.reverse();
}

/** The highest folder discovery reads: the repository root, else the boundary if it holds `folder`, else `folder`. */
function topFolder(folder: string, boundary: string | undefined): string {
  for (let dir = folder; ; dir = dirname(dir)) {
    // `.git` is a folder in a clone and a file in a worktree or submodule.
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return boundary !== undefined && isInside(folder, boundary) ? boundary : folder;
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function configIn(dir: string): LoadedConfig | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = join(dir, name);
    if (!isFile(file)) continue;
    const config = loadConfigFile(file);
    if (config) return config;
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function merge(file: string, chain: LoadedConfig[]): FileConfig {
  const result: FileConfig = { rules: {}, settings: {}, ignored: false, configFiles: [], sorIdOverrides: [], addresses: {} };
  for (const { file: configFile, data } of chain) {
    const folder = dirname(configFile);
    const relativePath = toPosix(relative(folder, file));
    result.configFiles.push(configFile);
    Object.assign(result.rules, data.rules);
    if (data.lang) result.lang = data.lang;
    if (data.ignorePatterns?.length && ignoredBy(data.ignorePatterns, relativePath)) result.ignored = true;
    for (const override of data.overrides ?? []) {
      if (override.sorIds) result.sorIdOverrides.push({ sorIds: override.sorIds, rules: override.rules });
      else if (override.files && matcherOf(override.files)(relativePath)) Object.assign(result.rules, override.rules);
    }
    const settings = data.settings ?? {};
    if (settings.defaultNonCareUnitType) result.settings.defaultNonCareUnitType = settings.defaultNonCareUnitType;
    if (settings.postcodeFile) result.settings.postcodes = postcodesFrom(configFile, resolve(folder, settings.postcodeFile));
    Object.assign(result.addresses, data.addresses);
  }
  return result;
}

/**
 * Globs (glob.ts) relative to the config's folder; one without a `/` matches a name at any depth
 * (`*.draft.sor.yaml`), and a pattern that matches a folder ignores what it holds.
 */
export function ignoredBy(patterns: string[], relativePath: string): boolean {
  const matches = matcherOf(patterns);
  const parts = relativePath.split('/');
  for (let length = parts.length; length > 0; length--) {
    if (matches(parts.slice(0, length).join('/'))) return true;
  }
  return false;
}

function matcherOf(patterns: string[]): (path: string) => boolean {
  const nameMatches = globMatcher(patterns.filter((pattern) => !pattern.includes('/')));
  const pathMatches = globMatcher(patterns.filter((pattern) => pattern.includes('/')));
  return (path) => pathMatches(path) || nameMatches(path.slice(path.lastIndexOf('/') + 1));
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

const postcodeCache = new Map<string, { mtimeMs: number; table: PostcodeTable }>();

function postcodesFrom(configFile: string, csv: string): PostcodeTable {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(csv).mtimeMs;
  } catch {
    throw new ConfigError(configFile, 'settings.postcodeFile', msg(`filen findes ikke: ${csv}`, `no such file: ${csv}`));
  }
  const cached = postcodeCache.get(csv);
  if (cached?.mtimeMs === mtimeMs) return cached.table;
  try {
    const table = loadPostcodeFile(csv);
    postcodeCache.set(csv, { mtimeMs, table });
    return table;
  } catch (error) {
    if (error instanceof PostcodeFileError) throw new ConfigError(configFile, 'settings.postcodeFile', error.detail);
    throw error;
  }
}

/** Lints a text with a file's configuration: its rules, overrides by SOR code, settings and language. */
export function lintWithConfig(text: string, config: FileConfig, options: Omit<LintOptions, 'rules' | 'sorIdOverrides' | 'settings'> = {}): LintResult {
  return lint(text, lintOptionsFor(config, options));
}

/** The lint options a file's configuration gives (for a lint that is not `lint` itself: the editor's relint). */
export function lintOptionsFor(config: FileConfig, options: Omit<LintOptions, 'rules' | 'sorIdOverrides' | 'settings'>): LintOptions {
  return { ...options, lang: options.lang ?? config.lang, rules: config.rules, sorIdOverrides: config.sorIdOverrides, settings: config.settings };
}
