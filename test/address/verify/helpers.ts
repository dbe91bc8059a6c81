// Lint a text, verify its visiting addresses online, and describe what the user then sees.
import type { Finding } from '../../../server/src/core/finding.js';
import type { LintOptions, LintResult } from '../../../server/src/core/lint.js';
import type { AddressVerifier, OnlineAddressFindings } from '../../../server/src/address/verify/index.js';
import { mergeAddressFindings, verifyDocumentAddresses } from '../../../server/src/address/verify/index.js';
import { LineIndex } from '../../../server/src/core/lines.js';
import { PARSE_RULE_ID } from '../../../server/src/core/lint.js';
import type { Located } from '../../helpers/rule-tester.js';
import { lintText, locate, providerYaml, TODAY } from '../../helpers/rule-tester.js';

export const ADDRESS_RULES = ['address-unverified', 'address-not-in-dar', PARSE_RULE_ID];

/** One care unit whose visiting address has the given parts (YAML lines, indented 6), with a comment to keep. */
export function careUnitYaml(addressLines: string): string {
  return providerYaml(`  - name: Plejecenter Østervang
    unitType: plejeenhed
    phone: "86 12 34 56"
    email: kontakt@oestervang.dk
    # the visiting address as the municipality wrote it
    visitingAddress:
${addressLines}`);
}

export function address(street: string, houseNumber: string, postalCode = '8000', city = 'Aarhus C', extra = ''): string {
  return `      street: ${street}\n      houseNumber: "${houseNumber}"\n      postalCode: "${postalCode}"\n      city: ${city}\n${extra}`;
}

export interface Online {
  result: LintResult;
  online: OnlineAddressFindings;
  /** What the user sees after the online verdicts arrived: the address rules' findings. */
  seen: (Located & { ruleId: string; severity: Finding['severity']; message: string })[];
  /** The merged findings of the address rules, for their fixes. */
  findings: Finding[];
}

export async function verifyText(text: string, verifier: AddressVerifier, options: LintOptions & { signal?: AbortSignal } = {}): Promise<Online> {
  const { signal, ...lintOptions } = options;
  const result = lintText(text, lintOptions);
  const online = await verifyDocumentAddresses(result, verifier, { today: TODAY, lang: lintOptions.lang ?? 'en', signal });
  const findings = mergeAddressFindings(result.findings, online).filter((finding) => ADDRESS_RULES.includes(finding.ruleId));
  const lines = new LineIndex(result.text);
  const seen = findings.map((finding) => ({ ruleId: finding.ruleId, severity: finding.severity, ...locate(result.text, finding.span, lines), message: finding.message }));
  return { result, online, seen, findings };
}
