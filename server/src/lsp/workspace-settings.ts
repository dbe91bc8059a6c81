// The client's `sor-lint.*` settings per document: asked with workspace/configuration (cached
// until they change), or the last didChangeConfiguration push for a client that cannot be asked.
import type { Connection } from 'vscode-languageserver';
import type { Client } from './session.js';
import type { Settings } from './settings.js';
import { DEFAULT_SETTINGS, normaliseSettings } from './settings.js';

export class WorkspaceSettings {
  private cache = new Map<string, Promise<Settings>>();
  private pushed: Settings = DEFAULT_SETTINGS;

  constructor(
    private readonly connection: Connection,
    private readonly client: Client,
    private readonly logError: (what: string, error: unknown) => void,
  ) {}

  private get canAsk(): boolean {
    return !!this.client.capabilities.workspace?.configuration;
  }

  for(uri: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.pushed);
    let settings = this.cache.get(uri);
    if (!settings) {
      settings = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'sor-lint' }).then(normaliseSettings, (error: unknown) => {
        this.logError('workspace/configuration', error);
        return DEFAULT_SETTINGS;
      });
      this.cache.set(uri, settings);
    }
    return settings;
  }

  /** The settings changed (didChangeConfiguration): keep what a client that cannot be asked pushed. */
  changed(all: unknown): void {
    this.forget();
    if (!this.canAsk) this.pushed = normaliseSettings((all as Record<string, unknown> | undefined)?.['sor-lint']);
  }

  /** Ask again next time (a configuration file changed, which the settings may point at). */
  forget(): void {
    this.cache = new Map();
  }
}
