// Rule pages open inside VS Code from the copy in the .vsix, so they work offline and without the
// "open external website?" prompt: the server links every rule to its page on GitHub (the link
// every face shows), and the client points the link and "Show documentation" at docs/rules/.
import * as vscode from 'vscode';
import { DOCS_BASE_URL } from '../../server/src/core/docs.js';

const RULE_PAGE = /^([a-z0-9-]+)\.md$/;
/** The server's command (lsp/code-actions.ts, which the client does not bundle): the client answers it. */
export const SHOW_DOCUMENTATION_COMMAND = 'sor-lint.showDocumentation';

export class RulePages {
  constructor(private readonly extensionUri: vscode.Uri) {}

  /** The bundled page for a link to a rule's page on GitHub, or undefined for any other link. */
  bundledPage(link: string): vscode.Uri | undefined {
    if (!link.startsWith(DOCS_BASE_URL)) return undefined;
    const page = RULE_PAGE.exec(link.slice(DOCS_BASE_URL.length));
    return page ? vscode.Uri.joinPath(this.extensionUri, 'docs/rules', `${page[1]}.md`) : undefined;
  }

  /** The diagnostics with their rule links pointing at the bundled pages (opened as files in VS Code). */
  withBundledLinks(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    for (const diagnostic of diagnostics) {
      const code = diagnostic.code;
      if (typeof code !== 'object') continue;
      const page = this.bundledPage(code.target.toString(true));
      if (page) diagnostic.code = { value: code.value, target: page };
    }
    return diagnostics;
  }

  /** "Show documentation": the rendered page beside the file; false when the link is not a rule page. */
  async show(link: unknown): Promise<boolean> {
    const page = typeof link === 'string' ? this.bundledPage(link) : undefined;
    if (!page) return false;
    await vscode.commands.executeCommand('markdown.showPreviewToSide', page);
    return true;
  }
}
