import type { Element } from 'hast';
import type { VFile } from 'vfile';
import { createPaths } from '../site/urls.ts';

/** The attributes that hold a URL of this site in an edition body. */
const URL_ATTRIBUTES = ['href', 'src', 'poster'];

/**
 * A link or file of the site written from the site root (`/editions/6/`,
 * `/img/chart.png`) as the URL the site serves it at, under the base path
 * (`/newsletter/editions/6/`), so an edition's links keep working whatever
 * folder the site is deployed to. One already under the base path, and
 * `//host/…`, are left as written.
 */
export const basePathStep = (file: VFile) => {
  const base = file.data.base ?? '/';
  const asset = createPaths(base).asset;
  const under = base.replace(/\/$/, '');
  return (node: Element) => {
    if (!under) return;
    for (const attribute of URL_ATTRIBUTES) {
      const value = node.properties[attribute];
      if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//')) continue;
      if (value === under || value.startsWith(`${under}/`)) continue;
      node.properties[attribute] = asset(value);
    }
  };
};
