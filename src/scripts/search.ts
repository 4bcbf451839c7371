/**
 * The search page's only script (the site's only client JavaScript): loads
 * Pagefind when the search page opens and lists matching *sections*, each
 * linking to `/editions/<n>/#<section>`. Without JavaScript the page is the
 * archive. Its status lines come from the page (`data-strings` on the form),
 * in the site's language: the script has no words of its own.
 */

interface SubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results?: SubResult[];
}
interface Pagefind {
  options(options: { baseUrl: string }): Promise<void>;
  mergeIndex(path: string, options: { baseUrl: string }): Promise<void>;
  search(query: string): Promise<{ results: { data(): Promise<ResultData> }[] }>;
}

/** The status lines the page hands over: templates with `{n}` and `{query}`, plural forms by CLDR category. */
interface StatusStrings {
  lang: string;
  searching: string;
  searchMatches: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
  searchNone: string;
}

const MAX_PAGES = 10;
const form = document.querySelector<HTMLFormElement>('#search-form');
const input = document.querySelector<HTMLInputElement>('#search-input');
const statusLine = document.querySelector<HTMLElement>('#search-status');
const list = document.querySelector<HTMLOListElement>('#search-results');
const fallback = document.querySelector<HTMLElement>('#search-fallback');
let pagefind: Promise<Pagefind> | undefined;
const strings = JSON.parse(form?.dataset['strings'] ?? '{}') as StatusStrings;

/** A template with `{n}` and `{query}` filled. */
function fill(template: string, values: { n?: number; query: string }): string {
  const n = values.n === undefined ? '' : values.n.toLocaleString(strings.lang);
  return template.replace(/\{n\}/g, n).replace(/\{query\}/g, () => values.query);
}

/** The status line for `count` results. */
function statusFor(count: number, query: string): string {
  if (count === 0) return fill(strings.searchNone, { query });
  const forms = strings.searchMatches;
  return fill(forms[new Intl.PluralRules(strings.lang).select(count)] ?? forms.other, { n: count, query });
}

/**
 * The parts of the index besides the main bundle (`src/render/search-parts.ts`),
 * as folders relative to Pagefind's: none on a site of up to 250 editions.
 */
async function partsOf(script: string): Promise<string[]> {
  const response = await fetch(new URL('parts.json', new URL(script, location.href)));
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  return (await response.json()) as string[];
}

function load(): Promise<Pagefind> {
  const base = form?.dataset['base'] ?? '/';
  const script = form?.dataset['pagefind'] ?? `${base}pagefind/pagefind.js`;
  pagefind ??= Promise.all([import(/* @vite-ignore */ script) as Promise<Pagefind>, partsOf(script)]).then(
    async ([module, parts]) => {
      await module.options({ baseUrl: base });
      const folder = new URL('.', new URL(script, location.href)).pathname;
      await Promise.all(parts.map((part) => module.mergeIndex(`${folder}${part}`, { baseUrl: base })));
      return module;
    },
  );
  return pagefind;
}

function resultItem(page: ResultData, section: SubResult): HTMLLIElement {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = section.url;
  link.textContent = section.title;
  const where = document.createElement('p');
  where.className = 'search-where';
  where.textContent = page.meta['title'] ?? '';
  const excerpt = document.createElement('p');
  excerpt.className = 'search-excerpt';
  // Pagefind's excerpts are escaped text with <mark> around the matches.
  excerpt.innerHTML = section.excerpt;
  item.append(link, where, excerpt);
  return item;
}

async function run(query: string): Promise<void> {
  if (!statusLine || !list) return;
  list.replaceChildren();
  if (!query.trim()) {
    statusLine.textContent = '';
    if (fallback) fallback.hidden = false;
    return;
  }
  statusLine.textContent = strings.searching;
  const search = await (await load()).search(query);
  const pages = await Promise.all(search.results.slice(0, MAX_PAGES).map((r) => r.data()));
  const items = pages.flatMap((page) =>
    (page.sub_results?.length
      ? page.sub_results
      : [{ title: page.meta['title'] ?? page.url, url: page.url, excerpt: page.excerpt }]
    ).map((section) => resultItem(page, section)),
  );
  list.replaceChildren(...items);
  if (fallback) fallback.hidden = items.length > 0;
  statusLine.textContent = statusFor(items.length, query);
}

form?.addEventListener('submit', (event) => {
  event.preventDefault();
  const query = input?.value ?? '';
  const url = new URL(location.href);
  url.searchParams.set('q', query);
  history.replaceState(null, '', url);
  void run(query);
});

const initial = new URLSearchParams(location.search).get('q');
if (input && initial) {
  input.value = initial;
  void run(initial);
}

export {};
