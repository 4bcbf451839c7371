import { existsSync, mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyAssets } from '../../scripts/import/assets.ts';
import { fromHugoShortcodes } from '../../scripts/import/hugo-shortcodes.ts';
import { fromKramdown } from '../../scripts/import/kramdown.ts';
import { footnotesAsText } from '../../scripts/import/footnotes.ts';
import { jekyllRenderer } from '../../scripts/import/liquid.ts';
import { pelicanSlug, readPelican } from '../../scripts/import/pelican.ts';
import { readGhost } from '../../scripts/import/ghost.ts';
import { readMarkdown } from '../../scripts/import/markdown.ts';
import { readFrontMatter } from '../../scripts/import/front-matter.ts';
import { shiftHeadings } from '../../scripts/import/normalise.ts';
import { numberInTitle } from '../../scripts/import/numbering.ts';
import { hugoUrlize, jekyllPermalink, pelicanUrl, sitePath } from '../../scripts/import/old-paths.ts';
import { rewriteOldLinks } from '../../scripts/import/old-links.ts';
import { withoutScripts } from '../../scripts/import/script-embeds.ts';
import { inside } from '../../scripts/import/site-root.ts';
import { editionFileName } from '../../scripts/import/write.ts';
import type { NumberedEdition } from '../../scripts/import/numbering.ts';

const site = mkdtempSync(join(tmpdir(), 'jekyll-site-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));
mkdirSync(join(site, '_includes'));
mkdirSync(join(site, '_data'));
writeFileSync(join(site, '_config.yml'), 'title: Digest\n');
writeFileSync(join(site, '_data/team.yml'), 'editor: Ada\n');
writeFileSync(join(site, '_includes/refs.md'), '[lnd]: https://example.org/lnd\n');
writeFileSync(join(site, '_includes/loop.md'), '{% include loop.md %}');
writeFileSync(join(site, 'secret.md'), 'SECRET');
symlinkSync(join(site, 'secret.md'), join(site, '_includes/link.md'));
const render = jekyllRenderer(site);

describe('Liquid, as Jekyll renders it', () => {
  it('drops comments, expands includes, assigns and site data, and keeps code braces', () => {
    const body = [
      '{% assign who = site.data.team.editor %}Edited by {{ who }} for {{ site.title }}.',
      '{% comment %}<A pubkey>\n## hidden{% endcomment %}',
      '```rust\nprintln!("{:?} {{}}", x); {% raw %}{{ kept }}{% endraw %}\n```',
      'Inline `{{ code }}` too. {% include refs.md %}',
    ].join('\n');
    const { body: out, leftOut } = render(body, { title: 'T' });
    expect(out).toBe(
      'Edited by Ada for Digest.\n\n```rust\nprintln!("{:?} {{}}", x); {{ kept }}\n```\nInline `{{ code }}` too. [lnd]: https://example.org/lnd\n',
    );
    expect(leftOut.count).toBe(0);
  });

  it('leaves out a plugin tag and a missing include, counting them and naming the first with its line', () => {
    const { body, leftOut } = render('One {% seo %}.\nTwo {% include nowhere.md %}.\n', {});
    expect(body).toBe('One .\nTwo .\n');
    expect(leftOut).toEqual({ count: 2, first: { text: '{% seo %}', line: 1 }, links: [] });
  });

  it('gives {% post_url %} the old address of the post; a link to no post keeps its text, without the link', () => {
    const withPosts = jekyllRenderer(site, (name) =>
      name === '2018-06-08-welcome' ? '/2018/06/08/welcome/' : undefined,
    );
    const { body, leftOut } = withPosts('[a]({% post_url 2018-06-08-welcome %}) [my post]({% post_url nope %})', {});
    expect(body).toBe('[a](/2018/06/08/welcome/) my post');
    expect(leftOut).toEqual({
      count: 0,
      first: undefined,
      links: [{ text: 'my post', tag: '{% post_url nope %}', line: 1 }],
    });
  });

  it("gives {% link %} a post's old address and a file's own path, and renders {% include_relative %} from beside the post", () => {
    mkdirSync(join(site, 'assets'), { recursive: true });
    writeFileSync(join(site, 'assets/chart.png'), 'PNG');
    mkdirSync(join(site, '_posts'), { recursive: true });
    writeFileSync(join(site, '_posts/notes.md'), 'Edited by {{ site.data.team.editor }}.');
    const withPosts = jekyllRenderer(site, (name) =>
      name === '2018-06-08-welcome' ? '/2018/06/08/welcome/' : undefined,
    );
    const { body, leftOut } = withPosts(
      [
        '[a]({% link _posts/2018-06-08-welcome.md %}) ![chart]({{ site.baseurl }}{% link assets/chart.png %})',
        '[gone]({% link assets/gone.png %}) [page]({% link about.md %})',
        '{% include_relative notes.md %} {% include_relative ../secret.md %}',
      ].join('\n'),
      {},
      join(site, '_posts/2018-06-08-welcome.md'),
    );
    expect(body).toBe('[a](/2018/06/08/welcome/) ![chart](/assets/chart.png)\ngone page\nEdited by Ada. ');
    expect(leftOut.links.map((link) => link.tag)).toEqual(['{% link assets/gone.png %}', '{% link about.md %}']);
    // The file above the post is never read: the tag is left out, and counted.
    expect(leftOut).toMatchObject({ count: 1, first: { text: '{% include_relative ../secret.md %}', line: 3 } });
  });

  it('keeps the text of a link, an image or a reference whose address was a tag left out; never an empty ()', () => {
    const { body, leftOut } = render(
      [
        'See [the guide]({{ site.baseurl }}{% link guide.md %}) and ![a chart]({% asset chart.png %}).',
        'Also [the notes][notes], [Notes][], and [kept](https://example.org/) {% seo %}.',
        '',
        '[notes]: {% link notes.md %}',
        '',
      ].join('\n'),
      {},
    );
    expect(body).toBe('See the guide and a chart.\nAlso the notes, Notes, and [kept](https://example.org/) .\n\n');
    expect(body).not.toMatch(/\]\(\s*\)|\uE002/);
    expect(leftOut.links).toEqual([
      { text: 'the guide', tag: '{% link guide.md %}', line: 1 },
      { text: 'a chart', tag: '{% asset chart.png %}', line: 1 },
      { text: 'the notes', tag: '{% link notes.md %}', line: 4 },
      { text: 'Notes', tag: '{% link notes.md %}', line: 4 },
    ]);
    // Only the tag outside a link is counted in the file's one warning.
    expect(leftOut).toMatchObject({ count: 1, first: { text: '{% seo %}', line: 2 } });
  });

  it('never reads outside _includes/, and a self-including include stops', () => {
    for (const name of ['../secret.md', 'link.md', '/etc/passwd']) {
      const { body } = render(`x {% include ${name} %} y`, {});
      expect(body).not.toContain('SECRET');
      expect(body).not.toMatch(/root:|\{%/);
    }
    const loop = render('a {% include loop.md %} b', {});
    expect(loop.body).toBe('a  b');
    expect(loop.leftOut.count).toBeGreaterThan(0);
  });

  it('stops a runaway loop within its limits: the loop is left out, its text kept once', () => {
    const started = Date.now();
    const { body, leftOut } = render('{% for i in (1..100000000) %}{{ i }} and more text{% endfor %}Done.', {});
    expect(body).toBe(' and more textDone.');
    expect(leftOut.first?.text).toBe('{% for i in (1..100000000) %}');
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

describe('headings', () => {
  it('moves a # heading inside a quote down with the sections, so the quote is no level-1 heading', () => {
    // This Week in Rust's "Quote of the Week" starts "> # Bastion of the Turbofish" under "# Quote of the Week".
    expect(shiftHeadings('Intro\n\n# Quote of the Week\n\n> # Bastion\n>\n> Text.\n> > ## Inner\n')).toBe(
      'Intro\n\n## Quote of the Week\n\n> ## Bastion\n>\n> Text.\n> > ### Inner\n',
    );
    // A body without a level-1 heading is left as written.
    expect(shiftHeadings('Intro\n\n## Quote\n\n> ## Bastion\n')).toBe('Intro\n\n## Quote\n\n> ## Bastion\n');
  });

  it('keeps ## stories as they are and makes a stray # story one of them', () => {
    // This Week in Rust from 2021: "## Crate of the Week" … then "# Rust Jobs" and "# Quote of the Week".
    expect(
      shiftHeadings('Intro\n\n## Updates\n\n### Official\n\n# Rust Jobs\n\nQuote of the Week\n===\n\n> # Careful\n'),
    ).toBe('Intro\n\n## Updates\n\n### Official\n\n## Rust Jobs\n\nQuote of the Week\n---\n\n> ## Careful\n');
  });
});

describe('files the editions use', () => {
  it("brings along an image linked by the old site's full URL, and leaves other hosts and missing files alone", () => {
    const from = join(site, 'content');
    mkdirSync(join(from, 'images'), { recursive: true });
    writeFileSync(join(from, 'images/board.jpg'), 'JPEG');
    const publicDir = join(site, 'public');
    const body = [
      '<img src="https://twir.example.org/images/board.jpg" alt="A whiteboard">',
      '![elsewhere](https://cdn.example.org/images/board.jpg) ![gone](https://twir.example.org/images/gone.png)',
    ].join('\n');
    const result = copyAssets(body, { file: 'a.md' }, from, publicDir, {
      dryRun: false,
      urlOf: (path) => path,
      hosts: ['twir.example.org'],
    });
    expect(result.body).toBe(
      [
        '<img src="/images/board.jpg" alt="A whiteboard">',
        '![elsewhere](https://cdn.example.org/images/board.jpg) ![gone](https://twir.example.org/images/gone.png)',
      ].join('\n'),
    );
    expect(result.problems).toEqual([]);
    expect(existsSync(join(publicDir, 'images/board.jpg'))).toBe(true);
  });

  it("finds a file linked under the old site's base path ({{ site.baseurl }}/…), where the site keeps it without one", () => {
    const from = join(site, 'prefixed');
    mkdirSync(join(from, 'assets'), { recursive: true });
    writeFileSync(join(from, 'assets/plot.png'), 'PNG');
    const publicDir = join(site, 'public-prefixed');
    const result = copyAssets(
      '![plot](/blog/assets/plot.png) ![gone](/blog/assets/gone.png)',
      { file: 'a.md' },
      from,
      publicDir,
      {
        dryRun: false,
        urlOf: (path) => path,
        prefix: '/blog/',
      },
    );
    expect(result.body).toBe('![plot](/assets/plot.png) ![gone](/blog/assets/gone.png)');
    expect(existsSync(join(publicDir, 'assets/plot.png'))).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual([
      `/assets/gone.png is not in ${from}; the edition links to a file that was not brought along`,
    ]);
  });
});

describe('kramdown', () => {
  it('takes off markdown="1" wrappers so the ## stories inside become sections', () => {
    const { body } = fromKramdown(
      'Intro.\n<div markdown="1" class="callout">\n## News\n\nText.\n<div>inner</div>\n</div>\nAfter.\n',
    );
    expect(body).toBe('Intro.\n\n## News\n\nText.\n<div>inner</div>\n\nAfter.\n');
  });

  it('takes off a wrapper opened and closed on one line, leaving no stray end tag and nothing after it wrapped', () => {
    const { body } = fromKramdown('Intro.\n<div markdown="1">**Sponsored** by Acme.</div>\n\n## News\n\nText.\n');
    expect(body).toBe('Intro.\n\n**Sponsored** by Acme.\n\n\n## News\n\nText.\n');
  });

  it('removes attribute lists, keeps a heading id, and drops a {:toc} list', () => {
    const { body, attributeLists } = fromKramdown(
      '![x](/a.png)\n{:.center}\n\n## Fixes {: #fixes}\n\n* TOC\n{:toc}\n\nA *word*{: .x} here.\n\n```\n{:not-an-ial}\n```\n',
    );
    expect(body).toBe('![x](/a.png)\n\n## Fixes {#fixes}\n\n\nA *word* here.\n\n```\n{:not-an-ial}\n```\n');
    expect(attributeLists).toBe(4);
  });
});

describe('Hugo shortcodes', () => {
  it('turns known embeds into links and highlight into code, and leaves the rest out', () => {
    const { body, leftOut } = fromHugoShortcodes(
      '{{< youtube abc >}}\n{{< gist u 12ab >}}\n{{% note %}}Kept.{{% /note %}}\n{{< highlight go >}}\nx := "{{< y >}}"\n{{< /highlight >}}\n',
    );
    expect(body).toBe(
      '<https://www.youtube.com/watch?v=abc>\n<https://gist.github.com/u/12ab>\nKept.\n```go\nx := "{{< y >}}"\n```\n',
    );
    expect(leftOut).toEqual({ count: 2, first: { text: '{{% note %}}', line: 3 }, links: [] });
  });

  it('keeps the text of a link whose address was a shortcode left out', () => {
    const { body, leftOut } = fromHugoShortcodes(
      'Read [the setup]({{< ref "missing.md" >}}) and [more]({{< relref "x" >}}).\n',
    );
    expect(body).toBe('Read the setup and more.\n');
    expect(leftOut).toEqual({
      count: 0,
      first: undefined,
      links: [
        { text: 'the setup', tag: '{{< ref "missing.md" >}}', line: 1 },
        { text: 'more', tag: '{{< relref "x" >}}', line: 1 },
      ],
    });
  });
});

describe('script and style blocks', () => {
  it('become a link when the source is a known embed, else are left out and counted', () => {
    const gist = '<script src="https://gist.github.com/u/0a1b.js"></script>';
    const result = withoutScripts(`Intro.\n${gist}\n<style>p{}</style>\n\`<script>\` in code stays.\n`);
    expect(result.body).toBe('Intro.\n<https://gist.github.com/u/0a1b>\n\n`<script>` in code stays.\n');
    expect(result.leftOut).toBe(1);
    expect(result.first).toBe('<style>p{}</style>');
  });
});

describe('numbers and old addresses', () => {
  it('finds a number after #, No., Issue, Edition or the newsletter name, or at the end of the title', () => {
    const titles = ['This Week In Rust 1', 'Newsletter #419', 'Issue 12', 'Lightning Digest #0', 'Llama 3 is out'];
    expect(titles.map((t) => numberInTitle(t))).toEqual([1, 419, 12, 0, undefined]);
    expect(numberInTitle('Rust Weekly 12: a big week', ['Rust Weekly'])).toBe(12);
  });

  it('fills Jekyll permalinks and Pelican URL patterns, and refuses paths that climb', () => {
    const post = { day: '2026-08-21', title: 'newsletter', categories: ['Lightning News'] };
    expect(jekyllPermalink('/en/newsletters/:year/:month/:day/', post)).toBe('/en/newsletters/2026/08/21/');
    expect(jekyllPermalink('pretty', post)).toBe('/lightning-news/2026/08/21/newsletter/');
    // Hugo's urlize drops the apostrophe and comma and keeps the dot; Pelican's slug is never cut short.
    expect(hugoUrlize("Infra Notes 1: It's launch day, Go 1.22")).toBe('infra-notes-1-its-launch-day-go-1.22');
    expect(pelicanSlug('Py Weekly 2: a very long title that goes on and on about many different Python things')).toBe(
      'py-weekly-2-a-very-long-title-that-goes-on-and-on-about-many-different-python-things',
    );
    // Jekyll keeps a category as written, in lower case: `/node.js/c++/…`.
    expect(jekyllPermalink('/:categories/:title/', { ...post, categories: ['Node.js', 'C++', 'node.js'] })).toBe(
      '/node.js/c++/newsletter/',
    );
    expect(jekyllPermalink('/:author/:title/', post)).toBeUndefined();
    expect(pelicanUrl('{date:%Y}/{slug}.html', { day: '2020-01-06', slug: 'twir-20' })).toBe('/2020/twir-20.html');
    expect(sitePath('https://old.example.org/a/b/?x=1#y')).toBe('/a/b/');
    expect(sitePath('/a/../../etc/')).toBeUndefined();
  });

  it('points links to old addresses at the new edition, anchor kept, code untouched', () => {
    const addresses = new Map([['/en/newsletters/2026/01/23', 7]]);
    const urlOf = (n: number, fragment: string) => `/editions/${n}/${fragment}`;
    const { body, rewritten } = rewriteOldLinks(
      '[a](/en/newsletters/2026/01/23/#lnd-10331) [b](https://old.example.org/en/newsletters/2026/01/23/index.html)\n[c]: /en/newsletters/2026/01/23/\n<a href="/en/newsletters/2026/01/23/">d</a> `[e](/en/newsletters/2026/01/23/)` [f](/other/)\n',
      addresses,
      urlOf,
      { hosts: ['old.example.org'] },
    );
    expect(body).toBe(
      '[a](/editions/7/#lnd-10331) [b](/editions/7/)\n[c]: /editions/7/\n<a href="/editions/7/">d</a> `[e](/en/newsletters/2026/01/23/)` [f](/other/)\n',
    );
    expect(rewritten).toBe(4);
  });

  it('writes the date once in a file name, whatever the slug starts with', () => {
    const e = { edition: 3, isoDate: '2018-06-08', title: '2018-06-08 newsletter' } as NumberedEdition;
    expect(editionFileName(e)).toBe('2018-06-08-newsletter.md');
    expect(editionFileName({ ...e, slug: '2018-06-08-2018-06-08-newsletter' })).toBe('2018-06-08-newsletter.md');
  });

  it('confines a path to its root, through links too', () => {
    expect(inside(site, '_includes/refs.md')).toBe(join(site, '_includes/refs.md'));
    expect(inside(join(site, '_includes'), '../secret.md')).toBeUndefined();
    expect(inside(join(site, '_includes'), 'link.md')).toBeUndefined();
    expect(inside(site, '/etc/passwd')).toBeUndefined();
  });
});

describe("Pelican's links within the site", () => {
  it("point at the article's old address or the file's path; a tag, a category or a missing file keeps its text", () => {
    const content = join(site, 'pelican');
    mkdirSync(join(content, 'images'), { recursive: true });
    mkdirSync(join(content, '2024'), { recursive: true });
    writeFileSync(join(site, 'pelicanconf.py'), "SITENAME = 'Digest'\nARTICLE_URL = '{category}/{slug}.html'\n");
    writeFileSync(join(content, 'images/chart one.png'), 'PNG');
    writeFileSync(join(content, '2024/notes.pdf'), 'PDF');
    writeFileSync(
      join(content, 'issue-1.md'),
      'Title: First issue\nDate: 2024-01-07\nSlug: first\nCategory: Posts\nTags: asyncio\n\nThe first.\n',
    );
    writeFileSync(
      join(content, '2024/issue-2.md'),
      [
        'Title: Second issue',
        'Date: 2024-01-14',
        '',
        'After [the first]({filename}/issue-1.md#news), see ![a chart]({static}/images/chart%20one.png),',
        '[the notes]({attach}notes.pdf) and [the old spelling](|filename|../issue-1.md).',
        '',
        'Also [more on it]({tag}rust) and [gone]({static}/images/gone.png).',
      ].join('\n'),
    );
    const result = readPelican(content);
    const second = result.editions.find((e) => e.title === 'Second issue')!;
    // An article without Category: is in its folder's category (Pelican's USE_FOLDER_AS_CATEGORY), not its first tag's.
    expect(second.redirectFrom).toEqual(['/2024/second-issue.html']);
    expect(second.body.trim().split('\n')).toEqual([
      'After [the first](/posts/first.html#news), see ![a chart](/images/chart%20one.png),',
      '[the notes](/2024/notes.pdf) and [the old spelling](/posts/first.html).',
      '',
      'Also more on it and gone.',
    ]);
    expect(result.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      '7 the link "more on it" led to {tag}rust, which could not be converted; its text is kept, without the link',
      '7 the link "gone" led to {static}/images/gone.png, which could not be converted; its text is kept, without the link',
    ]);
  });
});

describe('a Hugo site', () => {
  const hugo = join(site, 'hugo');
  mkdirSync(join(hugo, 'content/posts/launch'), { recursive: true });
  writeFileSync(
    join(hugo, 'hugo.toml'),
    [
      'baseURL = "https://infra.example.org/"',
      'title = "Infra Weekly"',
      'timeZone = "Europe/Berlin"',
      '[permalinks]',
      '  posts = "/:year/:month/:slug/"',
    ].join('\n'),
  );
  writeFileSync(
    join(hugo, 'content/posts/launch/index.md'),
    '---\ntitle: The Launch\ndate: 2019-03-04\n---\n\nThe plan: ![a chart](chart%20one.png) and [the notes](notes.pdf), [kept](elsewhere.png).\n',
  );
  writeFileSync(join(hugo, 'content/posts/launch/chart one.png'), 'PNG');
  writeFileSync(join(hugo, 'content/posts/launch/notes.pdf'), 'PDF');
  writeFileSync(
    join(hugo, 'content/posts/week-2.md'),
    [
      '---',
      'title: Week 2',
      'date: 2019-03-11',
      'slug: second',
      '---',
      '',
      'After [the launch]({{< ref "launch" >}}), [its chart]({{< relref "/posts/launch/index.md#plan" >}}),',
      '[this week]({{< ref "#talks" >}}) and [gone]({{< ref "nowhere.md" >}}).',
    ].join('\n'),
  );

  it("gives each post the old address its section's [permalinks] pattern made, and takes the site's name, host and time zone", () => {
    const result = readFrontMatter(hugo);
    expect(result.editions.map((e) => [e.title, e.redirectFrom])).toEqual([
      ['The Launch', ['/2019/03/the-launch/']],
      ['Week 2', ['/2019/03/second/']],
    ]);
    expect([result.names, result.oldSite, result.timeZone]).toEqual([
      ['Infra Weekly'],
      { hosts: ['infra.example.org'], prefix: '' },
      'Europe/Berlin',
    ]);
  });

  it('points ref and relref at the old address of the post they name; one that names no post keeps its text', () => {
    const result = readFrontMatter(hugo);
    const week = result.editions.find((e) => e.title === 'Week 2')!;
    expect(week.body.trim().split('\n')).toEqual([
      'After [the launch](/2019/03/the-launch/), [its chart](/2019/03/the-launch/#plan),',
      '[this week](#talks) and gone.',
    ]);
    expect(result.problems.map((p) => p.message)).toEqual([
      'the link "gone" led to {{< ref "nowhere.md" >}}, which could not be converted; its text is kept, without the link',
    ]);
  });

  it("links a page bundle's files by their path on the old site, so they are brought along from content/", () => {
    const result = readFrontMatter(hugo);
    expect(result.bundles).toBe(join(hugo, 'content'));
    expect(result.editions[0]!.body.trim()).toBe(
      'The plan: ![a chart](/posts/launch/chart%20one.png) and [the notes](/posts/launch/notes.pdf), [kept](elsewhere.png).',
    );
    const publicDir = join(site, 'hugo-public');
    const copied = copyAssets(result.editions[0]!.body, { file: 'index.md' }, join(hugo, 'static'), publicDir, {
      dryRun: false,
      urlOf: (path) => path,
      also: result.bundles,
    });
    expect(copied.problems).toEqual([]);
    expect(existsSync(join(publicDir, 'posts/launch/chart one.png'))).toBe(true);
    expect(existsSync(join(publicDir, 'posts/launch/notes.pdf'))).toBe(true);
  });
});

describe('a Ghost export', () => {
  it("reads __GHOST_URL__ as the site's own address, takes content/images beside it, and names a post with no html", () => {
    const folder = join(site, 'ghost');
    mkdirSync(join(folder, 'content/images/2024/05'), { recursive: true });
    writeFileSync(join(folder, 'content/images/2024/05/pic.jpg'), 'JPEG');
    const post = (id: string, slug: string, html: string | null, extra = {}) => ({
      id,
      title: slug,
      slug,
      html,
      status: 'published',
      published_at: '2024-05-18T09:00:00.000Z',
      ...extra,
    });
    writeFileSync(
      join(folder, 'export.json'),
      JSON.stringify({
        db: [
          {
            data: {
              posts: [
                post(
                  '1',
                  'first',
                  '<p><img src="__GHOST_URL__/content/images/2024/05/pic.jpg" alt="pic"> See <a href="__GHOST_URL__/second/">second</a>.</p>',
                ),
                post('2', 'second', null, { url: '__GHOST_URL__/second/' }),
                post('3', 'members', '<p>For members.</p>', { visibility: 'members' }),
              ],
            },
          },
        ],
      }),
    );
    const result = readGhost(join(folder, 'export.json'));
    expect(resolve(result.assets!)).toBe(folder);
    expect(result.editions[0]!.body.trim()).toBe('![pic](/content/images/2024/05/pic.jpg) See [second](/second/).');
    expect(result.editions[1]!.redirectFrom).toEqual(['/second/']);
    expect(result.problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'html: posts[1] ("second") has no html or plaintext (Ghost keeps some posts only in its editor\'s format); export again from a Ghost that fills in html, or paste the text into the edition',
      'visibility: "members": imported as public (the site has no members-only tier)',
    ]);
  });
});

describe('a Jekyll post with a singular category:', () => {
  it("puts it in the old address as Jekyll does, and among the post's tags", () => {
    const root = join(site, 'jekyll-category');
    mkdirSync(join(root, '_posts'), { recursive: true });
    writeFileSync(join(root, '_config.yml'), 'title: Digest\npermalink: pretty\n');
    writeFileSync(join(root, '_posts/2023-01-15-issue-2.md'), '---\ntitle: Issue 2\ncategory: tech\n---\n\nText.\n');
    const [post] = readFrontMatter(root).editions;
    expect(post!.redirectFrom).toEqual(['/tech/2023/01/15/issue-2/']);
    expect(post!.tags).toEqual(['tech']);
  });

  it("reads the posts of a category's own _posts folder, in that category, and a post linked from inside the site", () => {
    const root = join(site, 'jekyll-folders');
    mkdirSync(join(root, 'news/_posts'), { recursive: true });
    mkdirSync(join(root, '_posts'), { recursive: true });
    mkdirSync(join(root, 'shared'), { recursive: true });
    writeFileSync(join(root, '_config.yml'), 'title: Digest\npermalink: pretty\n');
    writeFileSync(join(root, 'news/_posts/2023-01-22-weekly.md'), '---\ntitle: Weekly\n---\n\nText.\n');
    writeFileSync(join(root, 'shared/2024-01-07-one.md'), '---\ntitle: One\n---\n\nShared.\n');
    symlinkSync(join(root, 'shared/2024-01-07-one.md'), join(root, '_posts/2024-01-07-one.md'));
    symlinkSync(join(site, 'secret.md'), join(root, '_posts/2024-01-08-secret.md'));
    const result = readFrontMatter(root);
    expect(result.editions.map((e) => [e.title, e.redirectFrom])).toEqual([
      ['One', ['/2024/01/07/one/']],
      ['Weekly', ['/news/2023/01/22/weekly/']],
    ]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'a link to a file outside the site being imported; copy the file in instead',
    ]);
  });
});

describe('footnotes', () => {
  it('become superscript numbers, in the order they are marked, with the notes numbered alike at the end', () => {
    const { body, count } = footnotesAsText(
      [
        'A claim.[^src] Another.[^1] Code `[^1]` stays.',
        '',
        '[^1]: The second note,',
        '    on two lines.',
        '[^src]: The first note.',
        '',
        '## Next',
        '',
        'Text.',
      ].join('\n'),
    );
    expect(count).toBe(2);
    expect(body.split('\n')).toEqual([
      'A claim.<sup>1</sup> Another.<sup>2</sup> Code `[^1]` stays.',
      '',
      '',
      '## Next',
      '',
      'Text.',
      '',
      '---',
      '',
      '<sup>1</sup> The first note.',
      '',
      '<sup>2</sup> The second note,',
      'on two lines.',
      '',
    ]);
  });

  it("turns Substack's footnote links into the numbers they show", () => {
    const { body } = footnotesAsText('Said so.[1](#footnote-1)\n\n[1](#footnote-anchor-1) Source: the thread.\n');
    expect(body).toBe('Said so.<sup>1</sup>\n\n<sup>1</sup> Source: the thread.\n');
  });
});

describe('a folder of plain Markdown', () => {
  it('links the files a post links beside itself from the folder root, so they are brought along; one outside is a warning', () => {
    const folder = join(site, 'plain');
    mkdirSync(join(folder, '2024/img'), { recursive: true });
    writeFileSync(join(folder, '2024/img/a.png'), 'PNG');
    writeFileSync(
      join(folder, '2024/2024-01-07-pics.md'),
      '# Pics\n\n![a](img/a.png) ![b](./img/missing.png) ![c](../../outside/x.png) [page](notes.md)\n',
    );
    const result = readMarkdown(folder);
    expect(result.assets).toBe(folder);
    expect(result.editions[0]!.body.trim()).toBe(
      '![a](/2024/img/a.png) ![b](/2024/img/missing.png) ![c](../../outside/x.png) [page](notes.md)',
    );
    expect(result.problems.map((p) => p.message)).toEqual([
      `../../outside/x.png leads outside ${folder}; not brought along`,
    ]);
  });
});
