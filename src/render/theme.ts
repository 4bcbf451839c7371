/**
 * The newsletter's colours as a small stylesheet (`/theme.css`), linked
 * from every page: the Content-Security-Policy allows no inline style, so
 * settings reach CSS as custom properties in a file of their own.
 */
import type { SiteSettings } from '../schemas/site.ts';

/** `:root` custom properties for the accent colour, light and dark. */
export function themeCss(site: Pick<SiteSettings, 'accent'>): string {
  return `/* From the settings (accent); see src/styles/global.css for the rest. */
:root {
  --link: ${site.accent.light};
}

@media (prefers-color-scheme: dark) {
  :root {
    --link: ${site.accent.dark};
  }
}

@media print {
  :root {
    --link: #000;
  }
}
`;
}
