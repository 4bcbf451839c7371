import { describe, expect, it } from 'vitest';
import { absolute, createPaths } from '../../src/site/urls.ts';

describe('URLs', () => {
  it('builds the permanent URLs of the edition format at the domain root', () => {
    const paths = createPaths('/');
    expect([paths.home(), paths.archive(), paths.edition(2), paths.section(2, 'flash-moe')]).toEqual([
      '/',
      '/editions/',
      '/editions/2/',
      '/editions/2/#flash-moe',
    ]);
  });

  it('puts every URL under a base path when the site lives in a sub-folder', () => {
    const paths = createPaths('/newsletter/');
    expect([paths.home(), paths.edition(12), paths.asset('favicon.svg')]).toEqual([
      '/newsletter/',
      '/newsletter/editions/12/',
      '/newsletter/favicon.svg',
    ]);
  });

  it('makes absolute URLs from a path and the site origin', () => {
    expect(absolute('/newsletter/editions/2/', 'https://example.org')).toBe(
      'https://example.org/newsletter/editions/2/',
    );
  });
});
