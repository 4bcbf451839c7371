/**
 * The site a folder of posts belongs to: a Jekyll site has `_config.yml`, a
 * Hugo site `hugo.toml` or `config.toml` beside `content/`. The importer
 * looks there for what posts lean on (includes, data, settings, images),
 * and never reads outside it: every path a record names is resolved and
 * must stay inside the site root, or inside the folder given when there is
 * no site.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { readText } from './files.ts';
import { MAX_YAML_ALIASES } from './project.ts';

/** The site a source folder sits in. */
export interface SiteRoot {
  kind: 'jekyll' | 'hugo';
  /** The site's folder, resolved. */
  root: string;
}

const JEKYLL_CONFIG = ['_config.yml', '_config.yaml'];
const HUGO_CONFIG = ['hugo.toml', 'hugo.yaml', 'config.toml', 'config.yaml'];

/** How far above the source a site's settings are looked for (`site/_posts/2024/` is three levels down). */
const LEVELS_UP = 3;

/** The Jekyll or Hugo site that holds `source` (the folder itself or one up to three above it), if any. */
export function findSiteRoot(source: string): SiteRoot | undefined {
  let dir = resolve(source);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (let level = 0; level <= LEVELS_UP; level++) {
    if (JEKYLL_CONFIG.some((name) => existsSync(join(dir, name)))) return { kind: 'jekyll', root: dir };
    if (HUGO_CONFIG.some((name) => existsSync(join(dir, name))) && existsSync(join(dir, 'content')))
      return { kind: 'hugo', root: dir };
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
  return undefined;
}

/** Folders of a Jekyll site no posts are in: its output, its dependencies, its templates. */
const NOT_POSTS = new Set(['_site', 'node_modules', 'vendor', '_includes', '_layouts', '_data', '_sass', '_plugins']);

/**
 * A Jekyll site's post folders: `_posts/` and `_drafts/`, and those in its
 * other folders (`news/_posts/`, whose posts are in the category `news`),
 * looked for a few levels down.
 */
function jekyllPostFolders(dir: string, depth = 0): string[] {
  if (depth > 3) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !NOT_POSTS.has(entry.name))
    .flatMap((entry) =>
      entry.name === '_posts' || entry.name === '_drafts'
        ? [join(dir, entry.name)]
        : jekyllPostFolders(join(dir, entry.name), depth + 1),
    );
}

/** The folders to import when `source` is a whole site's root: its posts, never its README or pages. */
export function postFolders(source: string, site: SiteRoot | undefined): string[] {
  if (!site || resolve(source) !== site.root) return [source];
  if (site.kind === 'jekyll') return jekyllPostFolders(source).sort();
  return [join(source, 'content')].filter((dir) => existsSync(dir));
}

/** Jekyll's categories from a post's folders: those above its `_posts/` (`news/_posts/x.md` → `news`). */
export function jekyllPathCategories(file: string, site: SiteRoot): string[] {
  const parts = relative(site.root, resolve(file)).split(sep);
  const at = parts.findIndex((part) => part === '_posts' || part === '_drafts');
  return at > 0 ? parts.slice(0, at) : [];
}

/**
 * `path` resolved inside `root`, following symbolic links, or undefined when
 * it would leave it (`../../etc/passwd`, an absolute path, a link outward).
 */
export function inside(root: string, path: string): string | undefined {
  const full = resolve(root, path);
  const base = realOrSelf(root);
  const real = realOrSelf(full);
  const within = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : `${r}${sep}`);
  return within(full, resolve(root)) && within(real, base) ? full : undefined;
}

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    // Not there (yet): its nearest existing parent decides.
    const up = dirname(path);
    return up === path ? path : join(realOrSelf(up), relative(up, path));
  }
}

/** Text files the site's own YAML and JSON (settings, `_data/`) may take: small ones only. */
const MAX_DATA_BYTES = 2 * 1024 * 1024;

/** A site's YAML or JSON data file as plain data; an unreadable, oversize or alias-heavy file is left out. */
export function readDataFile(file: string): unknown {
  try {
    if (statSync(file).size > MAX_DATA_BYTES) return undefined;
    const text = readText(file);
    if (text === null) return undefined;
    const ext = extname(file);
    if (ext === '.json') return JSON.parse(text);
    if (ext === '.toml') return parseToml(text);
    return parseYaml(text, { maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    return undefined;
  }
}

/** A Hugo site's settings file (`hugo.toml`, `config.yaml` …) as data, and the file; empty when it cannot be read. */
export function hugoSettings(root: string): { settings: Record<string, unknown>; file?: string } {
  const file = HUGO_CONFIG.map((name) => join(root, name)).find((path) => existsSync(path));
  const settings = file ? readDataFile(file) : undefined;
  return {
    settings:
      settings && typeof settings === 'object' && !Array.isArray(settings) ? (settings as Record<string, unknown>) : {},
    ...(file ? { file } : {}),
  };
}

/** Jekyll's `site` variable: `_config.yml` with `site.data` built from `_data/` (folders become nested keys). */
export function jekyllSiteVariable(root: string): Record<string, unknown> {
  const config = JEKYLL_CONFIG.map((name) => join(root, name)).find((file) => existsSync(file));
  const settings = config ? readDataFile(config) : undefined;
  const site: Record<string, unknown> =
    settings && typeof settings === 'object' && !Array.isArray(settings) ? { ...settings } : {};
  site['data'] = dataFolder(join(root, '_data'), 0);
  return site;
}

function dataFolder(dir: string, depth: number): Record<string, unknown> {
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (depth > 8 || !existsSync(dir)) return data;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) data[entry.name] = dataFolder(path, depth + 1);
    else if (entry.isFile() && /\.(ya?ml|json)$/i.test(entry.name))
      data[entry.name.replace(/\.[^.]+$/, '')] = readDataFile(path);
  }
  return data;
}
