// Provider files and workspace folders on disk for the tests of the checks across files, the
// command's (test/cli/workspace.test.ts) and the language server's (test/lsp/workspace.test.ts).
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A provider's file: its CVR, and its units as YAML list items under `institutions`. */
export function providerFile(cvr: string, units: string, providerCode = '698481000016007'): string {
  return `provider:
  name: Omsorgshuset ApS
  cvr: "${cvr}"
  sorId: "${providerCode}"
institutions:
${units}`;
}

/** A care unit with every field it needs: a file of these has no finding of its own. */
export const careUnit = (name: string, code: string) => `  - name: ${name}
    sorId: "${code}"
    unitType: plejeenhed
    legalBasis: aeldreloven
    visitingAddress: { street: Lærkevej, houseNumber: "3", postalCode: "8000", city: Aarhus C, darId: 0a3f50a0-73bf-32b8-e044-0003ba298018 }
    postalAddress: { street: Lærkevej, houseNumber: "3", postalCode: "8000", city: Aarhus C }
    phone: "+45 86 12 00 00"
    email: kontakt@omsorgshuset.dk
    website: https://omsorgshuset.dk
`;

/** A folder holding `files` (path → text) with a root configuration, so nothing above it counts. */
export function workspaceFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sor-lint-workspace-'));
  writeFileSync(join(dir, '.sor-lint.json'), '{ "root": true }');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
