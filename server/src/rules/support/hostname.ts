// A public host name as a website or an e-mail domain must have: dotted labels of letters (Danish
// æøå and other internationalised letters included), digits and inner hyphens, ending in a top-level
// domain of letters (or its punycode form). No IP addresses, no `localhost`, no single-label names.

const LABEL = '[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?';
/** Two labels or more. One expression over the whole name: a national file asks this of every e-mail address and website. */
const DOTTED_LABELS = new RegExp(`^(?:${LABEL}\\.)+${LABEL}$`, 'u');
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/iu;

export function isPublicHostName(host: string): boolean {
  if (host.length === 0 || host.length > 253 || !DOTTED_LABELS.test(host)) return false;
  const topLevel = host.slice(host.lastIndexOf('.') + 1);
  return topLevel.toLowerCase() !== 'localhost' && TOP_LEVEL.test(topLevel);
}
