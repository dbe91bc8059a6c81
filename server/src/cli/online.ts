// --online: the visiting addresses of care units checked against DAR after the offline lint.
// The service and endpoint come from --address-endpoint or the configuration's `addresses`;
// the token only from the environment, so it never sits in a file or a command line.
import { join, resolve } from 'node:path';
import type { AddressVerifier } from '../address/verify/index.js';
import { ADDRESS_TOKEN_ENV, AddressSettingsError, createAddressVerifier, mergeAddressFindings, verifyDocumentAddresses } from '../address/verify/index.js';
import type { FileConfig } from '../config/index.js';
import type { Lang } from '../core/i18n.js';
import type { LintResult } from '../core/lint.js';
import type { CliOptions } from './args.js';
import { CliError } from './errors.js';
import type { CliIo } from './run.js';

export interface OnlineAddresses {
  /** The result with the online verdicts in place of the offline ones (unchanged when offline). */
  verify(result: LintResult, config: FileConfig, options: { lang: Lang; today: string }): Promise<LintResult>;
  /** Which service a file's lint used, for the lint cache's key ("offline" when none). */
  describe(config: FileConfig): string;
}

export function onlineAddresses(options: CliOptions, io: CliIo): OnlineAddresses {
  const verifiers = new Map<string, AddressVerifier>();
  const settingsFor = (config: FileConfig) => {
    const enabled = options.online || options.addressEndpoint !== undefined || config.addresses.online === true;
    if (!enabled) return undefined;
    return { service: config.addresses.service ?? 'adressevask', baseUrl: options.addressEndpoint ?? config.addresses.endpoint };
  };
  const verifierFor = (config: FileConfig): AddressVerifier | undefined => {
    const settings = settingsFor(config);
    if (!settings) return undefined;
    const key = `${settings.service} ${settings.baseUrl ?? ''}`;
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
      const online = await verifyDocumentAddresses(result, verifier, { lang: resultLang, today, rules: config.rules });
      return { ...result, findings: mergeAddressFindings(result.findings, online) };
    },
    describe(config) {
      const settings = settingsFor(config);
      return settings ? `${settings.service} ${settings.baseUrl ?? ''}` : 'offline';
    },
  };
}
