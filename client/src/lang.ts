// The language of what the server's code writes for the user (import comments and errors): the
// sor-lint.language setting, else VS Code's display language, as the server itself decides.
import * as vscode from 'vscode';
import type { Lang } from '../../server/src/core/i18n.js';
import { langFromLocale } from '../../server/src/core/i18n.js';

export function userLang(): Lang {
  const setting = vscode.workspace.getConfiguration('sor-lint').get<string>('language');
  return setting === 'da' || setting === 'en' ? setting : displayLang();
}

/** VS Code's display language, which vscode.l10n translates into. */
export function displayLang(): Lang {
  return langFromLocale(vscode.env.language);
}
