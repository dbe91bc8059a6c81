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
export type { OnlineAddressFindings, Target, VerifyOptions } from './document.js';
export { addressTargets, mergeAddressFindings, verdictFindings, verifyDocumentAddresses } from './document.js';
export { AdressevaskVerifier } from './adressevask.js';
export { DawaVerifier } from './dawa.js';
export { OfflineVerifier } from './offline.js';
export { CachingVerifier, VerdictCache } from './cache.js';

/** The environment variable the CLI reads the token from (the extension uses its secret storage). */
export const ADDRESS_TOKEN_ENV = 'SOR_LINT_ADDRESS_TOKEN';
/** The environment variable that names the endpoint as `--address-endpoint` does. */
export const ADDRESS_ENDPOINT_ENV = 'SOR_LINT_ADDRESS_ENDPOINT';

export const ADDRESS_SERVICES = ['offline', 'adressevask', 'dawa'] as const;
export type AddressService = (typeof ADDRESS_SERVICES)[number];

/**
 * The hosts a service itself runs on (https only): the token may go there whoever named the
 * endpoint. Klimadatastyrelsen serves its address APIs from Dataforsyningen; DAWA has closed, and
 * a DAWA-compatible service is whoever runs one, so it has none.
 */
export const OFFICIAL_HOSTS: Record<Exclude<AddressService, 'offline'>, readonly string[]> = { adressevask: ['api.dataforsyningen.dk'], dawa: [] };

export interface AddressVerificationSettings {
  service: AddressService;
  /** Required for an online service; there is no default endpoint. */
  baseUrl?: string;
  token?: string;
  /**
   * The endpoint came from the user (command line, environment, editor settings), not from a file
   * in the project: only then may the token go to a host other than the service's official one.
   */
  endpointFromUser?: boolean;
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

/**
 * The verifier the settings name, cached. Throws AddressSettingsError for an online service without
 * a URL, and where the token would go somewhere it must not.
 */
export function createAddressVerifier(settings: AddressVerificationSettings): AddressVerifier {
  if (settings.service === 'offline') return new OfflineVerifier();
  const baseUrl = settings.baseUrl?.trim();
  const url = baseUrl && /^https?:\/\//i.test(baseUrl) && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!baseUrl || !url) {
    throw new AddressSettingsError(
      msg(
        `Online adressetjek (${settings.service}) kræver adressetjenestens URL (http:// eller https://); der er ingen standard.`,
        `Online address verification (${settings.service}) needs the address service's URL (http:// or https://); there is no default.`,
      ),
    );
  }
  const service = { baseUrl, token: tokenFor(settings.service, url, settings), http: settings.http };
  const client = settings.service === 'adressevask' ? new AdressevaskVerifier(service) : new DawaVerifier(service);
  return new CachingVerifier(client, new VerdictCache({ ...settings.cache, file: settings.cacheFile }));
}

/**
 * The token goes only over https (plain http only to this machine), and only to the service's
 * official host or an endpoint the user named: a configuration file in the project may choose the
 * service, never where the token goes. A DAWA-compatible endpoint from a file is asked without it.
 */
function tokenFor(service: Exclude<AddressService, 'offline'>, url: URL, settings: AddressVerificationSettings): string | undefined {
  const token = settings.token?.trim() || undefined;
  if (!token) return undefined;
  const https = url.protocol === 'https:';
  if (https && OFFICIAL_HOSTS[service].includes(url.hostname.toLowerCase())) return token;
  if (settings.endpointFromUser) {
    if (https || isLoopback(url.hostname)) return token;
    throw new AddressSettingsError(
      msg(
        `Adgangsnøglen (token) sendes kun over https (http kun til denne maskine), ikke til ${url.origin}.`,
        `The token is sent only over https (plain http only to this machine), not to ${url.origin}.`,
      ),
    );
  }
  if (service === 'dawa') return undefined;
  const official = OFFICIAL_HOSTS[service].join(', ');
  throw new AddressSettingsError(
    msg(
      `En konfigurationsfil kan ikke sende adgangsnøglen (token) til ${url.origin}: den går kun til ${official} eller et endepunkt, du selv angiver.`,
      `A configuration file cannot send the token to ${url.origin}: it goes only to ${official} or to an endpoint you name yourself.`,
    ),
  );
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}
