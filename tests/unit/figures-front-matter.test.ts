import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addDiscussions, FIGURE_FIELDS, setFigures, type Figures } from '../../scripts/figures/front-matter-edit.ts';

type Quote = 'plain' | 'single' | 'double';
interface Field {
  key: 'url' | 'points' | 'comments' | 'as_of';
  value: string | number | null;
  quote: Quote;
  comment: string | null;
  before: string | null;
}
interface Entry {
  flow: boolean;
  fields: Field[];
  before: string | null;
}
interface Doc {
  bom: boolean;
  eol: '\n' | '\r\n';
  indent: '' | '  ';
  top: { key: string; text: string; before: string | null }[];
  entries: Entry[];
  discussionsAt: number;
}

const quoted = (value: string, quote: Quote) =>
  quote === 'double' ? JSON.stringify(value) : quote === 'single' ? `'${value.replace(/'/g, "''")}'` : value;

/** One field as written; `update` is what the figures command should have written in its place. */
function fieldText(field: Field, update?: Partial<Figures>): string {
  const next = update?.[field.key as keyof Figures];
  const value = next ?? field.value;
  let text: string;
  if (value === null) text = '';
  else if (typeof value === 'number') text = String(value);
  else text = quoted(value, field.key === 'as_of' || next === undefined ? field.quote : 'plain');
  return text === '' ? `${field.key}:` : `${field.key}: ${text}`;
}

/** The front matter as written; with `updates`, as the figures command must leave it (the expected bytes). */
function render(doc: Doc, updates: ReadonlyMap<number, Figures> = new Map()): string {
  const { eol, indent } = doc;
  const lines: string[] = [];
  const comment = (c: string | null) => (c ? ` # ${c}` : '');
  const discussions = (): string[] => {
    const out = ['discussions:'];
    doc.entries.forEach((entry, i) => {
      const update = updates.get(i);
      const missing = FIGURE_FIELDS.filter((f) => update && !entry.fields.some((x) => x.key === f));
      if (entry.before) out.push(`${indent}# ${entry.before}`);
      if (entry.flow) {
        const parts = entry.fields.map((f) => fieldText(f, update));
        const added = missing.map((f) => `, ${f}: ${update![f]}`).join('');
        out.push(`${indent}- { ${parts.join(', ')}${added} }`);
        return;
      }
      entry.fields.forEach((field, j) => {
        if (field.before && j > 0) out.push(`${indent}  # ${field.before}`);
        out.push(`${indent}${j === 0 ? '- ' : '  '}${fieldText(field, update)}${comment(field.comment)}`);
      });
      for (const f of missing) out.push(`${indent}  ${f}: ${update![f]}`);
    });
    return out;
  };
  doc.top.forEach((top, i) => {
    if (i === doc.discussionsAt) lines.push(...discussions());
    if (top.before) lines.push(`# ${top.before}`);
    lines.push(`${top.key}: ${top.text}`);
  });
  if (doc.discussionsAt >= doc.top.length) lines.push(...discussions());
  return `${doc.bom ? '\uFEFF' : ''}---${eol}${lines.join(eol)}${eol}---${eol}${eol}The intro ([discussion](https://news.ycombinator.com/item?id=1)).${eol}`;
}

const words = fc.constantFrom(
  'note',
  'figures from Monday',
  'keep: this',
  'a "quoted" bit',
  "it's",
  '#hash',
  'ünïcødé',
);
const maybeComment = fc.option(words, { nil: null, freq: 2 });
const quote = fc.constantFrom<Quote>('plain', 'single', 'double');
const date = fc.constantFrom('2026-03-22T12:14:00-04:00', '2026-03-22', '2026-03-22 08:00:00Z');
const urlValue = fc.integer({ min: 1, max: 99999999 }).map((n) => `https://news.ycombinator.com/item?id=${n}`);

const entry: fc.Arbitrary<Entry> = fc
  .record({
    flow: fc.boolean(),
    url: fc.record({ value: urlValue, quote }),
    points: fc.option(fc.option(fc.nat(100000), { nil: null }), { nil: undefined }),
    comments: fc.option(fc.option(fc.nat(100000), { nil: null }), { nil: undefined }),
    asOf: fc.option(fc.record({ value: date, quote }), { nil: undefined }),
    order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    comments_: fc.array(maybeComment, { minLength: 4, maxLength: 4 }),
    befores: fc.array(maybeComment, { minLength: 4, maxLength: 4 }),
    before: maybeComment,
  })
  .map((r) => {
    const fields: Field[] = [{ key: 'url', value: r.url.value, quote: r.url.quote, comment: null, before: null }];
    if (r.points !== undefined)
      fields.push({ key: 'points', value: r.points, quote: 'plain', comment: null, before: null });
    if (r.comments !== undefined)
      fields.push({ key: 'comments', value: r.comments, quote: 'plain', comment: null, before: null });
    if (r.asOf) fields.push({ key: 'as_of', value: r.asOf.value, quote: r.asOf.quote, comment: null, before: null });
    // Any key order; in flow style an empty value would read as the next key, so flow entries give each a value.
    const ordered = fields
      .map((f, i) => ({ f, k: r.order[i]! }))
      .sort((a, b) => a.k - b.k)
      .map((x) => x.f);
    return {
      flow: r.flow,
      before: r.before,
      fields: ordered.map((f, i) => ({
        ...f,
        value: r.flow && f.value === null ? 0 : f.value,
        comment: r.flow ? null : r.comments_[i]!,
        before: r.flow ? null : r.befores[i]!,
      })),
    };
  });

const docArb: fc.Arbitrary<Doc> = fc
  .record({
    bom: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    indent: fc.constantFrom<'' | '  '>('', '  '),
    title: fc.record({
      value: fc.constantFrom(
        'Flash-MoE: forks',
        "A 'quoted' title",
        'Plain title that is rather long and would be folded by a serialiser at eighty columns',
      ),
      quote,
    }),
    befores: fc.array(maybeComment, { minLength: 4, maxLength: 4 }),
    order: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    flowSections: fc.boolean(),
    entries: fc.array(entry, { minLength: 1, maxLength: 5 }),
    discussionsAt: fc.nat(4),
  })
  .map((r) => {
    const title = r.title.quote === 'plain' && r.title.value.includes(':') ? 'double' : r.title.quote;
    const top = [
      { key: 'edition', text: '7' },
      { key: 'date', text: '2026-04-05' },
      { key: 'title', text: quoted(r.title.value, title) },
      { key: 'sections', text: r.flowSections ? '{ flash-moe: { topics: [flash-moe, local-inference] } }' : '{}' },
    ]
      .map((t, i) => ({ ...t, before: r.befores[i]!, k: r.order[i]! }))
      .sort((a, b) => a.k - b.k)
      .map(({ k: _k, ...t }) => t);
    return { bom: r.bom, eol: r.eol, indent: r.indent, top, entries: r.entries, discussionsAt: r.discussionsAt };
  });

const figures = fc.record({
  points: fc.nat(100000),
  comments: fc.nat(100000),
  as_of: fc.constantFrom('2026-04-06T09:30:12-04:00', '2026-12-01T00:00:00-05:00'),
});

describe('setFigures splices figures into the front matter in place', () => {
  it('changes nothing but the three fields, whatever the comments, quoting, key order and style', () => {
    fc.assert(
      fc.property(
        docArb,
        fc.array(fc.option(figures, { nil: undefined }), { minLength: 5, maxLength: 5 }),
        (doc, picks) => {
          const updates = new Map<number, Figures>();
          picks.slice(0, doc.entries.length).forEach((f, i) => f && updates.set(i, f));
          const before = render(doc);
          const after = setFigures(before, updates);
          expect(after).toBe(render(doc, updates));
          const yaml = after.replace(/^\uFEFF?---\r?\n/, '').split(/\r?\n---\r?\n/)[0]!;
          const list = (parse(yaml) as { discussions: Record<string, unknown>[] }).discussions;
          for (const [i, f] of updates) expect(list[i]).toMatchObject(f);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a value after a key left empty, and keeps a date in its quotes', () => {
    const text =
      '---\nedition: 7\ndiscussions:\n  - url: https://lobste.rs/s/abc123\n    points:\n    as_of: "2026-04-05"\n---\n\nBody\n';
    expect(setFigures(text, new Map([[0, { points: 42, comments: 4, as_of: '2026-04-06T09:00:00-04:00' }]]))).toBe(
      '---\nedition: 7\ndiscussions:\n  - url: https://lobste.rs/s/abc123\n    points: 42\n    as_of: "2026-04-06T09:00:00-04:00"\n    comments: 4\n---\n\nBody\n',
    );
  });
});

describe('addDiscussions appends threads in the list’s style', () => {
  const add = [
    { url: 'https://lobste.rs/s/abc123', figures: { points: 42, comments: 4, as_of: '2026-04-06T09:00:00-04:00' } },
  ];

  it('after the last entry of a block list, before the next key and its comment', () => {
    const text =
      '---\nedition: 7\ndiscussions:\n  - url: https://news.ycombinator.com/item?id=1 # first\n# sections next\nsections: {}\n---\nBody\n';
    expect(addDiscussions(text, add)).toBe(
      '---\nedition: 7\ndiscussions:\n  - url: https://news.ycombinator.com/item?id=1 # first\n  - url: https://lobste.rs/s/abc123\n    points: 42\n    comments: 4\n    as_of: 2026-04-06T09:00:00-04:00\n# sections next\nsections: {}\n---\nBody\n',
    );
  });

  it('into a flow list, and as a new list when there is none', () => {
    expect(addDiscussions('---\nedition: 7\ndiscussions: []\n---\nBody\n', add)).toBe(
      '---\nedition: 7\ndiscussions: [{ url: https://lobste.rs/s/abc123, points: 42, comments: 4, as_of: 2026-04-06T09:00:00-04:00 }]\n---\nBody\n',
    );
    expect(addDiscussions('---\r\nedition: 7\r\n---\r\nBody\r\n', add)).toBe(
      '---\r\nedition: 7\r\ndiscussions:\r\n  - url: https://lobste.rs/s/abc123\r\n    points: 42\r\n    comments: 4\r\n    as_of: 2026-04-06T09:00:00-04:00\r\n---\r\nBody\r\n',
    );
  });
});
