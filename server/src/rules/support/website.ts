// A website address: an absolute http(s) URL with a public host name (see hostname.ts), no spaces.
// A bare host or host+path (`oestervang.dk/kontakt`) unambiguously means the same with `https://`.
import { isPublicHostName } from './hostname.js';

export type WebsiteProblem = 'space' | 'scheme-missing' | 'scheme' | 'host';

export interface WebsiteCheck {
  problem: WebsiteProblem;
  /** The address with `https://` in front, when that alone makes it well formed. */
  normalised?: string;
}

const URL_PARTS = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)(.*)$/;
const SCHEME_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const AUTHORITY = /^([^@:]*)(?::(\d{1,5}))?$/;

/** What is wrong with a website address, or undefined when it is well formed. */
export function checkWebsite(value: string): WebsiteCheck | undefined {
  if (/\s/.test(value)) return { problem: 'space' };
  const parts = URL_PARTS.exec(value);
  if (!parts) {
    const normalised = 'https://' + value;
    if (wellFormedUrl(URL_PARTS.exec(normalised))) return { problem: 'scheme-missing', normalised };
    return { problem: SCHEME_LIKE.test(value) ? 'scheme' : 'scheme-missing' };
  }
  if (!/^https?$/i.test(parts[1])) return { problem: 'scheme' };
  return wellFormedUrl(parts) ? undefined : { problem: 'host' };
}

function wellFormedUrl(parts: RegExpExecArray | null): boolean {
  if (!parts || !/^https?$/i.test(parts[1])) return false;
  const authority = AUTHORITY.exec(parts[2]);
  return authority !== null && isPublicHostName(authority[1]);
}
