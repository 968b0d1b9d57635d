import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  datedStatements,
  factMarker,
  formatDatedList,
  formatUncitedList,
  lessonBlocks,
  sentenceAround,
  uncitedFacts,
} from '../../src/content/review-lists.ts';
import { FIXTURE } from '../support/paths.ts';

// A small lesson: front matter on lines 1-13, the body from line 15.
const LESSON = `---
id: sample
title: Sample
objectives:
  - id: sample_one
    text: Name one thing.
references:
  - id: fda
    text: FDA. Regenerative medicine page.
  - id: trial
    text: "NCT0001: recruiting {as of 2026-02}."
  - id: other
    text: Another source.
---

Intro with 2024 facts.

## Approvals

Nothing here is dated. {As of 2026-01}, no product is approved.[^fda] A second sentence says more
{as of 2026-06} without a marker.

- An item dated {as of 2025-12}. Its source is cited in the item.[^trial]

| Claim | Status |
|---|---|
| A row {as of 2026-03} | cited[^fda] |
| Another row: 45% | uncited |

## Talk
<!-- no-citation: the clinic's own procedure -->

Call 911.

## Uncited

The FDA said so in 2019.

:::care-card urgent "Escalate to a clinician"
Fever within 3 days.
:::

Ask the patient how they feel.

Five regions[^other]:

- Cervical: 7 vertebrae.

## Key points

- 50% of facts {as of 2026-01}.
`;
const line = (needle: string) => LESSON.split('\n').findIndex((l) => l.includes(needle)) + 1;

test.describe('review lists', () => {
  let dir = '';
  test.beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    cpSync(join(FIXTURE, 'course.yaml'), join(dir, 'course.yaml'));
    // The list, not the shipped dates: course.yaml's statement is dated January 2026 here.
    writeFileSync(join(dir, 'course.yaml'), readFileSync(join(dir, 'course.yaml'), 'utf8').replace(/\{as of [\d-]+\}/, '{as of 2026-01}'));
    mkdirSync(join(dir, 'lessons'));
    writeFileSync(join(dir, 'lessons/01-sample.md'), LESSON);
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("the reviewer's list: every dated statement with its age, its sentence, row or item, and its sources", () => {
    const list = datedStatements(dir, '2026-12-05', 6);
    expect(list.map((d) => [`${d.file}:${d.line}`, d.date, d.months, d.tooOld, d.scope, d.sources.map((s) => s.id).join(' ')])).toEqual([
      ['course.yaml:43', '2026-01', 11, true, 'none', ''],
      ['lessons/01-sample.md:11', '2026-02', 10, true, 'reference', 'trial'],
      [`lessons/01-sample.md:${line('{As of 2026-01}')}`, '2026-01', 11, true, 'sentence', 'fda'],
      [`lessons/01-sample.md:${line('{as of 2026-06}')}`, '2026-06', 6, false, 'section', 'fda trial'],
      [`lessons/01-sample.md:${line('{as of 2025-12}')}`, '2025-12', 12, true, 'list item', 'trial'],
      [`lessons/01-sample.md:${line('{as of 2026-03}')}`, '2026-03', 9, true, 'table row', 'fda'],
      [`lessons/01-sample.md:${line('50% of facts')}`, '2026-01', 11, true, 'none', ''],
    ]);
    expect(list[3]?.text).toBe('A second sentence says more {as of 2026-06} without a marker.');
    const text = formatDatedList(list, '2026-12-05', 6);
    expect(text).toContain(
      "Dated statements on December 5, 2026: 7, 6 older than the course's limit of 6 months (rules.dated_statement_max_age_months).",
    );
    expect(text).toContain(
      [
        `lessons/01-sample.md:${line('{As of 2026-01}')} body [Approvals]: as of 2026-01 (11 months old, TOO OLD)`,
        '    "{As of 2026-01}, no product is approved.[^fda]"',
        '    source: cited in the sentence:',
        '      [^fda] FDA. Regenerative medicine page.',
      ].join('\n'),
    );
    expect(text).toContain(
      [
        `lessons/01-sample.md:${line('{as of 2026-06}')} body [Approvals]: as of 2026-06 (6 months old)`,
        '    "A second sentence says more {as of 2026-06} without a marker."',
        '    source: none in the statement itself; cited in its section "Approvals":',
        '      [^fda] FDA. Regenerative medicine page.',
        '      [^trial] NCT0001: recruiting as of February 2026.',
      ].join('\n'),
    );
    expect(text).toContain(
      'course.yaml:43 unapproved_use: as of 2026-01 (11 months old, TOO OLD)\n    "The regulatory information is current {as of 2026-01}."\n    source: no source cited',
    );
    expect(text).toContain(
      [
        `lessons/01-sample.md:${line('{as of 2025-12}')} body [Approvals]: as of 2025-12 (12 months old, TOO OLD)`,
        '    "An item dated {as of 2025-12}."',
        '    source: none in the sentence itself; cited in its list item:',
        '      [^trial] NCT0001: recruiting as of February 2026.',
      ].join('\n'),
    );
    expect(text).toContain('lessons/01-sample.md:11 references[1].text: as of 2026-02 (10 months old, TOO OLD)');
    expect(text).toContain('    source: in the reference [^trial] itself');
    // Counted from the day given: on July 1 only December 2025 is more than 6 months old.
    expect(
      datedStatements(dir, '2026-07-01', 6)
        .filter((d) => d.tooOld)
        .map((d) => d.date),
    ).toEqual(['2025-12']);
  });

  test('uncited facts: blocks of a section with a factual marker and no citation, with a count per lesson', () => {
    const { places, files } = uncitedFacts(dir);
    expect(files).toEqual(['lessons/01-sample.md']);
    expect(
      places.map((p) => `${p.line} [${p.heading}] ${p.kind} ${p.marker}${p.citedLeadIn ? ` (lead-in ${p.citedLeadIn})` : ''}`),
    ).toEqual([
      `${line('Another row')} [Approvals] table row 45%`,
      `${line('The FDA said')} [Uncited] paragraph FDA`,
      `${line('Fever within')} [Uncited] paragraph in :::care-card urgent 3`,
      `${line('Cervical: 7')} [Uncited] list item 7 (lead-in ${line('Five regions')})`,
    ]);
    const text = formatUncitedList({ places, files });
    expect(text).toContain(`lessons/01-sample.md:${line('The FDA said')} [Uncited] paragraph ("FDA"): The FDA said so in 2019.`);
    expect(text).toMatch(/Per lesson:\n {2}lessons\/01-sample\.md: 4 \(1 under a lead-in that cites\)$/);
  });
});

test('the factual markers: digits, evidence words, acronyms, names inside a sentence', () => {
  expect(factMarker('Ask the patient how they feel.')).toBeNull();
  expect(factMarker('Most improve within 6 weeks.')).toBe('6');
  expect(factMarker('See lesson 6 for the risks.')).toBeNull();
  expect(factMarker('A randomized design answers it.')).toBe('randomized');
  expect(factMarker('Check with the FDA first.')).toBe('FDA');
  expect(factMarker('Some patients travel to Mexico.')).toBe('Mexico');
  expect(factMarker('**Harvest.** Bone marrow is drawn.')).toBeNull();
  expect(factMarker('Write `2019` as code.')).toBeNull();
});

test('sentences end at a full stop and the citations after it', () => {
  const text = 'First one.[^a] Second {as of 2026-01}, e.g. this.[^b][^c] Third.';
  const at = text.indexOf('{as of');
  const { start, end } = sentenceAround(text, at);
  expect(text.slice(start, end).trim()).toBe('Second {as of 2026-01}, e.g. this.[^b][^c]');
});

test('blocks: paragraphs, list items with their continuation lines, table rows; code and HTML left out', () => {
  const blocks = lessonBlocks(
    [
      '## A',
      '',
      'One',
      'two.',
      '',
      '- item',
      '  more',
      '- next',
      '',
      '<figure>',
      '<p>3</p>',
      '</figure>',
      '',
      '```',
      '2019',
      '```',
      '',
      '| h |',
      '|---|',
      '| r |',
    ],
    10,
  );
  expect(blocks.map((b) => `${b.line} ${b.kind} ${b.text}`)).toEqual([
    '12 paragraph One two.',
    '15 list item item more',
    '17 list item next',
    '27 table header | h |',
    '29 table row | r |',
  ]);
});
