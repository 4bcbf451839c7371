/**
 * Jekyll's Liquid, run as Jekyll runs it before a post is converted: the
 * site's `_includes/`, `_data/` and `_config.yml` variables, comments gone,
 * includes and assigns expanded. Bounded (time, memory, template size), and
 * confined to `_includes/` inside the site. A tag the engine cannot render
 * (a plugin's tag, a missing include) is left out and counted, so no Liquid
 * ever reaches a reader (a link to one keeps its text, `left-out.ts`); code
 * keeps its own braces.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Liquid, type FS } from 'liquidjs';
import { shieldCode } from './code-spans.ts';
import { leftOutTags, type LeftOut } from './left-out.ts';
import { inside, jekyllSiteVariable } from './site-root.ts';

/** A post's body with its Liquid rendered, and the tags that could not be. */
export interface Rendered {
  body: string;
  leftOut: LeftOut;
}

/** Renders one post's body; `page` is its front matter, `file` its path (for `{% include_relative %}`). */
export type LiquidRenderer = (body: string, page: Record<string, unknown>, file?: string) => Rendered;

const MAX_INCLUDE_BYTES = 512 * 1024;
const LIMITS = { parseLimit: 4 * 1024 * 1024, renderLimit: 2000, memoryLimit: 32 * 1024 * 1024 };
const MAX_ATTEMPTS = 25;
const RAW_TAG = /\{%-?\s*(?:raw|endraw)\s*-?%\}/g;
const TAG = /\{%-?\s*(#|[A-Za-z_]\w*)[^]*?%\}/g;
const ANY_LIQUID = /\{%-?\s*comment\s*-?%\}[^]*?\{%-?\s*endcomment\s*-?%\}|\{%[^]*?%\}|\{\{[^]*?\}\}/g;

/** A file system for liquidjs that reads only small files inside `includes`, following links no further. */
function confinedFs(includes: string): FS {
  const ok = (file: string) => {
    const path = inside(includes, file);
    return (
      path !== undefined && existsSync(path) && statSync(path).isFile() && statSync(path).size <= MAX_INCLUDE_BYTES
    );
  };
  const read = (file: string) => {
    if (!ok(file)) throw new Error(`${file}: not an include of this site`);
    return readFileSync(file, 'utf8');
  };
  return {
    exists: async (file) => ok(file),
    existsSync: ok,
    readFile: async (file) => read(file),
    readFileSync: read,
    resolve: (dir, file, ext) => resolve(dir, file + ext),
    containsSync: (root, file) => inside(root, file) !== undefined,
    contains: async (root, file) => inside(root, file) !== undefined,
    dirname,
    sep: '/',
  };
}

/** A file Jekyll copies as it is, which `{% link %}` may name: anything but a page or a post. */
const PAGE = /\.(?:md|markdown|mkd|mkdn|html?|liquid|textile)$/i;

/** A tag's one argument, a path, with quotes Jekyll allows around it dropped. */
const pathArgument = (args: string) => args.trim().replace(/^(["'])(.*)\1$/, '$2');

/** A small text file inside `folder`, or an error that leaves the tag out. */
function readInside(folder: string, path: string): string {
  const full = inside(folder, path);
  if (full === undefined || !existsSync(full) || !statSync(full).isFile() || statSync(full).size > MAX_INCLUDE_BYTES)
    throw new Error(`${path}: not a file of this site`);
  return readFileSync(full, 'utf8');
}

/** `{% highlight rust %}…{% endhighlight %}` as the fenced code block it is. */
function highlightToFences(body: string): string {
  return body.replace(
    /\{%-?\s*highlight\s+([\w+#.-]*)[^%]*%\}\n?([^]*?)\n?\{%-?\s*endhighlight\s*-?%\}/g,
    (_, lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``,
  );
}

/**
 * The renderer for a Jekyll site's posts. `postUrl` gives the old address
 * of a post by its file name (`2018-06-08-welcome`), for `{% post_url %}`:
 * the link then points where every link to that post points, and is
 * rewritten to its new page with them.
 */
export function jekyllRenderer(
  root: string,
  postUrl: (name: string) => string | undefined = () => undefined,
): LiquidRenderer {
  const includes = join(root, '_includes');
  const engine = new Liquid({
    root: [includes],
    partials: [includes],
    extname: '',
    jekyllInclude: true,
    // Jekyll names includes unquoted (`{% include references.md %}`), which liquidjs reads as a static name.
    dynamicPartials: false,
    fs: confinedFs(includes),
    ...LIMITS,
  });
  engine.registerTag('post_url', {
    parse(token) {
      this['post'] = token.args.trim();
    },
    render() {
      const url = postUrl(String(this['post']));
      if (url === undefined) throw new Error(`no post ${String(this['post'])}`);
      return url;
    },
  });
  // `{% link _posts/2018-06-08-welcome.md %}`: a post's old address, as `post_url` gives it; a file's
  // own path (copied along with the edition's other files). A page of the old site is not brought along.
  engine.registerTag('link', {
    parse(token) {
      this['path'] = pathArgument(token.args).replace(/^\/+/, '');
    },
    render() {
      const path = String(this['path']);
      const post = /(?:^|\/)_posts\/(.+)\.[^./]+$/.exec(path);
      const file = PAGE.test(path) ? undefined : inside(root, path);
      const url = post ? postUrl(post[1]!) : file && existsSync(file) ? `/${path}` : undefined;
      if (url === undefined) throw new Error(`no post or file ${path}`);
      return url;
    },
  });
  // `{% include_relative notes.md %}`: a file beside the post (never above it, as in Jekyll), rendered in place.
  let post: string | undefined;
  engine.registerTag('include_relative', {
    parse(token) {
      this['path'] = pathArgument(token.args.split(/\s+(?=\w+=)/)[0] ?? '');
    },
    render(ctx) {
      if (post === undefined) throw new Error('include_relative outside a post');
      const text = readInside(dirname(post), String(this['path']));
      return engine.parseAndRenderSync(text, ctx.getAll() as Record<string, unknown>);
    },
  });
  const site = jekyllSiteVariable(root);
  const known = (name: string) => name in engine.tags || /^(?:end\w+|else|elsif|when)$/.test(name);
  return (body, page, file) => {
    post = file;
    const shielded = shieldCode(highlightToFences(body), (code) => code.replace(RAW_TAG, ''));
    const tags = leftOutTags();
    const leave = (text: string, at: number, source: string) =>
      tags.leave(shielded.restore(text), shielded.restore(source.slice(0, at)).split('\n').length);
    const done = (text: string) => tags.finish(shielded.restore(text));
    // Tags no engine knows (a plugin's) are taken out first, so the rest can render.
    let source = shielded.text.replace(TAG, (tag: string, name: string, at: number, whole: string) =>
      known(name) ? tag : leave(tag, at, whole),
    );
    for (let attempt = 0; ; attempt++) {
      try {
        return done(engine.parseAndRenderSync(source, { site, page }));
      } catch (error) {
        const token = (error as { token?: { input?: string; begin?: number; end?: number } }).token;
        const found = token?.input === source && token.begin !== undefined && token.end! > token.begin;
        if (found && attempt < MAX_ATTEMPTS) {
          const mark = leave(source.slice(token.begin, token.end), token.begin!, source);
          source = source.slice(0, token.begin) + mark + source.slice(token.end);
          continue;
        }
        // Past repair (an error inside an include, a runaway loop): every tag is left out, the text kept.
        const all = source;
        return done(all.replace(ANY_LIQUID, (tag: string, at: number) => leave(tag, at, all)));
      }
    }
  };
}
