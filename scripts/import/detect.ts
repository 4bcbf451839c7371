/**
 * `--from auto`: recognises an archive's format from what its files look
 * like, and says why, so a wrong guess is easy to spot and override.
 */
import { existsSync, statSync } from 'node:fs';
import { listFiles, MARKDOWN_EXTENSIONS, readText } from './files.ts';
import { looksLikeFrontMatter } from './front-matter-header.ts';
import { ghostData, ghostFile } from './ghost.ts';
import { looksLikePelican } from './pelican.ts';
import { substackCsv } from './substack.ts';
import type { Format } from './types.ts';

/** The format chosen and the reason, or why none could be chosen. */
export type Detection = { format: Format; reason: string } | { format?: undefined; reason: string };

/** Recognises the format of a source folder or export file. */
export function detectFormat(source: string): Detection {
  if (!existsSync(source)) return { reason: `${source}: no such file or folder` };
  if (/\.zip$/i.test(source)) return { reason: `${source} is a zip file; unzip the export first and give its folder` };
  if (substackCsv(source)) return { format: 'substack', reason: 'found posts.csv (a Substack export)' };
  const json = ghostFile(source);
  if (json) {
    let data: unknown;
    try {
      data = JSON.parse(readText(json) ?? '');
    } catch {
      data = undefined;
    }
    if (ghostData(data)) return { format: 'ghost', reason: `${json} is a Ghost export (db[0].data.posts)` };
    if (!statSync(source).isDirectory() || listFiles(source, MARKDOWN_EXTENSIONS).length === 0) {
      return { reason: `${json} is not a Ghost export; expected { "db": [ { "data": { "posts": [ … ] } } ] }` };
    }
  }
  if (!statSync(source).isDirectory()) {
    return { reason: `${source}: expected a folder of Markdown files, a Substack posts.csv or a Ghost .json export` };
  }
  const counts = { 'front-matter': 0, pelican: 0, markdown: 0 };
  const files = listFiles(source, [...MARKDOWN_EXTENSIONS, '.rst']);
  for (const file of files) {
    const text = readText(file) ?? '';
    if (file.endsWith('.rst')) counts.pelican++;
    else if (looksLikeFrontMatter(text)) counts['front-matter']++;
    else if (looksLikePelican(text)) counts.pelican++;
    else counts.markdown++;
  }
  if (files.length === 0) return { reason: `${source}: no Markdown files found (.md, .markdown)` };
  const [format, count] = (Object.entries(counts) as [Format, number][]).sort((a, b) => b[1] - a[1])[0]!;
  const what = {
    'front-matter': 'start with "---" or "+++" front matter',
    pelican: 'start with "Key: value" header lines',
    markdown: 'have no header',
  }[format as 'front-matter' | 'pelican' | 'markdown'];
  return { format, reason: `${count} of ${files.length} files ${what}` };
}
