// A public host name as a website or an e-mail domain must have: dotted labels of letters (Danish
// æøå and other internationalised letters included), digits and inner hyphens, ending in a top-level
// domain of letters (or its punycode form). No IP addresses, no `localhost`, no single-label names.

interface HostNameChecks {
  /** Two labels or more. One expression over the whole name: a national file asks this of every e-mail address and website. */
  labels: RegExp;
  topLevel: RegExp;
}

/**
 * The same checks for a name of ASCII alone, nearly every name: letters of every script cost a run
 * ~5 ms to build and compile (measured on a one-unit file), which a name with such a letter then pays.
 */
const ASCII_LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const ASCII_CHECKS: HostNameChecks = {
  labels: new RegExp(`^(?:${ASCII_LABEL}\\.)+${ASCII_LABEL}$`, 'i'),
  topLevel: /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/i,
};
const ASCII_ONLY = /^[\x00-\x7f]*$/;
let unicodeChecks: HostNameChecks | undefined;

function unicode(): HostNameChecks {
  const label = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
  return { labels: new RegExp(`^(?:${label}\\.)+${label}$`, 'u'), topLevel: /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu };
}

export function isPublicHostName(host: string): boolean {
  const checks = ASCII_ONLY.test(host) ? ASCII_CHECKS : (unicodeChecks ??= unicode());
  if (host.length === 0 || host.length > 253 || !checks.labels.test(host)) return false;
  const topLevel = host.slice(host.lastIndexOf('.') + 1);
  return topLevel.toLowerCase() !== 'localhost' && checks.topLevel.test(topLevel);
}
