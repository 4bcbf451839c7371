import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlProblems } from '../../src/diagnostics/from-yaml.ts';

/** The problem lines for a front matter, as `line: message`. */
function problemsOf(source: string): string[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  return yamlProblems(doc, lines, 'e.md', 'front matter', source).map((p) => `${p.line}: ${p.message}`);
}

describe("front-matter mistakes the YAML parser words in its own terms, said in an author's", () => {
  it("a value that starts with one of YAML's indicators, with the line quoted as it should be written", () => {
    expect(problemsOf('edition: 3\ntitle: @home, at last\n')).toEqual([
      '2: YAML syntax error: the value of title starts with @, which YAML reserves; put the value in quotes: title: "@home, at last"',
    ]);
    expect(problemsOf('edition: 3\ntitle: `npm` breaks\n')).toEqual([
      '2: YAML syntax error: the value of title starts with `, which YAML reserves; put the value in quotes: title: "`npm` breaks"',
    ]);
    expect(problemsOf('edition: 3\ndescription: > a quote\n')).toEqual([
      '2: YAML syntax error: the value of description starts with >, which YAML reads as the start of folded text on the lines below; put the value in quotes: description: "> a quote"',
    ]);
    expect(problemsOf('edition: 3\ntitle: & friends\n')).toEqual([
      '2: YAML syntax error: the value of title starts with &, which YAML reads as the name of an anchor; put the value in quotes: title: "& friends"',
    ]);
  });

  it('a value in *asterisks* is an alias without an anchor, not "aliases expand too far"', () => {
    expect(problemsOf('edition: 3\ntitle: *Bold* news\n')).toEqual([
      '2: YAML syntax error: the value of title starts with *, which YAML reads as a reference to an anchor (an alias); put the value in quotes: title: "*Bold* news"',
    ]);
    // An alias with its anchor is YAML, and no problem.
    expect(problemsOf('edition: 3\nx: &n 1\ny: *n\n')).toEqual([]);
  });

  it('a template tag left from another generator, which YAML reads as a mapping', () => {
    expect(problemsOf('edition: 3\ntitle: {{ page.title }}\n')).toEqual([
      '2: YAML syntax error: the value of title has a template tag ({{ … }}), which YAML reads as a mapping and this site does not fill in; write the text itself, or put the value in quotes: title: "{{ page.title }}"',
    ]);
    expect(problemsOf('edition: 3\ndescription: {% include intro.html %}\n')).toEqual([
      '2: YAML syntax error: the value of description has a template tag ({% … %}), which YAML reads as a mapping and this site does not fill in; write the text itself, or put the value in quotes: description: "{% include intro.html %}"',
    ]);
  });

  it('a key without the space after its colon, or without its colon', () => {
    expect(problemsOf('edition: 3\ntitle:Hello\n')).toEqual([
      '2: YAML syntax error: the key title needs a space after its colon: title: Hello',
    ]);
    expect(problemsOf('edition: 3\ndate 2026-03-29\n')).toEqual([
      '2: YAML syntax error: the key date needs a colon and a space after it: date: 2026-03-29',
    ]);
  });

  it('a line indented by mistake is named, not the line above it', () => {
    expect(problemsOf('edition: 3\n  title: Flash-MoE\n')).toEqual([
      '2: YAML syntax error: this line is indented, so YAML reads it as part of edition on the line above, which already has a value; start it where edition starts: title: Flash-MoE',
    ]);
  });

  it('a list never closed is named at the line that opens it, not at the end of the front matter', () => {
    expect(problemsOf('edition: 3\nsections:\n  intro:\n    topics: [flash-moe, local\ndate: 2026-03-29\n')).toEqual([
      '4: YAML syntax error: the list opened with [ is never closed; end it with ] on the same line: topics: [flash-moe, local]',
    ]);
  });

  it('a tag YAML drops, a value starting "- " or "?", one ending in ":", a key glued to its value, a tab where no indent belongs', () => {
    expect(problemsOf('edition: 3\ntitle: !important update\n')).toEqual([
      '2: YAML syntax error: the value of title starts with !, which YAML reads as a type tag (and drops); put the value in quotes: title: "!important update"',
    ]);
    expect(problemsOf('edition: 3\ntitle: - a dash\n')).toEqual([
      '2: YAML syntax error: the value of title starts with -, which YAML reads as the start of a list; put the value in quotes: title: "- a dash"',
    ]);
    expect(problemsOf('edition: 3\ntitle: Coming up:\n')).toEqual([
      '2: YAML syntax error: the value of title has a ":" at its end, which YAML reads as another key; put the value in quotes: title: "Coming up:"',
    ]);
    expect(problemsOf('edition:17\ndate: 2026-03-29\n')).toEqual([
      '1: YAML syntax error: the key edition needs a space after its colon: edition: 17',
    ]);
    expect(problemsOf('edition: 3\n\ttitle: Flash-MoE\n')).toEqual([
      '2: YAML syntax error: this line is indented with a tab, and YAML allows only spaces; it needs no indent here: "title: Flash-MoE"',
    ]);
  });

  it('a list item among keys', () => {
    expect(problemsOf('edition: 3\n- flash-moe\n')).toEqual([
      '2: YAML syntax error: a list item ("- …") where a key was expected; a list belongs under its key, indented ("key:", then "  - item" on the lines below it)',
    ]);
  });
});
