import type { TokenizerAndRendererExtension, Tokens } from 'marked';
import type { ContentProblem } from './errors.ts';

/**
 * Content components: blocks an author writes in lesson Markdown between a line
 * `:::name …` and a line `:::`. Everything between is ordinary lesson Markdown (lists,
 * bold, links, citations, as-of dates; glossary terms are linked as anywhere else).
 *
 *     :::care-card emergency "Escalate immediately if a patient has"   (non-urgent, urgent, emergency)
 *     :::inset                                                          (a key point or caveat)
 *     :::warning "FDA safety warning"                                   (title optional: "Important")
 *     :::do  /  :::dont                                                 (one list each; title optional)
 *     :::details "Text description of the diagram"                      (an expander)
 *
 * Components start at the beginning of a line and do not nest. The lesson scan checks
 * each one with its file and line (`ComponentChecker`); the build renders them with
 * `componentExtension`.
 */

/** Read out before a care card's heading: the urgency is never colour alone. */
export const URGENCY = { 'non-urgent': 'Non-urgent advice', urgent: 'Urgent advice', emergency: 'Emergency advice' } as const;
export type Urgency = keyof typeof URGENCY;
const LEVELS = Object.keys(URGENCY) as Urgency[];

interface Spec {
  title: 'required' | 'optional' | 'none';
  /** The heading when the author gives no title. */
  defaultTitle?: string;
  /** A title must start with one of these, so the heading says in words what the icons show. */
  titleStarts?: readonly string[];
  /** Takes an urgency level before the title. */
  level?: boolean;
  /** Holds one list and nothing else. */
  list?: boolean;
  example: string;
}

const SPECS = {
  'care-card': { title: 'required', level: true, example: ':::care-card urgent "Escalate if a patient reports"' },
  inset: { title: 'none', example: ':::inset' },
  warning: { title: 'optional', defaultTitle: 'Important', example: ':::warning "Important"' },
  do: { title: 'optional', defaultTitle: 'Do', titleStarts: ['Do'], list: true, example: ':::do' },
  dont: { title: 'optional', defaultTitle: "Don't", titleStarts: ["Don't", 'Don’t', 'Do not'], list: true, example: ':::dont' },
  details: { title: 'required', example: ':::details "Text description of the diagram"' },
} satisfies Record<string, Spec>;

export type ComponentName = keyof typeof SPECS;
export const COMPONENT_NAMES = Object.keys(SPECS) as ComponentName[];
const spec = (name: ComponentName): Spec => SPECS[name];

export interface ComponentOpening {
  name: ComponentName;
  level?: Urgency;
  /** As written, or the component's default; empty for inset text. */
  title: string;
}

function isName(name: string): name is ComponentName {
  return Object.hasOwn(SPECS, name);
}

/** `care_card`, `CareCard` or `don't` for `care-card` and `dont`. */
function suggestion(name: string): string {
  const plain = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
  const near = COMPONENT_NAMES.find((n) => plain(n) === plain(name));
  return near ? ` (did you mean :::${near}?)` : '';
}

/**
 * Reads an opening line's name and arguments (`emergency "Title"`). Returns the
 * component, or what is wrong with the line and how to write it.
 */
export function readOpening(name: string, args: string): ComponentOpening | string {
  if (!isName(name)) {
    return `":::${name}" is not a component${suggestion(name)}: use one of ${COMPONENT_NAMES.map((n) => `:::${n}`).join(', ')} (see docs/content-components.md)`;
  }
  const s = spec(name);
  let rest = args.trim();
  let level: Urgency | undefined;
  if (s.level) {
    const word = /^([^\s"“]+)\s*/.exec(rest);
    if (!word?.[1]) return `:::${name} needs an urgency level, ${LEVELS.join(', ')}, before its title: ${s.example}`;
    const written = word[1];
    if (!(LEVELS as string[]).includes(written)) {
      return `"${written}" is not an urgency level of :::${name}: use ${LEVELS.join(', ')} (for example ${s.example})`;
    }
    level = written as Urgency;
    rest = rest.slice(word[0].length);
  }
  const quoted = /^["“]([^"“”]*)["”]$/.exec(rest);
  if (rest && !quoted) {
    return s.title === 'none'
      ? `:::${name} takes no title: write its text on the lines between :::${name} and :::`
      : `the title of :::${name} goes in double quotes on the opening line: ${s.example}`;
  }
  const title = (quoted?.[1] ?? '').trim();
  if (s.title === 'none' && quoted) return `:::${name} takes no title: write its text on the lines between :::${name} and :::`;
  if (s.title === 'required' && !title) return `:::${name} needs a title in double quotes on the opening line: ${s.example}`;
  if (title && s.titleStarts && !s.titleStarts.some((w) => title === w || title.startsWith(`${w} `))) {
    return `the heading of a :::${name} list starts with ${s.titleStarts.map((w) => `"${w}"`).join(' or ')} (for example "${s.defaultTitle} say"), so that the list says in words what its icons show`;
  }
  return { name, ...(level ? { level } : {}), title: title || (s.defaultTitle ?? '') };
}

/** A line that opens (`:::name …`) or closes (`:::`) a component, with its indentation. */
const DIRECTIVE = /^([ \t]*):::(?![:])([^\s"“]*)[ \t]*(.*?)\s*$/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

interface OpenComponent {
  name: string;
  line: number;
  opening: ComponentOpening | null;
  content: { line: number; text: string }[];
  /** The first heading inside it: reported when it closes (unclosed, it is the missing ":::"). */
  heading?: { line: number; text: string };
  /** Components opened inside it after that heading: nested if it closes, else the missing ":::" again. */
  laterOpenings: ContentProblem[];
}

/**
 * Checks a lesson body's components line by line, reporting each problem at its file
 * line: an unknown name or urgency level, a missing or misplaced title, a component
 * inside another, a heading inside one, an empty one, a do or don't block that is not a
 * list, a `:::` that closes nothing, and a component never closed.
 */
export class ComponentChecker {
  private readonly stack: OpenComponent[] = [];

  constructor(
    private readonly file: string,
    private readonly problems: ContentProblem[],
  ) {}

  private report(line: number, message: string): void {
    this.problems.push({ file: this.file, line, field: 'body', message });
  }

  /** Returns whether the line opens a component (the renderer wants a blank line above it). */
  line(raw: string, line: number, inFence: boolean): 'open' | 'close' | null {
    const m = inFence ? null : DIRECTIVE.exec(raw);
    const top = this.stack[0];
    if (!m) {
      if (top) {
        if (!inFence && /^#{1,6}\s/.test(raw)) top.heading ??= { line, text: raw.trim() };
        top.content.push({ line, text: raw });
      }
      return null;
    }
    const [, indent = '', name = '', args = ''] = m;
    if (indent) {
      this.report(
        line,
        '":::" works only at the start of a line, outside lists and other blocks: remove the spaces before it (a component cannot go inside a list item)',
      );
    }
    if (!name) {
      if (args) {
        this.report(line, `write the component's name straight after ":::", with no space: ":::${args.split(/\s/)[0] ?? ''}"`);
        return null;
      }
      const closed = this.stack.pop();
      if (!closed) {
        this.report(line, '":::" closes no component: remove it, or open a component above it (for example :::inset)');
        return null;
      }
      if (!this.stack.length) {
        if (closed.heading) {
          this.report(
            closed.heading.line,
            `a heading cannot go inside :::${closed.name} (opened at line ${closed.line}): end the component with a line ":::" above the heading`,
          );
        }
        this.problems.push(...closed.laterOpenings);
        this.checkContent(closed);
      }
      return 'close';
    }
    const opening = readOpening(name, args);
    if (typeof opening === 'string') this.report(line, opening);
    if (top) {
      const message = `:::${name} cannot go inside :::${top.name} (opened at line ${top.line}): components do not nest; end the :::${top.name} with a line ":::" first`;
      if (top.heading) top.laterOpenings.push({ file: this.file, line, field: 'body', message });
      else this.report(line, message);
    }
    this.stack.push({ name, line, opening: typeof opening === 'string' ? null : opening, content: [], laterOpenings: [] });
    return 'open';
  }

  /** At the end of the body: components left open. */
  end(): void {
    for (const open of this.stack) {
      const before = open.heading ? ` (before "${open.heading.text}" at line ${open.heading.line})` : '';
      this.report(open.line, `:::${open.name} is never closed: end it with a line ":::" after its text${before}`);
    }
    this.stack.length = 0;
  }

  private checkContent(c: OpenComponent): void {
    const text = c.content.filter((l) => l.text.trim());
    if (!text.length) {
      this.report(c.line, `:::${c.name} is empty: write its text on the lines between :::${c.name} and :::`);
      return;
    }
    if (!c.opening || !spec(c.opening.name).list) return;
    const stray = text.find((l, i) => (i === 0 ? !LIST_ITEM.test(l.text) : !LIST_ITEM.test(l.text) && !/^\s/.test(l.text)));
    if (stray) {
      this.report(
        stray.line,
        `:::${c.name} holds one list and nothing else: start each item with "- " (and indent a line that continues an item)`,
      );
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** Decorative marks: the list's heading says "Do" or "Don't" in words. */
const ICON = {
  do: '<svg class="do-dont__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M4.5 12.5l5 5L19.5 7" /></svg>',
  dont: '<svg class="do-dont__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12M18 6L6 18" /></svg>',
};

interface ComponentToken extends Tokens.Generic {
  type: 'component';
  opening: ComponentOpening;
  tokens: Tokens.Generic[];
}

type Parser = { parse(tokens: Tokens.Generic[]): string };

function renderList(token: ComponentToken, parser: Parser, kind: 'do' | 'dont'): string {
  const list = token.tokens.find((t): t is Tokens.List => t.type === 'list');
  const items = (list?.items ?? []).map((item) => `<li>${ICON[kind]}${parser.parse(item.tokens as Tokens.Generic[])}</li>\n`).join('');
  const tag = list?.ordered ? 'ol' : 'ul';
  return (
    `<div class="do-dont do-dont--${kind}">\n<h3 class="do-dont__heading">${escapeHtml(token.opening.title)}</h3>\n` +
    `<${tag} class="do-dont__list" role="list">\n${items}</${tag}>\n</div>\n`
  );
}

function renderComponent(token: ComponentToken, parser: Parser): string {
  const { name, level, title } = token.opening;
  const body = () => parser.parse(token.tokens);
  switch (name) {
    case 'care-card': {
      const urgency = level ?? 'non-urgent';
      return (
        `<div class="care-card care-card--${urgency}">\n<div class="care-card__heading-container">\n` +
        `<h3 class="care-card__heading"><span class="visually-hidden">${URGENCY[urgency]}: </span>${escapeHtml(title)}</h3>\n</div>\n` +
        `<div class="care-card__content">\n${body()}</div>\n</div>\n`
      );
    }
    case 'inset':
      return `<div class="inset-text">\n<span class="visually-hidden">Information: </span>\n${body()}</div>\n`;
    case 'warning': {
      const hidden = /^important\b/i.test(title) ? '' : '<span class="visually-hidden">Important: </span>';
      return `<div class="warning-callout">\n<h3 class="warning-callout__label"><span>${hidden}${escapeHtml(title)}</span></h3>\n${body()}</div>\n`;
    }
    case 'do':
    case 'dont':
      return renderList(token, parser, name);
    case 'details':
      return `<details class="details">\n<summary><span class="details__summary-text">${escapeHtml(title)}</span></summary>\n<div class="details__text">\n${body()}</div>\n</details>\n`;
  }
}

/**
 * The marked extension that renders components. It expects a body the checker passed
 * (a valid opening, a closing `:::`, no nesting) with a blank line above each opening
 * line, so that Markdown does not read it as part of a list or table above.
 */
export const componentExtension: TokenizerAndRendererExtension = {
  name: 'component',
  level: 'block',
  start: (src) => src.match(/^:::[a-z]/m)?.index,
  tokenizer(src) {
    const open = /^:::([a-z-]+)[ \t]*([^\n]*)(?:\n|$)/.exec(src);
    if (!open) return undefined;
    const opening = readOpening(open[1] ?? '', open[2] ?? '');
    if (typeof opening === 'string') return undefined;
    let inFence = false;
    for (let at = open[0].length; at < src.length;) {
      const eol = src.indexOf('\n', at);
      const next = eol < 0 ? src.length : eol + 1;
      const line = src.slice(at, eol < 0 ? src.length : eol);
      if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
      else if (!inFence && /^:::\s*$/.test(line)) {
        const token: ComponentToken = { type: 'component', raw: src.slice(0, next), opening, tokens: [] };
        this.lexer.blockTokens(src.slice(open[0].length, at), token.tokens);
        return token;
      }
      at = next;
    }
    return undefined;
  },
  renderer(token) {
    return renderComponent(token as ComponentToken, this.parser as Parser);
  },
};
