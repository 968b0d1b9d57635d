import type { GlossaryEntry } from './schema.ts';

/** Elements whose text is never turned into a glossary link. */
const NO_LINK = /^(h[1-6]|a|code|pre|dfn|button|summary|svg|figcaption)$/;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Links the first use of each glossary term in a lesson's HTML to its definition.
 * Headings, links, code and figures are left alone; longer forms win over shorter
 * ones starting at the same place ("ligamentum flavum" before "ligament").
 */
export function linkGlossaryTerms(html: string, glossary: readonly GlossaryEntry[]): string {
  const forms = glossary
    .flatMap((entry) =>
      [entry.term, ...entry.aliases].map((form) => ({
        id: entry.id,
        re: new RegExp(`(?<![\\w-])${escapeRe(form)}(?![\\w-])`, 'i'),
        length: form.length,
      })),
    )
    .sort((a, b) => b.length - a.length);
  const used = new Set<string>();
  const stack: string[] = [];
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<\/?\s*([a-zA-Z0-9-]+)/.exec(part)?.[1]?.toLowerCase() ?? '';
        if (part.startsWith('</')) {
          const at = stack.lastIndexOf(tag);
          if (at >= 0) stack.splice(at);
        } else if (!part.endsWith('/>') && !/^(br|hr|img|input|meta|link|wbr|col|source)$/.test(tag)) {
          stack.push(tag);
        }
        return part;
      }
      if (!part.trim() || stack.some((t) => NO_LINK.test(t))) return part;
      let out = '';
      let rest = part;
      for (;;) {
        let best: { id: string; index: number; text: string } | null = null;
        for (const f of forms) {
          if (used.has(f.id)) continue;
          const m = f.re.exec(rest);
          if (m && (!best || m.index < best.index)) best = { id: f.id, index: m.index, text: m[0] };
        }
        if (!best) break;
        used.add(best.id);
        out += `${rest.slice(0, best.index)}<a class="term" href="#glossary-${best.id}" data-term="${best.id}">${best.text}</a>`;
        rest = rest.slice(best.index + best.text.length);
      }
      return out + rest;
    })
    .join('');
}
