// Online verification of visiting addresses against DAR: one entry point for the CLI and the
// language server. Offline is the default and sends nothing anywhere.
//
// The Datafordeler's DAR service (exact lookups only, with an agreement and credentials) is the
// next client: a class implementing AddressVerifier, one more `service` value below.
import type { Msg } from '../../core/i18n.js';
import { msg } from '../../core/i18n.js';
import { AdressevaskVerifier } from './adressevask.js';
import type { CacheSettings } from './cache.js';
import { CachingVerifier, VerdictCache } from './cache.js';
import { DawaVerifier } from './dawa.js';
import type { HttpSettings } from './http.js';
import { OfflineVerifier } from './offline.js';
import type { AddressVerifier } from './types.js';

export type { AddressQuery, AddressVerdict, AddressVerifier, RegisterAddress } from './types.js';
export type { OnlineAddressFindings, VerifyOptions } from './document.js';
export { mergeAddressFindings, verifyDocumentAddresses } from './document.js';
export { AdressevaskVerifier } from './adressevask.js';
export { DawaVerifier } from './dawa.js';
export { OfflineVerifier } from './offline.js';
export { CachingVerifier, VerdictCache } from './cache.js';

/** The environment variable the CLI reads the token from (the extension uses its secret storage). */
export const ADDRESS_TOKEN_ENV = 'SOR_LINT_ADDRESS_TOKEN';

export const ADDRESS_SERVICES = ['offline', 'adressevask', 'dawa'] as const;
export type AddressService = (typeof ADDRESS_SERVICES)[number];

export interface AddressVerificationSettings {
  service: AddressService;
  /** Required for an online service; there is no default endpoint. */
  baseUrl?: string;
  token?: string;
  /** Where verdicts are kept between runs; memory only when absent. */
  cacheFile?: string;
  cache?: Omit<CacheSettings, 'file'>;
  http?: Partial<HttpSettings>;
}

export class AddressSettingsError extends Error {
  constructor(readonly text: Msg) {
    super(text.en);
    this.name = 'AddressSettingsError';
  }
}

/** The verifier the settings name, cached; throws AddressSettingsError for an online service without a URL. */
export function createAddressVerifier(settings: AddressVerificationSettings): AddressVerifier {
  if (settings.service === 'offline') return new OfflineVerifier();
  const baseUrl = settings.baseUrl?.trim();
  if (!baseUrl || !/^https?:\/\//i.test(baseUrl)) {
    throw new AddressSettingsError(
      msg(
        `Online adressetjek (${settings.service}) kræver adressetjenestens URL (http:// eller https://); der er ingen standard.`,
        `Online address verification (${settings.service}) needs the address service's URL (http:// or https://); there is no default.`,
      ),
    );
  }
  const service = { baseUrl, token: settings.token, http: settings.http };
  const client = settings.service === 'adressevask' ? new AdressevaskVerifier(service) : new DawaVerifier(service);
  return new CachingVerifier(client, new VerdictCache({ ...settings.cache, file: settings.cacheFile }));
}
