/**
 * URLs are blanked before analysis (readers/mask.ts), whatever their letter case: a link's path
 * is not prose ("/help/service-user" is a page name, not how the writer talks about a person).
 */
import { describe, expect, it } from 'vitest';
import { analyse, builtinRuleSet, maskUrls } from '../src/index.js';

describe('maskUrls', () => {
  it.each(['https://example.org/help/service-user', 'Https://example.org/help/service-user', 'HTTP://EXAMPLE.ORG/SERVICE-USER', 'Www.example.org/service-user', 'WWW.example.org/service-user'])(
    'blanks %s, keeping the length',
    (url) => {
      const text = `Leaflet at ${url} today.`;
      const masked = maskUrls(text);
      expect(masked).toBe(`Leaflet at ${' '.repeat(url.length)} today.`);
    },
  );

  it('leaves text without a URL as it is', () => {
    const text = 'The www of it. Http is a protocol.';
    expect(maskUrls('No link here, just a note.')).toBe('No link here, just a note.');
    expect(maskUrls(text)).toBe(text);
  });

  it('reports nothing inside a URL written with capitals', () => {
    const set = builtinRuleSet();
    expect(analyse('Leaflet at Https://example.org/help/service-user today.', set).findings).toEqual([]);
    expect(analyse('The service user left.', set).findings.map((f) => f.ruleId)).toContain('dehumanising/service-user');
  });
});
