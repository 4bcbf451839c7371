import { describe, expect, it } from 'vitest';
import {
  editionHash,
  htmlLength,
  loadedEdition,
  storedEdition,
  wholeEdition,
} from '../../src/loader/loaded-editions.ts';
import { compile, edition } from '../support/compile.ts';

/** A real compiled edition: non-Latin text in its HTML, two sections, a thread. */
function compiled(number: number, story = 'Text — with “quotes” and 日本語.') {
  const { edition: result, lines } = compile(
    edition(
      `edition: ${number}\ndate: 2026-03-22`,
      `An intro, [with a link](https://example.com/).\n\n## First {#first}\n\n${story}\n\n## Second {#second}\n\nMore ([discussion](https://news.ycombinator.com/item?id=1)).\n`,
    ),
  );
  expect(lines).toBe('');
  return result!;
}

describe('the editions a build keeps', () => {
  it('keeps each edition without its HTML, and gives the whole edition back key for key', () => {
    const original = compiled(41);
    const json = JSON.stringify(original);
    const hash = editionHash(original);
    const summary = loadedEdition(storedEdition(original));

    expect(summary).not.toHaveProperty('introHtml');
    expect(summary.sections.map((s) => s.id)).toEqual(['first', 'second']);
    for (const section of summary.sections) expect(section).not.toHaveProperty('html');
    expect(summary.sections[0]!.excerpt).toContain('日本語');
    expect(summary.threads.map((t) => t.key)).toEqual(['hn:1']);

    const whole = wholeEdition(summary);
    // The same JSON, in the same key order: the caches' keys and the child processes' hashes agree.
    expect(JSON.stringify(whole)).toBe(json);
    expect(whole.sections[0]!.html).toContain('日本語');
    expect(editionHash(summary)).toBe(hash);
    expect(editionHash(whole)).toBe(hash);
    expect(htmlLength(summary)).toBe(htmlLength(original));
    expect(htmlLength(summary)).toBeGreaterThan(100);
  });

  it('gives a whole edition as it is', () => {
    const original = compiled(42);
    expect(wholeEdition(original)).toBe(original);
  });

  it('keeps an edition stored again under its key as it was (a dev save of another file)', () => {
    const original = compiled(43);
    const first = loadedEdition(storedEdition(original));
    expect(loadedEdition(storedEdition(original))).toBe(first);
    // An equal edition read again is another object with the same key: still the same summary, not packed again.
    expect(loadedEdition(storedEdition(structuredClone(original)))).toBe(first);
    // An edit is a new key, and a new summary with the new text.
    const edited = loadedEdition(storedEdition(compiled(43, 'Edited text.')));
    expect(edited).not.toBe(first);
    expect(editionHash(edited)).not.toBe(editionHash(first));
    expect(wholeEdition(edited).sections[0]!.html).toContain('Edited text.');
    expect(wholeEdition(first).sections[0]!.html).toContain('日本語');
  });

  it('keeps the whole edition in dev, whose pages read its last sync', () => {
    const original = compiled(45);
    const kept = loadedEdition(storedEdition(original, true));
    expect(kept).toBe(original);
    expect(wholeEdition(kept)).toBe(original);
    expect(editionHash(kept)).toBe(editionHash(structuredClone(original)));
  });

  it('names the edition when a summary it never kept is asked for whole', () => {
    const whole = compiled(44);
    const stray = { ...whole, sections: whole.sections.map(({ html: _html, ...s }) => s) } as Partial<typeof whole>;
    delete stray.introHtml;
    expect(() => wholeEdition(stray as Parameters<typeof wholeEdition>[0])).toThrow(
      /edition 44 has no HTML in this process; this is a bug/,
    );
  });
});
