import { describe, expect, it } from 'vitest';
import { hasPage, page } from '../support/html.ts';
import { distOf, SITES } from './sites.ts';

const dist = distOf(SITES.fixture);

describe('topics', () => {
  it('lists every topic a published section names, with its count and last coverage', () => {
    const $ = page(dist, '/topics/');
    const rows = $('.topic-list > li')
      .map((_, li) => [[$(li).find('a').attr('href'), $(li).find('a').text(), $(li).find('.topic-meta').text()]])
      .get();
    expect(rows).toEqual([
      ['/topics/flash-moe/', 'Flash-MoE', '3 sections, last covered in Edition 4, January 19, 2026'],
      ['/topics/small-models/', 'Small Models', '1 section, last covered in Edition 1, December 29, 2025'],
    ]);
    expect($('.topic-description').first().text()).toBe('SSD-streamed MoE inference.');
  });

  it('gives each topic a timeline in date order whose links land on real section anchors', () => {
    const $ = page(dist, '/topics/flash-moe/');
    const links = $('.timeline-title a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(['/editions/1/#small-models', '/editions/3/#late-night', '/editions/4/#coding-tools']);
    for (const link of links) {
      const [path, id] = link.split('#');
      expect(page(dist, path!)(`#${id}`).length, link).toBe(1);
    }
    expect($('.timeline > li').first().find('.timeline-meta').text()).toBe('Edition 1, December 29, 2025');
    expect($('.timeline > li').last().text()).toContain('Hacker News · 1 point · 1 comment');
    expect($('.timeline > li').first().text()).toContain('A Lobsters thread compares them');
  });

  it('links a section to the previous section on its topic and to the topic page', () => {
    const section = page(dist, '/editions/4/')('section[aria-labelledby="coding-tools"] .section-topics');
    expect(section.find('a.topic-link').attr('href')).toBe('/topics/flash-moe/');
    expect(section.find('.previously a').attr('href')).toBe('/editions/3/#late-night');
    expect(section.find('.previously').text().replace(/\s+/g, ' ')).toBe('Previously: Edition 3 — Late night');
    const first = page(dist, '/editions/1/')('section[aria-labelledby="small-models"] .section-topics');
    expect(first.find('.previously').length).toBe(0);
  });

  it('takes nothing from drafts', () => {
    expect(hasPage(dist, '/topics/draft-only/')).toBe(false);
    expect(page(dist, '/topics/flash-moe/').html()).not.toContain('/editions/5/');
  });
});
