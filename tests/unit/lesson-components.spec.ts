import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/content/errors.ts';
import { linkGlossaryTerms } from '../../src/content/glossary.ts';
import { htmlToText } from '../../src/content/item-quality.ts';
import { parseLesson } from '../../src/content/load-course.ts';
import { stripCitations } from '../../src/content/lesson-markup.ts';

/** A lesson file: front matter on lines 1-10, a blank line, then the body from line 12. */
const FRONT = `---
id: stenosis
title: Stenosis
objectives:
  - id: red_flags
    text: Recognize red flags.
references:
  - id: msd
    text: MSD Manual. Lumbar Spinal Stenosis.
---

`;
const BODY_START = 12;
const KEY_POINTS = '\n## Key points\n\n- One.\n';
const FILE = 'lessons/02-stenosis.md';

const parse = (body: string) => parseLesson(FILE, FRONT + body + KEY_POINTS);
const htmlOf = (body: string) => {
  const parsed = parse(body);
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  return parsed.lesson?.html ?? '';
};
const problemsOf = (body: string) => parse(body).problems.map(formatProblem);
/** The file line of the body line that contains `text` (its first occurrence). */
const lineOf = (body: string, text: string) => BODY_START + body.split('\n').findIndex((l) => l.includes(text));

test.describe('the components and their markup', () => {
  test('a care card at each urgency level: a heading that says its urgency in words, then the Markdown inside', () => {
    for (const [level, words] of [
      ['non-urgent', 'Non-urgent advice'],
      ['urgent', 'Urgent advice'],
      ['emergency', 'Emergency advice'],
    ]) {
      const html = htmlOf(
        `## Red flags\n\n:::care-card ${level} "Escalate if a patient has:"\n- **saddle numbness**;[^msd]\n- weakness in both legs.\n:::\n`,
      );
      expect(html).toContain(
        `<div class="care-card care-card--${level}">\n<div class="care-card__heading-container">\n` +
          `<h3 class="care-card__heading"><span class="visually-hidden">${words}: </span>Escalate if a patient has:</h3>\n</div>\n` +
          '<div class="care-card__content">\n<ul>\n<li><strong>saddle numbness</strong>;<sup class="cite">',
      );
      // The text as the exam's copy check reads it: the urgency words and the heading come first.
      expect(htmlToText(stripCitations(html))).toContain(`${words}: Escalate if a patient has: saddle numbness; weakness in both legs.`);
    }
  });

  test('inset text, a warning callout (titled "Important" unless the author names it) and an expander', () => {
    const html = htmlOf(
      '## Care\n\n:::inset\nCheck the FDA\'s current list.[^msd]\n:::\n\n:::warning\nA warning.\n:::\n\n:::warning "FDA safety warning"\nSteroids can rarely cause stroke.\n:::\n\n' +
        ':::details "Text description of the diagram"\nThe canal is narrowed.\n:::\n',
    );
    expect(html).toContain(
      '<div class="inset-text">\n<span class="visually-hidden">Information: </span>\n<p>Check the FDA&#39;s current list.',
    );
    expect(html).toContain(
      '<div class="warning-callout">\n<h3 class="warning-callout__label"><span>Important</span></h3>\n<p>A warning.</p>\n</div>',
    );
    expect(html).toContain(
      '<h3 class="warning-callout__label"><span><span class="visually-hidden">Important: </span>FDA safety warning</span></h3>\n<p>Steroids can rarely cause stroke.</p>',
    );
    expect(html).toContain(
      '<details class="details">\n<summary><span class="details__summary-text">Text description of the diagram</span></summary>\n<div class="details__text">\n<p>The canal is narrowed.</p>\n</div>\n</details>',
    );
  });

  test('do and don\'t lists say "Do" and "Don\'t" in words; their tick and cross are hidden from screen readers', () => {
    const html = htmlOf(
      '## Talking with patients\n\n:::do\n- **Acknowledge** the question.[^msd]\n- **Refer** clinical questions.\n:::\n:::dont "Don\'t say"\n- **Do not promise** outcomes.\n:::\n',
    );
    expect(html).toContain(
      '<div class="do-dont do-dont--do">\n<h3 class="do-dont__heading">Do</h3>\n<ul class="do-dont__list" role="list">\n<li><svg class="do-dont__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
    );
    expect(html).toContain('<div class="do-dont do-dont--dont">\n<h3 class="do-dont__heading">Don\'t say</h3>');
    expect(html.match(/<li><svg class="do-dont__icon"[^>]*aria-hidden="true"/g)).toHaveLength(3);
    expect(htmlToText(stripCitations(html))).toContain(
      "Do Acknowledge the question. Refer clinical questions. Don't say Do not promise outcomes.",
    );
  });

  test('citations inside components are numbered in reading order; as-of dates and glossary links work inside them, not in their headings', () => {
    const parsed = parseLesson(
      FILE,
      FRONT.replace('references:\n', 'references:\n  - id: katz\n    text: Katz 2022.\n') +
        '## Red flags\n\nFirst.[^katz]\n\n:::care-card emergency "Cauda equina syndrome"\n- Cauda equina syndrome {as of 2026-01}.[^msd]\n:::\n' +
        KEY_POINTS,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.lesson?.references.map((r) => r.id)).toEqual(['katz', 'msd']);
    const html = linkGlossaryTerms(parsed.lesson?.html ?? '', [
      { id: 'ces', term: 'cauda equina syndrome', aliases: [], definition: 'An emergency.' },
    ]);
    expect(html).toContain('</span>Cauda equina syndrome</h3>');
    expect(html).toContain(
      '<li><a class="term" href="#glossary-ces" data-term="ces">Cauda equina syndrome</a> <time class="as-of" datetime="2026-01">as of January 2026</time>.',
    );
  });

  test('a component straight after a list or a table, without a blank line, is still a component', () => {
    const html = htmlOf(
      '## Red flags\n\n- a list item[^msd]\n:::inset\nA caveat.\n:::\n| a | b |\n|---|---|\n| 1 | 2 |\n:::warning\nCareful.\n:::\n',
    );
    expect(html).toContain('<li>a list item<sup');
    expect(html).toContain('</ul>\n<div class="inset-text">');
    expect(html).toContain('</table>\n<div class="warning-callout">');
  });

  test('":::" inside fenced code is text', () => {
    const html = htmlOf('## Syntax\n\n:::details "How to write an inset"\n```\n:::inset\nText.\n:::\n```\n:::\n');
    expect(html).toContain('<pre><code>:::inset\nText.\n:::\n</code></pre>\n</div>\n</details>');
  });
});

test.describe('mistakes stop the build at their line', () => {
  test('an unknown component name lists the valid ones, and suggests the one meant', () => {
    const body = '## Red flags\n\n:::callout\nText.\n:::\n\n:::care_card urgent "Escalate"\nText.\n:::\n';
    expect(problemsOf(body)).toEqual([
      `${FILE}:${lineOf(body, ':::callout')} body: ":::callout" is not a component: use one of :::care-card, :::inset, :::warning, :::do, :::dont, :::details (see docs/content-components.md)`,
      `${FILE}:${lineOf(body, ':::care_card')} body: ":::care_card" is not a component (did you mean :::care-card?): use one of :::care-card, :::inset, :::warning, :::do, :::dont, :::details (see docs/content-components.md)`,
    ]);
  });

  test('a care card needs one of the three urgency levels', () => {
    expect(problemsOf('## A\n\n:::care-card severe "Escalate now"\nText.\n:::\n')).toEqual([
      `${FILE}:14 body: "severe" is not an urgency level of :::care-card: use non-urgent, urgent, emergency (for example :::care-card urgent "Escalate if a patient reports")`,
    ]);
    expect(problemsOf('## A\n\n:::care-card "Escalate now"\nText.\n:::\n')).toEqual([
      `${FILE}:14 body: :::care-card needs an urgency level, non-urgent, urgent, emergency, before its title: :::care-card urgent "Escalate if a patient reports"`,
    ]);
  });

  test("a title where one is required, in double quotes; none on inset text; do and don't headings say so in words", () => {
    const body =
      '## A\n\n:::care-card emergency\nText.\n:::\n\n:::details ""\nText.\n:::\n\n:::warning Important\nText.\n:::\n\n:::inset "Note"\nText.\n:::\n\n:::dont "Avoid saying"\n- It is safe.\n:::\n';
    expect(problemsOf(body)).toEqual([
      `${FILE}:${lineOf(body, ':::care-card')} body: :::care-card needs a title in double quotes on the opening line: :::care-card urgent "Escalate if a patient reports"`,
      `${FILE}:${lineOf(body, ':::details')} body: :::details needs a title in double quotes on the opening line: :::details "Text description of the diagram"`,
      `${FILE}:${lineOf(body, ':::warning')} body: the title of :::warning goes in double quotes on the opening line: :::warning "Important"`,
      `${FILE}:${lineOf(body, ':::inset')} body: :::inset takes no title: write its text on the lines between :::inset and :::`,
      `${FILE}:${lineOf(body, ':::dont')} body: the heading of a :::dont list starts with "Don't" or "Don’t" or "Do not" (for example "Don't say"), so that the list says in words what its icons show`,
    ]);
  });

  test('a block never closed is reported where it opens', () => {
    const body = '## Red flags\n\nIntro.[^msd]\n\n:::care-card emergency "Escalate immediately"\n- Saddle numbness.\n';
    expect(problemsOf(body)).toEqual([
      `${FILE}:${lineOf(body, ':::care-card')} body: :::care-card is never closed: end it with a line ":::" after its text (before "## Key points" at line ${lineOf(body, 'Saddle') + 2})`,
    ]);
    // Components further down are not reported as nested in it: the one mistake is the missing ":::".
    const later = `${body}\n## Standard care\n\n:::warning "FDA safety warning"\nSteroids.\n:::\n`;
    expect(problemsOf(later)).toEqual([
      `${FILE}:${lineOf(later, ':::care-card')} body: :::care-card is never closed: end it with a line ":::" after its text (before "## Standard care" at line ${lineOf(later, '## Standard')})`,
    ]);
    expect(problemsOf('## A\n\n:::inset\nA caveat.\n')).toEqual([
      `${FILE}:14 body: :::inset is never closed: end it with a line ":::" after its text (before "## Key points" at line 17)`,
    ]);
  });

  test('components do not nest, and a section heading cannot sit inside one', () => {
    const body = '## A\n\n:::care-card urgent "Escalate"\nText.\n:::details "More"\nHidden.\n:::\n:::\n\n:::inset\nText.\n## B\n:::\n';
    expect(problemsOf(body)).toEqual([
      `${FILE}:${lineOf(body, ':::details')} body: :::details cannot go inside :::care-card (opened at line 14): components do not nest; end the :::care-card with a line ":::" first`,
      `${FILE}:${lineOf(body, '## B')} body: a heading cannot go inside :::inset (opened at line ${lineOf(body, ':::inset')}): end the component with a line ":::" above the heading`,
    ]);
  });

  test('a stray ":::", an indented component, a space after ":::", an empty block, and a do list that is not a list', () => {
    const body =
      '## A\n\nText.\n:::\n\n- item\n  :::inset\n  Text.\n  :::\n\n::: warning\n\n:::inset\n\n:::\n\n:::do\n- Acknowledge.\nRefer.\n:::\n';
    expect(problemsOf(body)).toEqual([
      `${FILE}:15 body: ":::" closes no component: remove it, or open a component above it (for example :::inset)`,
      `${FILE}:18 body: ":::" works only at the start of a line, outside lists and other blocks: remove the spaces before it (a component cannot go inside a list item)`,
      `${FILE}:20 body: ":::" works only at the start of a line, outside lists and other blocks: remove the spaces before it (a component cannot go inside a list item)`,
      `${FILE}:22 body: write the component's name straight after ":::", with no space: ":::warning"`,
      `${FILE}:24 body: :::inset is empty: write its text on the lines between :::inset and :::`,
      `${FILE}:30 body: :::do holds one list and nothing else: start each item with "- " (and indent a line that continues an item)`,
    ]);
  });
});
