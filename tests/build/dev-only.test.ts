/**
 * The problems page and banner of `npm run dev` never reach a build: no
 * markup, style, script or wording of theirs in any built file, and the
 * built pages keep the strict style policy (dev allows inline styles).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEV_STRINGS } from '../../src/i18n/dev-strings.ts';
import { allFiles } from '../support/html.ts';
import { distOf, SITES } from './sites.ts';

const dist = distOf(SITES.fixture);
// What the dev-only components put in a page: their classes, and every fixed string they show.
const TRACES = [
  'edition-problems',
  'dev-problems',
  'problem-list',
  'problem-severity',
  'problem-line',
  'unsafe-inline',
  DEV_STRINGS.editionDescription,
  DEV_STRINGS.editionNote,
  DEV_STRINGS.bannerLabel,
  DEV_STRINGS.editionTitle(1).replace('1', ''),
  'this page reloads',
];

describe('a production build', () => {
  it('has no trace of the dev-only problems page and banner in any file', () => {
    const files = allFiles(dist);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const trace of TRACES) expect(text.includes(trace), `${trace} in ${file}`).toBe(false);
    }
  });
});
