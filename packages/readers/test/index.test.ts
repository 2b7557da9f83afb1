/** The public surface of @sourdough/readers (CONVENTIONS §7.9). */
import { expect, it } from 'vitest';
import * as readers from '../src/index.js';

it('exports readPath, readStream and expandGlobs', () => {
  for (const name of ['readPath', 'readStream', 'expandGlobs']) expect(typeof (readers as Record<string, unknown>)[name]).toBe('function');
});
