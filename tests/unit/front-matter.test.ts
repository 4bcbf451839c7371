import { describe, expect, it } from 'vitest';
import { compile, edition } from '../support/compile.ts';

/** Error wording is public interface: these lines are what authors read. */
describe('front matter errors', () => {
  it('names the line, field, what was found and what was expected for a bad date', () => {
    expect(compile(edition('edition: 2\ndate: March 22')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:3  date: expected an ISO 8601 date or date-time, got "March 22""`,
    );
  });

  it('asks for an offset on a date-time without one', () => {
    expect(compile(edition('edition: 2\ndate: 2026-03-22T12:14:00')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:3  date: expected a time zone offset after the time, such as -04:00 or Z, got "2026-03-22T12:14:00""`,
    );
  });

  it('rejects an edition number that is not a whole number, 0 or more', () => {
    expect(compile(edition('edition: two\ndate: 2026-03-22')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:2  edition: expected a whole number, 0 or more, got "two""`,
    );
    expect(compile(edition('edition: -1\ndate: 2026-03-22')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:2  edition: expected a whole number, 0 or more, got -1"`,
    );
    expect(compile(edition('edition: 2.5\ndate: 2026-03-22')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:2  edition: expected a whole number, 0 or more, got 2.5"`,
    );
  });

  it('says where quotes were needed, or were not, with the line as it should be written', () => {
    expect(compile(edition('edition: 2\ndate: 2026-03-22\ntitle: 2026')).lines).toBe(
      'content/editions/2026-03-22-edition-2.md:4  title: expected a headline, got 2026 (YAML reads it as a number); put the value in quotes, as written, to keep it as text',
    );
    expect(compile(edition('edition: 2\ndate: 2026-03-22\nsubject: true')).lines).toBe(
      'content/editions/2026-03-22-edition-2.md:4  subject: expected a subject line, got true (YAML reads it as true or false); put it in quotes to keep it as text: subject: "true"',
    );
    expect(compile(edition('edition: 2\ndate: 2026-03-22\ndraft: "false"')).lines).toBe(
      'content/editions/2026-03-22-edition-2.md:4  draft: expected true or false, got "false"; write it without quotes: draft: false',
    );
    expect(compile(edition('edition: "2"\ndate: 2026-03-22')).lines).toBe(
      'content/editions/2026-03-22-edition-2.md:2  edition: expected a whole number, 0 or more, got "2"; write it without quotes: edition: 2',
    );
  });

  it('reads numbers only as written in digits: 0x10 and 1e1 are errors, not editions 16 and 10', () => {
    expect(compile(edition('edition: 0x10\ndate: 2026-03-22')).lines).toBe(
      'content/editions/2026-03-22-edition-2.md:2  edition: YAML reads 0x10 as the number 16; write the number in digits (edition: 16), or put the value in quotes if it is text',
    );
    expect(compile(edition('edition: 1e1\ndate: 2026-03-22')).edition).toBeNull();
    expect(compile(edition('edition: 007\ndate: 2026-03-22')).edition?.number).toBe(7);
  });

  it('names a key written in capitals once, as the unknown key it is, not also as a missing one', () => {
    expect(compile(edition('Edition: 2\nDate: 2026-03-22')).lines.split('\n')).toEqual([
      'content/editions/2026-03-22-edition-2.md:2  Edition: unknown key (did you mean "edition"?); expected one of edition, date, title, description, subject, draft, discussions, sections, redirect_from',
      'content/editions/2026-03-22-edition-2.md:3  Date: unknown key (did you mean "date"?); expected one of edition, date, title, description, subject, draft, discussions, sections, redirect_from',
    ]);
  });

  it('takes edition 0, where an archive starts at "#0"', () => {
    const result = compile(edition('edition: 0\ndate: 2026-03-22'));
    expect(result.lines).toBe('');
    expect(result.edition?.number).toBe(0);
  });

  it('reports a missing required field', () => {
    expect(compile(edition('date: 2026-03-22')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:1  edition: missing; expected a whole number, 0 or more"`,
    );
  });

  it('suggests the real key for a typo of one', () => {
    expect(compile(edition('edition: 2\ndat: 2026-03-22')).lines).toMatchInlineSnapshot(`
      "content/editions/2026-03-22-edition-2.md:1  date: missing; expected an ISO 8601 date or date-time
      content/editions/2026-03-22-edition-2.md:3  dat: unknown key (did you mean "date"?); expected one of edition, date, title, description, subject, draft, discussions, sections, redirect_from"
    `);
  });

  it('holds title and description to their lengths', () => {
    const long = 'x'.repeat(121);
    expect(
      compile(edition(`edition: 2\ndate: 2026-03-22\ntitle: ${long}\ndescription: ""\n`)).lines,
    ).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:4  title: expected at most 120 characters, got 121 characters"`,
    );
    expect(compile(edition(`edition: 2\ndate: 2026-03-22\ntitle: "  "`)).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:4  title: expected a non-empty headline, got 0 characters"`,
    );
  });

  it('wants draft to be true or false, not yes', () => {
    expect(compile(edition('edition: 2\ndate: 2026-03-22\ndraft: yes')).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:4  draft: expected true or false, got "yes"; write draft: true"`,
    );
  });

  it('checks each discussion entry field by field', () => {
    const fm = `edition: 2
date: 2026-03-22
discussions:
  - url: http://news.ycombinator.com/item?id=1
    points: -1
    comments: many
    as_of: yesterday
    score: 3`;
    expect(compile(edition(fm)).lines).toMatchInlineSnapshot(`
      "content/editions/2026-03-22-edition-2.md:5  discussions[0].url: expected the https URL of a discussion thread, got "http://news.ycombinator.com/item?id=1"
      content/editions/2026-03-22-edition-2.md:6  discussions[0].points: expected a whole number of 0 or more, got -1
      content/editions/2026-03-22-edition-2.md:7  discussions[0].comments: expected a whole number of 0 or more, got "many"
      content/editions/2026-03-22-edition-2.md:8  discussions[0].as_of: expected an ISO 8601 date or date-time, got "yesterday"
      content/editions/2026-03-22-edition-2.md:9  discussions[0].score: unknown key; expected one of url, points, comments, as_of"
    `);
  });

  it('reports a thread listed twice', () => {
    const fm = `edition: 2
date: 2026-03-22
discussions:
  - url: https://news.ycombinator.com/item?id=1
  - url: https://news.ycombinator.com/item?id=1&p=2`;
    const body = 'Intro ([discussion](https://news.ycombinator.com/item?id=1)).\n';
    expect(compile(edition(fm, body)).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:6  discussions[1].url: listed twice; expected each thread once (first at discussions[0]), got "https://news.ycombinator.com/item?id=1&p=2""`,
    );
  });

  it('rejects a discussion URL that is never linked', () => {
    const fm = `edition: 2
date: 2026-03-22
discussions:
  - url: https://news.ycombinator.com/item?id=99`;
    expect(compile(edition(fm)).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:5  discussions[0].url: "https://news.ycombinator.com/item?id=99" is not linked in the body; expected a link to this thread where the text mentions it"`,
    );
  });

  it('rejects section data for a section that does not exist, listing the ids there are', () => {
    const fm = `edition: 2
date: 2026-03-22
sections:
  storyy:
    topics: [flash-moe]
  story:
    topics: [Not A Slug]`;
    expect(compile(edition(fm)).lines).toMatchInlineSnapshot(`
      "content/editions/2026-03-22-edition-2.md:8  sections.story.topics[0]: expected a topic slug of lowercase letters, digits and hyphens, got "Not A Slug""
    `);
    expect(compile(edition(fm.replace('Not A Slug', 'ok'))).lines).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:5  sections.storyy: no section has this id (ids: story)"`,
    );
  });
});

describe('files that cannot be read as an edition', () => {
  it.each([
    [
      'an empty file',
      '',
      'content/editions/2026-03-22-edition-2.md  file: empty; expected front matter between "---" lines, then the intro',
    ],
    [
      'a file without front matter',
      '# Hello\n',
      'content/editions/2026-03-22-edition-2.md:1  front matter: missing; expected the file to start with a line "---", then edition: and date:, then "---"',
    ],
    [
      'unclosed front matter',
      '---\nedition: 2\n\nIntro.\n',
      'content/editions/2026-03-22-edition-2.md:1  front matter: not closed; expected a line "---" after the last front-matter field',
    ],
    [
      'broken YAML',
      '---\nedition: 2\ndate: [2026\n---\nIntro.\n',
      'content/editions/2026-03-22-edition-2.md:3  front matter: YAML syntax error: the list opened with [ is never closed; end it with ] on the same line: date: [2026]',
    ],
    [
      'lists nested thousands deep',
      `---\nedition: 2\ndate: 2026-03-22\ntags: ${'['.repeat(20_000)}\n---\nIntro.\n`,
      'content/editions/2026-03-22-edition-2.md:4  front matter: YAML syntax error: lists or maps are nested too deeply to read ([ or { inside one another thousands of times); expected a few levels',
    ],
    [
      'a duplicated key',
      '---\nedition: 2\nedition: 3\ndate: 2026-03-22\n---\nIntro.\n',
      'content/editions/2026-03-22-edition-2.md:3  front matter: YAML syntax error: a key appears twice; expected each key once',
    ],
    [
      'front matter that is a list',
      '---\n- edition: 2\n---\nIntro.\n',
      'content/editions/2026-03-22-edition-2.md:1  front matter: expected "key: value" lines such as "edition: 2", got a list',
    ],
  ])('explains %s', (_, text, line) => {
    const result = compile(text);
    expect(result.edition).toBeNull();
    expect(result.lines).toBe(line);
  });

  it('explains a file that is not UTF-8', () => {
    const latin1 = Uint8Array.from([
      ...new TextEncoder().encode('---\nedition: 2\ndate: 2026-03-22\n---\nCaf'),
      0xe9,
      0x0a,
    ]);
    expect(compile(latin1).lines).toBe(
      'content/editions/2026-03-22-edition-2.md  file: not UTF-8 text; save the file as UTF-8',
    );
  });
});

describe('accepted variants', () => {
  it('reads CRLF line endings and a byte-order mark with correct line numbers', () => {
    const text = '\uFEFF---\r\nedition: 2\r\ndate: 2026-03-22\r\n---\r\n\r\nIntro <T>.\r\n\r\n## Story\r\n';
    const result = compile(text);
    expect(result.edition?.sections.map((s) => s.id)).toEqual(['story']);
    expect(result.lines).toBe(
      'content/editions/2026-03-22-edition-2.md:6  html: warning: <T> looks like HTML; it is shown as text (wrap code in backticks)',
    );
  });

  it('needs only edition, date and an intro', () => {
    const result = compile('---\nedition: 9\ndate: 2026-03-22\n---\nJust an intro.\n');
    expect(result.lines).toBe('');
    expect(result.edition).toMatchObject({
      number: 9,
      date: '2026-03-22T00:00:00-04:00',
      hasTime: false,
      headline: null,
      draft: false,
      sections: [],
    });
    expect(result.edition?.description).toBe('Just an intro.');
  });

  it('defaults the description to the start of the intro, cut at a word', () => {
    const intro = 'word '.repeat(100);
    const description = compile(edition('edition: 2\ndate: 2026-03-22', `${intro}\n`)).edition?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(200);
    expect(description).toMatch(/^word( word)+…$/);
  });

  it("leaves a heading's permalink out of the default description (the meta description, feeds, previews)", () => {
    const result = compile(
      edition('edition: 2\ndate: 2026-03-22', '### This week\n\nThree stories about local inference.\n'),
    );
    expect(result.edition?.description).toBe('This week Three stories about local inference.');
  });
});

describe('body errors', () => {
  it('requires an intro before the first section', () => {
    expect(
      compile(edition('edition: 2\ndate: 2026-03-22', '## Straight to a story\n\nText.\n')).lines,
    ).toMatchInlineSnapshot(
      `"content/editions/2026-03-22-edition-2.md:6  intro: missing; expected at least one paragraph before the first "##" heading"`,
    );
  });

  it('reports every problem of a file in one run, front matter and body alike', () => {
    const result = compile(
      edition('edition: -1\ndate: 2026-03-22', 'Intro [x](javascript:alert(1)).\n\n## A\n\n## A\n'),
    );
    expect(result.problems.map((p) => p.field)).toEqual(['edition', 'link', 'heading']);
  });

  it('reports the other fields too when one value has a control character or is cut at " #"', () => {
    const result = compile(
      edition('edition: 2\ndate: March 22\ntitle: "A \\x07 bell"\ntitel: x\ndescription: Issue #5 of the week'),
    );
    expect(result.edition).toBeNull();
    expect(result.problems.map((p) => `${p.line} ${p.field}`)).toEqual([
      '3 date',
      '4 title',
      '5 titel',
      '6 description',
    ]);
  });

  it("reports the body's problems too when the front matter cannot be read at all", () => {
    const result = compile(
      edition(
        'edition: 2\ndate: 2026-03-22\ntitle: Flash-MoE: the sequel',
        'Intro [x](javascript:alert(1)).\n\n## {#a}\n',
      ),
    );
    expect(result.edition).toBeNull();
    expect(result.problems.map((p) => `${p.line} ${p.field}`)).toEqual(['4 front matter', '7 link', '9 heading']);
  });
});
