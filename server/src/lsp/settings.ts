// The client's `sor-lint.*` settings as the server reads them, with defaults for anything the
// client leaves out or sends malformed (a hand-edited settings.json must not break the server).
import type { RuleSetting } from '../core/lint.js';
import { SEVERITIES } from '../core/finding.js';
import type { Lang } from '../core/i18n.js';

export interface Settings {
  enable: boolean;
  language: 'auto' | Lang;
  rules: Record<string, RuleSetting>;
  /** Empty: discover the config file next to the document. */
  configFile: string;
  run: 'onType' | 'onSave';
  lintTimeBudgetMs: number;
  addresses: AddressSettings;
  /** How many of the workspace's closed SOR files the server indexes for the checks across files (0: none). */
  workspace: { maxFiles: number; maxMegabytes: number };
}

/** `endpoint` empty: none named here (a configuration file may name one). */
export interface AddressSettings {
  online: boolean;
  service: 'adressevask' | 'dawa';
  endpoint: string;
}

export const DEFAULT_SETTINGS: Settings = {
  enable: true,
  language: 'auto',
  rules: {},
  configFile: '',
  run: 'onType',
  lintTimeBudgetMs: 500,
  addresses: { online: false, service: 'adressevask', endpoint: '' },
  workspace: { maxFiles: 1000, maxMegabytes: 50 },
};

/** Both are the same settings (normalised ones keep their keys in one order). */
export function sameSettings(a: Settings, b: Settings | undefined): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

const RULE_SETTINGS: readonly string[] = [...SEVERITIES, 'off'];

export function normaliseSettings(raw: unknown): Settings {
  const value = isRecord(raw) ? raw : {};
  const rules: Record<string, RuleSetting> = {};
  if (isRecord(value.rules)) {
    for (const [id, level] of Object.entries(value.rules)) {
      if (typeof level === 'string' && RULE_SETTINGS.includes(level)) rules[id] = level as RuleSetting;
    }
  }
  const budget = value.lintTimeBudgetMs;
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    language: value.language === 'da' || value.language === 'en' ? value.language : 'auto',
    rules,
    configFile: typeof value.configFile === 'string' ? value.configFile.trim() : '',
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    lintTimeBudgetMs: typeof budget === 'number' && budget > 0 ? budget : DEFAULT_SETTINGS.lintTimeBudgetMs,
    addresses: normaliseAddresses(value.addresses),
    workspace: normaliseWorkspace(value.workspace),
  };
}

function normaliseWorkspace(raw: unknown): Settings['workspace'] {
  const value = isRecord(raw) ? raw : {};
  const count = (given: unknown, fallback: number) => (typeof given === 'number' && given >= 0 ? Math.floor(given) : fallback);
  return { maxFiles: count(value.maxFiles, DEFAULT_SETTINGS.workspace.maxFiles), maxMegabytes: count(value.maxMegabytes, DEFAULT_SETTINGS.workspace.maxMegabytes) };
}

function normaliseAddresses(raw: unknown): AddressSettings {
  const value = isRecord(raw) ? raw : {};
  return {
    online: value.online === true,
    service: value.service === 'dawa' ? 'dawa' : 'adressevask',
    endpoint: typeof value.endpoint === 'string' ? value.endpoint.trim() : '',
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
