import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { page, textOf } from '../support/html.ts';
import { distOf, ROOT, SITES } from './sites.ts';

const $ = page(distOf(SITES.content), '/editions/2/');
const seed = readFileSync(join(ROOT, 'tests/fixtures/seed-edition-2.txt'), 'utf8');
const hn = (id: number) => `https://news.ycombinator.com/item?id=${id}`;

describe('Edition 2 as published from content/', () => {
  it('contains every line of the seed text word for word', () => {
    const text = textOf($, 'body');
    const missing = seed
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line && !text.includes(line));
    expect(missing).toEqual([]);
  });

  it('has the five stories, each with an id and a permalink', () => {
    const ids = $('section.story')
      .map((_, s) => $(s).attr('aria-labelledby'))
      .get();
    expect(ids).toEqual(['nomad', 'attention-guide', 'openai-signals', 'flash-moe', 'coding-tools-divide']);
    for (const id of ids) expect($(`h2#${id}`).parent().find(`a.anchor[href="#${id}"]`).length, id).toBe(1);
  });

  it.each([
    ['nomad', hn(47476821), 'Hacker News · 197 points'],
    ['attention-guide', hn(47476597), 'Hacker News'],
    ['attention-guide', hn(47388676), 'Hacker News'],
    ['openai-signals', hn(47478222), 'Hacker News · 5 points'],
    ['openai-signals', hn(47477933), 'Hacker News · 18 points'],
    ['flash-moe', hn(47476422), 'Hacker News · 228 points · 85 comments'],
    ['coding-tools-divide', hn(47475859), 'Hacker News · 66 points · 104 comments'],
  ])('links the %s thread %s and labels it "%s"', (section, url, label) => {
    const story = $(`section.story[aria-labelledby="${section}"]`);
    expect(story.find(`a.discussion[href="${url}"]`).attr('title')).toBe(
      label === 'Hacker News' ? 'Hacker News discussion' : label,
    );
    const item = story.find(`.threads a[href="${url}"]`).parent();
    expect(item.text().replace(/\s+/g, ' ')).toContain(label);
  });

  it('links every article from the sources', () => {
    for (const url of [
      'https://www.projectnomad.us',
      'https://github.com/Crosstalk-Solutions/project-nomad',
      'https://magazine.sebastianraschka.com/p/visual-attention-variants',
      'https://www.reuters.com/business/media-telecom/openai-expand-ads-chatgpt-all-free-low-cost-users-information-reports-2026-03-21/',
      'https://www.thestreet.com/retail/walmart-fires-openai-in-playbook-changing-move',
      'https://github.com/danveloper/flash-moe',
      'https://github.com/matt-k-wong/mlx-flash',
    ]) {
      expect($(`main a[href="${url}"]`).length, url).toBeGreaterThan(0);
    }
  });

  it('links every named commenter to their profile as an attribution', () => {
    const names =
      'Lapra waynerisner cstaszak mkw Roxxik daemonologist spwa4 zozbot234 OJFord stri8ted maccard phromo wrs K0balt jmalicki plagiarist ngburke rsynnott';
    for (const name of names.split(' ')) {
      const link = $(`a.commenter[href="https://news.ycombinator.com/user?id=${name}"]`);
      expect(link.first().text(), name).toBe(name);
    }
  });

  it('shows the date and time in the site time zone as a <time>', () => {
    const time = $('.edition-meta time');
    expect(time.attr('datetime')).toBe('2026-03-22T12:14:00-04:00');
    expect(time.text()).toBe('March 22, 2026, 12:14 PM');
  });
});
