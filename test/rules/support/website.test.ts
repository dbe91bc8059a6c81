import { describe, expect, it } from 'vitest';
import { checkWebsite } from '../../../server/src/rules/support/website.js';

describe('websites', () => {
  it.each([
    'https://oestervang.dk',
    'https://oestervang.dk/',
    'http://www.oestervang.dk/kontakt?side=1#top',
    'HTTPS://WWW.OESTERVANG.DK',
    'https://østervang.dk',
    'https://plejecenter-ærø.dk:8443/om-os',
    'https://xn--stervang-c5a.dk',
  ])('accepts %s', (url) => {
    expect(checkWebsite(url)).toBeUndefined();
  });

  it.each([
    ['oestervang.dk', 'https://oestervang.dk'],
    ['www.oestervang.dk/kontakt', 'https://www.oestervang.dk/kontakt'],
    ['østervang.dk/om-os?x=1', 'https://østervang.dk/om-os?x=1'],
  ])('puts https:// in front of the bare host %s', (url, normalised) => {
    expect(checkWebsite(url)).toEqual({ problem: 'scheme-missing', normalised });
  });

  it.each([
    ['https://oestervang .dk', 'space'],
    ['www.oestervang.dk/om os', 'space'],
    ['oestervang', 'scheme-missing'],
    ['//oestervang.dk', 'scheme-missing'],
    ['ftp://oestervang.dk', 'scheme'],
    ['mailto:kontakt@oestervang.dk', 'scheme'],
    ['https:oestervang.dk', 'scheme'],
    ['http://localhost', 'host'],
    ['http://localhost:8080/x', 'host'],
    ['https://intranet', 'host'],
    ['https://192.168.1.10', 'host'],
    ['https://', 'host'],
    ['https://oestervang.dk:', 'host'],
    ['https://user@oestervang.dk', 'host'],
    ['https://oester_vang.dk', 'host'],
    ['https://oestervang..dk', 'host'],
    ['https://oestervang.123', 'host'],
  ])('rejects %j (%s) without a rewrite', (url, problem) => {
    expect(checkWebsite(url)).toEqual({ problem });
  });
});
