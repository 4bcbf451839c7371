/** How discussion figures read: "Hacker News · 228 points · 85 comments". */

function count(n: number, one: string, many: string, lang: string): string {
  return `${n.toLocaleString(lang)} ${n === 1 ? one : many}`;
}

/** The figures alone: "228 points · 85 comments" (empty when there are none). */
export function figuresText(
  figures: { points: number | null; comments: number | null } | undefined,
  lang = 'en-US',
): string {
  const parts: string[] = [];
  if (figures?.points != null) parts.push(count(figures.points, 'point', 'points', lang));
  if (figures?.comments != null) parts.push(count(figures.comments, 'comment', 'comments', lang));
  return parts.join(' · ');
}

/** The forum and its figures: "Hacker News · 228 points · 85 comments". */
export function figuresLabel(
  forum: string,
  figures: { points: number | null; comments: number | null } | undefined,
  lang = 'en-US',
): string {
  const text = figuresText(figures, lang);
  return text ? `${forum} · ${text}` : `${forum} discussion`;
}
