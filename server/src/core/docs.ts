// Where a rule's documentation lives. Every face links the same page (LSP codeDescription,
// SARIF helpUri, the README's table), generated from the rule module into docs/rules/<id>.md.
export const DOCS_BASE_URL = 'https://github.com/sor-lint/sor-lint/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string, base: string = DOCS_BASE_URL): string {
  return `${base}${ruleId}.md`;
}
