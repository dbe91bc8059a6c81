// Reading one configuration file: parse (JSON, YAML, or package.json's "sor-lint" key), validate
// against schemas/sor-lint-config.schema.json and the rule registry, and cache by path + mtime so
// the language server can ask for every keystroke's file without re-reading unchanged configs.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type * as Yaml from 'yaml';
import type { RuleSetting } from '../core/lint.js';
import type { Lang, Msg } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import { PARSE_RULE_ID } from '../core/lint.js';
import { cannotRead, FileReadError, readRegularFile } from '../fs/read.js';
import { allRules } from '../rules/index.js';
import { validateConfig } from './config-validator.js';

/** A configuration file as its author wrote it (after validation). */
export interface ConfigData {
  root?: boolean;
  rules?: Record<string, RuleSetting>;
  lang?: Lang;
  ignorePatterns?: string[];
  overrides?: OverrideData[];
  settings?: { defaultNonCareUnitType?: string; postcodeFile?: string };
  addresses?: AddressesConfig;
}

export interface OverrideData {
  files?: string[];
  sorIds?: string[];
  rules: Record<string, RuleSetting>;
}

/** Online address verification (see server/src/address/verify and the CLI's --online). */
export interface AddressesConfig {
  online?: boolean;
  service?: 'adressevask' | 'dawa';
  endpoint?: string;
  /** Seconds a run's online lookups may take in all. */
  deadline?: number;
}

export interface LoadedConfig {
  file: string;
  data: ConfigData;
}

/** A configuration the tool cannot use: names the file and, where there is one, the key. */
export class ConfigError extends Error {
  /** "file: key: reason" in Danish and English; `message` is the English. */
  readonly text: Msg;

  constructor(
    readonly file: string,
    readonly key: string | undefined,
    reason: Msg,
  ) {
    const where = `${file}${key ? `: ${key}` : ''}: `;
    super(where + reason.en);
    this.text = msg(where + reason.da, where + reason.en);
    this.name = 'ConfigError';
  }
}

export const PACKAGE_JSON_KEY = 'sor-lint';

/** A configuration (or a package.json holding one) larger than this is not one we read. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

const knownRuleIds = new Set(allRules.map((rule) => rule.id));

const cache = new Map<string, { mtimeMs: number; size: number; config: LoadedConfig | undefined }>();

/**
 * The configuration in `file`, or undefined for a package.json without a "sor-lint" key
 * (or one that is not JSON: it is not ours to judge). Throws ConfigError when the file is bad.
 */
export function loadConfigFile(file: string): LoadedConfig | undefined {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw new ConfigError(file, undefined, cannotRead(error));
  }
  const cached = cache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
  const config = readConfig(file);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, config });
  return config;
}

function readConfig(file: string): LoadedConfig | undefined {
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof FileReadError) throw new ConfigError(file, undefined, error.why);
    throw error;
  }
  const isPackageJson = basename(file) === 'package.json';
  let data: unknown;
  try {
    // The `yaml` package is loaded only for a YAML configuration file: most runs have none.
    data = /\.ya?ml$/i.test(file) ? (require('yaml') as typeof Yaml).parse(text) : JSON.parse(text);
  } catch (error) {
    if (isPackageJson) return undefined;
    const format = /\.ya?ml$/i.test(file) ? 'YAML' : 'JSON';
    throw new ConfigError(file, undefined, msg(`ikke gyldig ${format}: ${firstLine(error)}`, `not valid ${format}: ${firstLine(error)}`));
  }
  if (isPackageJson) {
    if (!isObject(data) || !(PACKAGE_JSON_KEY in data)) return undefined;
    data = data[PACKAGE_JSON_KEY];
  }
  // An empty YAML file is an empty configuration.
  if (data === null || data === undefined) data = {};
  checkData(file, data, isPackageJson ? `${PACKAGE_JSON_KEY}.` : '');
  return { file, data: data as ConfigData };
}

function checkData(file: string, data: unknown, keyPrefix: string): asserts data is ConfigData {
  // The schema's validator (made by scripts/build-validators.mjs), which describes ConfigData.
  const validate = validateConfig as ValidateFunction<ConfigData>;
  if (!validate(data)) {
    const [error] = validate.errors ?? [];
    const { key, reason } = describe(error);
    throw new ConfigError(file, key ? keyPrefix + key : keyPrefix.replace(/\.$/, '') || undefined, reason);
  }
  const ruleMaps: [string, Record<string, RuleSetting> | undefined][] = [['rules', data.rules]];
  data.overrides?.forEach((override, i) => ruleMaps.push([`overrides[${i}].rules`, override.rules]));
  for (const [path, rules] of ruleMaps) {
    for (const id of Object.keys(rules ?? {})) {
      if (!knownRuleIds.has(id)) {
        const known = [...knownRuleIds].join(', ');
        const reason =
          id === PARSE_RULE_ID
            ? msg('syntaksfejl kan ikke slås fra eller ned', 'syntax errors cannot be turned off or down')
            : msg(`ukendt regel-id (kendte: ${known})`, `unknown rule id (known: ${known})`);
        throw new ConfigError(file, `${keyPrefix}${path}.${id}`, reason);
      }
    }
  }
}

/** ajv's first error as a key path (`overrides[0].rules.x`) and a reason a person reads. */
function describe(error: ErrorObject | undefined): { key: string; reason: Msg } {
  if (!error) return { key: '', reason: msg('ugyldig konfiguration', 'invalid configuration') };
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((key, part) => (/^\d+$/.test(part) ? `${key}[${part}]` : key ? `${key}.${part}` : part), '');
  const join = (extra: string) => (path ? `${path}.${extra}` : extra);
  switch (error.keyword) {
    case 'additionalProperties':
      return { key: join(String(error.params.additionalProperty)), reason: msg('ukendt nøgle', 'unknown key') };
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ');
      return { key: path, reason: msg(`skal være en af ${allowed}`, `must be one of ${allowed}`) };
    }
    case 'required':
      return { key: join(String(error.params.missingProperty)), reason: msg('skal angives', 'is required') };
    case 'minProperties':
      return { key: path, reason: msg('kræver "files" eller "sorIds" ved siden af "rules"', 'needs "files" or "sorIds" beside "rules"') };
    case 'type':
      return { key: path, reason: msg(`skal være af typen ${String(error.params.type)}`, `must be ${String(error.params.type)}`) };
    default:
      // ajv's own wording, in English in both texts: the keywords above are the ones users meet.
      return { key: path, reason: msg(error.message ?? 'ugyldig', error.message ?? 'invalid') };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split(/\r?\n/)[0];
}
