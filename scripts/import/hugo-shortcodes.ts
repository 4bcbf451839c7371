/**
 * Hugo's shortcodes (`{{< youtube id >}}`, `{{% note %}}…{{% /note %}}`):
 * an embed with a known source becomes a link to it, `highlight` becomes a
 * fenced code block, and any other shortcode is left out (its inner text
 * kept) and counted, so none reaches a reader (a link to one keeps its text,
 * `left-out.ts`). Code keeps its braces.
 */
import { shieldCode } from './code-spans.ts';
import { leftOutTags, type LeftOut } from './left-out.ts';

const SHORTCODE = /\{\{([<%])\s*(\/?)\s*([\w.-]+)((?:[^>%]|[>%](?!\}\}))*?)\s*[>%]\}\}/g;

/** A shortcode's arguments: positional ones in order, named ones by name. */
function argumentsOf(text: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const m of text.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|`([^`]*)`|([^\s"'`]+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? m[5] ?? '';
    if (m[1]) named[m[1]] = value;
    else positional.push(value);
  }
  return { positional, named };
}

/** The link a known embed shortcode stands for. */
function embedLink(name: string, args: ReturnType<typeof argumentsOf>): string | undefined {
  const { positional: p, named: n } = args;
  const id = n['id'] ?? p[0];
  const enc = encodeURIComponent;
  switch (name) {
    case 'youtube':
      return id && `<https://www.youtube.com/watch?v=${enc(id)}>`;
    case 'vimeo':
      return id && `<https://vimeo.com/${enc(id)}>`;
    case 'tweet':
    case 'x': {
      const user = n['user'] ?? (p.length > 1 ? p[0] : undefined);
      const status = n['id'] ?? p.at(-1);
      return user && status ? `<https://x.com/${enc(user)}/status/${enc(status)}>` : undefined;
    }
    case 'gist': {
      const [user, gist] = [n['user'] ?? p[0], n['id'] ?? p[1]];
      return user && gist ? `<https://gist.github.com/${enc(user)}/${enc(gist)}>` : undefined;
    }
    case 'instagram':
      return id && `<https://www.instagram.com/p/${enc(id)}/>`;
    case 'figure': {
      const src = n['src'];
      return src && `![${(n['alt'] ?? n['caption'] ?? n['title'] ?? '').replace(/[[\]]/g, '')}](${src})`;
    }
    default:
      return undefined;
  }
}

/**
 * A body with its shortcodes converted or left out, and what was left out.
 * `ref` gives the address `{{< ref "…" >}}` and `relref` name (`hugo-refs.ts`).
 */
export function fromHugoShortcodes(
  body: string,
  ref?: (target: string) => string | undefined,
): { body: string; leftOut: LeftOut } {
  const highlighted = body.replace(
    /\{\{[<%]\s*highlight\s+([\w+#.-]*)[^}]*\}\}\n?([^]*?)\n?\{\{[<%]\s*\/\s*highlight\s*[>%]\}\}/g,
    (_, lang: string, code: string) => `\`\`\`${lang}\n${code}\n\`\`\``,
  );
  const shielded = shieldCode(highlighted);
  const tags = leftOutTags();
  const text = shielded.text.replace(
    SHORTCODE,
    (tag: string, _kind: string, closing: string, name: string, rest: string, at: number, whole: string) => {
      const args = argumentsOf(rest);
      const target = args.named['path'] ?? args.positional[0];
      const link = closing
        ? undefined
        : name === 'ref' || name === 'relref'
          ? target && ref?.(target)
          : embedLink(name, args);
      return link ?? tags.leave(tag, shielded.restore(whole.slice(0, at)).split('\n').length);
    },
  );
  return tags.finish(shielded.restore(text));
}
