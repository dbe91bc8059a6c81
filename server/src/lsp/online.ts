// Online verification of visiting addresses in the editor (issue 4, "Never in the way"): which
// service a document's addresses go to, if any, and one verifier per (service, endpoint) for the
// whole server, so every document shares its cache and its rate limit. The token lives here in
// memory only; it reaches the verifier and nothing else.
import { join } from 'node:path';
import type { AddressVerdict, AddressVerifier } from '../address/verify/index.js';
import { ADDRESS_TOKEN_ENV, AddressSettingsError, createAddressVerifier } from '../address/verify/index.js';
import type { AddressesConfig } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import type { AddressSettings } from './settings.js';

export const ADDRESS_CACHE_FILE = 'addresses.json';

export interface AddressLookupOptions {
  /** False in an untrusted workspace: nothing is ever looked up. */
  trusted: boolean;
  /** The folder for the on-disk cache; memory only when absent. */
  storagePath: string | undefined;
  /** The server process's environment, for the token other clients set there. */
  env: NodeJS.ProcessEnv;
  /** Tells the user once about settings that cannot work (an online service without a URL). */
  warn(message: string): void;
}

export class AddressLookup {
  private readonly verifiers = new Map<string, AddressVerifier>();
  private readonly warned = new Set<string>();
  private clientToken: string | null = null;

  constructor(private readonly options: AddressLookupOptions) {}

  /** The client's token (null: none); returns whether it changed, so lookups should run again. */
  setToken(token: string | null): boolean {
    const next = token?.trim() || null;
    if (next === this.clientToken) return false;
    this.clientToken = next;
    // The verifiers hold the old token; their cached verdicts stay on disk and in the new ones' reach.
    this.verifiers.clear();
    return true;
  }

  /**
   * The verifier for a document, or undefined when its addresses stay on this machine: online off
   * in the settings and in the configuration file, an untrusted workspace, or no usable endpoint.
   * An endpoint in the settings brings its service along; otherwise the configuration file's pair.
   */
  verifierFor(settings: AddressSettings, config: AddressesConfig, lang: Lang): AddressVerifier | undefined {
    if (!this.options.trusted || !(settings.online || config.online === true)) return undefined;
    const service = settings.endpoint ? settings.service : (config.service ?? 'adressevask');
    const baseUrl = settings.endpoint || config.endpoint?.trim() || '';
    const key = `${service} ${baseUrl}`;
    let verifier = this.verifiers.get(key);
    if (verifier) return verifier;
    try {
      verifier = createAddressVerifier({
        service,
        baseUrl,
        endpointFromUser: settings.endpoint !== '',
        token: this.clientToken ?? this.options.env[ADDRESS_TOKEN_ENV],
        cacheFile: this.options.storagePath ? join(this.options.storagePath, ADDRESS_CACHE_FILE) : undefined,
      });
    } catch (error) {
      if (!(error instanceof AddressSettingsError)) throw error;
      if (!this.warned.has(key)) this.options.warn(`sor-lint: ${error.text[lang]} (sor-lint.addresses.endpoint)`);
      this.warned.add(key);
      return undefined;
    }
    this.verifiers.set(key, verifier);
    return verifier;
  }
}

/** Anything but an address DAR has and has not retired (a provisional one exists): what the lookup's summary counts as failed. */
export function isFailedVerdict(verdict: AddressVerdict): boolean {
  return verdict.kind !== 'exact' || verdict.address.status === 4 || verdict.address.status === 5;
}
