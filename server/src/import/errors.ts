import type { Msg } from '../core/i18n.js';

/** The import could not do its job; the message says why in Danish and English, on one line. */
export class ImportError extends Error {
  constructor(readonly reason: Msg) {
    super(reason.en);
    this.name = 'ImportError';
  }
}
