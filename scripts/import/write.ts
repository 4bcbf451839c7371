/**
 * Turning a numbered edition into a file: its front matter (serialised by the
 * `yaml` package, so quoting is always valid), its file name, and a write
 * that is atomic and never replaces a file that is already there.
 */
import { linkSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { slug as githubSlug } from 'github-slugger';
import { Document, isSeq } from 'yaml';
import type { NumberedEdition } from './numbering.ts';
import { renderBody, splitSections } from './project.ts';

/** A GitHub-style slug kept to ASCII letters, digits and hyphens, at most 60 characters; '' when nothing is left. */
export function asciiSlug(text: string): string {
  const ascii = githubSlug(text.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  if (ascii.length <= 60) return ascii;
  const cut = ascii.slice(0, 61);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : 60).replace(/-$/, '');
}

/**
 * `YYYY-MM-DD-<slug>.md`: the source's slug, else the title's, else
 * `edition-<n>` (a CJK title, for one) when the source gave the number. A
 * number the importer gave by date order may be another one when the import
 * runs again, so such an edition is named from its source file instead
 * (else `edition`): the same on every run, so a second run finds the file
 * the first wrote instead of writing the edition again.
 */
export function editionFileName(e: NumberedEdition): string {
  // Jekyll's slugs and titles often start with the date the name already has: write it once.
  const undated = (text: string | undefined) => asciiSlug(text ?? '').replace(/^(\d{4}-\d{2}-\d{2}(-|$))+/, '');
  const fallback = e.numberFrom === 'date order' ? undated(e.stem) || 'edition' : `edition-${e.edition}`;
  const slug = undated(e.slug) || undated(e.title) || fallback;
  return `${e.isoDate.slice(0, 10)}-${slug}.md`;
}

/**
 * The file name of each edition of one import, in order: `editionFileName`,
 * with `-2`, `-3`… after a name an earlier edition of the same import took
 * (two posts of one day with the same title, or two CJK titles), so that
 * each is written and, on a second run, found again under the same name.
 */
export function editionFileNames(editions: readonly NumberedEdition[]): Map<NumberedEdition, string> {
  const names = new Map<NumberedEdition, string>();
  const taken = new Set<string>();
  for (const e of editions) {
    const name = editionFileName(e);
    let unique = name;
    for (let k = 2; taken.has(unique); k++) unique = name.replace(/\.md$/, `-${k}.md`);
    taken.add(unique);
    names.set(e, unique);
  }
  return names;
}

/** The ids of the body's `##` sections, as the site will give them. */
export function sectionIds(body: string, lang: string): string[] {
  const { tree } = renderBody(body, { figures: new Map(), lang });
  return [...new Set(splitSections(tree).sections.map((s) => s.id))].filter(Boolean);
}

/** The edition file's text: front matter, a blank line, the body. */
export function editionText(
  e: NumberedEdition,
  body: string,
  topics: readonly string[],
  ids: readonly string[],
): string {
  const data: Record<string, unknown> = { edition: e.edition, date: e.isoDate };
  if (e.title?.trim()) data['title'] = e.title.trim();
  if (e.description?.trim()) data['description'] = e.description.trim().replace(/\s+/g, ' ');
  if (e.draft) data['draft'] = true;
  if (e.redirectFrom?.length) data['redirect_from'] = [...e.redirectFrom];
  if (topics.length && ids.length)
    data['sections'] = Object.fromEntries(ids.map((id) => [id, { topics: [...topics] }]));
  const doc = new Document(data);
  const old = doc.get('redirect_from', true);
  if (isSeq(old)) old.flow = true;
  for (const id of ids) {
    const node = doc.getIn(['sections', id, 'topics'], true);
    if (isSeq(node)) node.flow = true;
  }
  return `---\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n\n${body}`;
}

/**
 * Writes a file atomically without ever replacing one: the text goes to a
 * hidden temporary file, which is then hard-linked to its name (failing with
 * EEXIST when the name is taken). Returns false when the name was taken.
 */
export function writeNew(path: string, text: string): boolean {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    // A file system without hard links: an exclusive create is still never an overwrite.
    try {
      writeFileSync(path, text, { flag: 'wx' });
      return true;
    } catch (inner) {
      if ((inner as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw inner;
    }
  } finally {
    unlinkSync(temp);
  }
}
