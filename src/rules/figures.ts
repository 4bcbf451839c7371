/** How discussion figures read: "Hacker News · 228 points · 85 comments", in the site's language. */
import { sayFor } from '../i18n/say.ts';

/** The figures alone: "228 points · 85 comments" (empty when there are none). */
export function figuresText(
  figures: { points: number | null; comments: number | null } | undefined,
  lang = 'en-US',
): string {
  const say = sayFor(lang);
  const parts: string[] = [];
  if (figures?.points != null) parts.push(say.count('points', figures.points));
  if (figures?.comments != null) parts.push(say.count('comments', figures.comments));
  return parts.join(' · ');
}

/** The forum and its figures: "Hacker News · 228 points · 85 comments". */
export function figuresLabel(
  forum: string,
  figures: { points: number | null; comments: number | null } | undefined,
  lang = 'en-US',
): string {
  const text = figuresText(figures, lang);
  return text ? `${forum} · ${text}` : sayFor(lang)('forumDiscussion', { forum });
}
