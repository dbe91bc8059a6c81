// How every request and notification is served: never let one bad request or document take the
// server down, answer a cancelled request with RequestCancelled, and, after `shutdown`, every
// request with InvalidRequest as the LSP says.
import type { CancellationToken } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export class RequestGuard {
  private shutDown = false;

  constructor(private readonly log: (message: string) => void) {}

  shutdown(): void {
    this.shutDown = true;
  }

  /** Throws RequestCancelled once the client has cancelled the request. */
  static check(token: CancellationToken | undefined): void {
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  }

  /** The promise's value, unless the client cancels first: then RequestCancelled at once, not when the work ends. */
  static race<T>(promise: Promise<T>, token: CancellationToken | undefined): Promise<T> {
    if (!token) return promise;
    RequestGuard.check(token);
    return new Promise<T>((resolve, reject) => {
      const subscription = token.onCancellationRequested(() => reject(new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled')));
      promise.then(resolve, reject).finally(() => subscription.dispose());
    });
  }

  async request<T>(what: string, fallback: T, token: CancellationToken | undefined, run: () => Promise<T>): Promise<T> {
    if (this.shutDown) throw new ResponseError(ErrorCodes.InvalidRequest, 'the server is shutting down');
    RequestGuard.check(token);
    try {
      const answer = await run();
      RequestGuard.check(token);
      return answer;
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      this.logError(what, error);
      return fallback;
    }
  }

  /** Work the server starts itself (a lint after a keystroke, a lookup): logged when it fails. */
  async task(what: string, run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ResponseError)) this.logError(what, error);
    }
  }

  notification(what: string, run: () => void): void {
    if (this.shutDown) return;
    try {
      run();
    } catch (error) {
      this.logError(what, error);
    }
  }

  logError(what: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.log(`sor-lint: ${what} failed: ${detail}`);
  }
}
