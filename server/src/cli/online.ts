// --online: the visiting addresses of care units checked against DAR after the offline lint, and
// only with --online (a configuration file cannot turn lookups on). The endpoint comes from
// --address-endpoint, SOR_LINT_ADDRESS_ENDPOINT or the configuration's `addresses`, the service from
// the configuration, the token only from the environment, so it never sits in a file or a command
// line; createAddressVerifier decides where the token may go. A run's lookups share one deadline.
import { join, resolve } from 'node:path';
import type { AddressVerifier } from '../address/verify/index.js';
import { ADDRESS_ENDPOINT_ENV, ADDRESS_TOKEN_ENV, AddressSettingsError, createAddressVerifier, mergeAddressFindings, verifyDocumentAddresses } from '../address/verify/index.js';
import type { FileConfig } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import { msg } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import type { CliOptions } from './args.js';
import { CliError } from './errors.js';
import type { CliIo } from './run.js';

/** How long a run's lookups may take in all unless the command line or configuration says otherwise. */
export const DEFAULT_ONLINE_DEADLINE_SECONDS = 60;

export interface OnlineAddresses {
  /** The result with the online verdicts in place of the offline ones (unchanged when offline). */
  verify(result: LintResult, config: FileConfig, options: { lang: Lang; today: string }): Promise<LintResult>;
  /** Which service a file's lint used, for the lint cache's key ("offline" when none). */
  describe(config: FileConfig): string;
}

export function onlineAddresses(options: CliOptions, io: CliIo): OnlineAddresses {
  if (!options.online && (options.addressEndpoint !== undefined || options.onlineDeadline !== undefined)) {
    throw new CliError(msg('--address-endpoint og --online-deadline kræver --online', '--address-endpoint and --online-deadline need --online'));
  }
  const started = Date.now();
  const userEndpoint = options.addressEndpoint ?? (io.env[ADDRESS_ENDPOINT_ENV]?.trim() || undefined);
  const verifiers = new Map<string, AddressVerifier>();
  const settingsFor = (config: FileConfig) => {
    if (!options.online) return undefined;
    const seconds = options.onlineDeadline ?? config.addresses.deadline ?? DEFAULT_ONLINE_DEADLINE_SECONDS;
    return {
      service: config.addresses.service ?? 'adressevask',
      baseUrl: userEndpoint ?? config.addresses.endpoint,
      endpointFromUser: userEndpoint !== undefined,
      http: { deadline: started + seconds * 1000 },
    };
  };
  const verifierFor = (config: FileConfig): AddressVerifier | undefined => {
    const settings = settingsFor(config);
    if (!settings) return undefined;
    const key = `${settings.service} ${settings.baseUrl ?? ''} ${settings.http.deadline}`;
    let verifier = verifiers.get(key);
    if (!verifier) {
      try {
        verifier = createAddressVerifier({
          ...settings,
          token: io.env[ADDRESS_TOKEN_ENV],
          cacheFile: join(resolve(io.cwd, 'node_modules', '.cache', 'sor-lint'), 'addresses.json'),
        });
      } catch (error) {
        if (error instanceof AddressSettingsError) throw new CliError({ da: `${error.text.da} (--address-endpoint URL)`, en: `${error.text.en} (--address-endpoint URL)` });
        throw error;
      }
      verifiers.set(key, verifier);
    }
    return verifier;
  };
  return {
    async verify(result, config, { lang: resultLang, today }) {
      const verifier = verifierFor(config);
      if (!verifier) return result;
      const online = await verifyDocumentAddresses(result, verifier, { lang: resultLang, today });
      return { ...result, findings: mergeAddressFindings(result.findings, online) };
    },
    describe(config) {
      const settings = settingsFor(config);
      return settings ? `${settings.service} ${settings.baseUrl ?? ''}` : 'offline';
    },
  };
}
