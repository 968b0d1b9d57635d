import { expect, test } from '@playwright/test';
import type { LmsCall } from '../../src/preview/lms-host.ts';
import { count, elementAccess, elementProblem, strictViolations, type Version } from '../support/strict-scorm.ts';

const FN = {
  '12': {
    init: 'LMSInitialize',
    end: 'LMSFinish',
    get: 'LMSGetValue',
    set: 'LMSSetValue',
    commit: 'LMSCommit',
    lastError: 'LMSGetLastError',
  },
  '2004': { init: 'Initialize', end: 'Terminate', get: 'GetValue', set: 'SetValue', commit: 'Commit', lastError: 'GetLastError' },
} as const;

/** Makes the LmsCall objects of one launch, as the preview LMS logs them. */
function lms(version: Version, launch = 1) {
  const fn = FN[version];
  const call = (name: string, args: unknown[], result: unknown, error = '0'): LmsCall => ({ fn: name, args, result, error, launch, t: 0 });
  return {
    call,
    init: (result = 'true', error = '0') => call(fn.init, [''], result, error),
    end: (result = 'true', error = '0') => call(fn.end, [''], result, error),
    commit: (result = 'true', error = '0') => call(fn.commit, [''], result, error),
    get: (element: string, result = '', error = '0') => call(fn.get, [element], result, error),
    set: (element: string, value: string, error = '0') => call(fn.set, [element, value], error === '0' ? 'true' : 'false', error),
    lastError: (code = '0') => call(fn.lastError, [], code, code),
  };
}

/** Initialize, the calls, Terminate. */
function session(version: Version, body: (a: ReturnType<typeof lms>) => LmsCall[], launch = 1): LmsCall[] {
  const a = lms(version, launch);
  return [a.init(), ...body(a), a.end()];
}

/** The log must break exactly one rule, whose message contains `what`. */
function expectOne(calls: LmsCall[], version: Version, what: string | RegExp, options = {}): void {
  const v = strictViolations(calls, version, options);
  expect(v, JSON.stringify(v, null, 1)).toHaveLength(1);
  if (typeof what === 'string') expect(v[0]).toContain(what);
  else expect(v[0]).toMatch(what);
}

const VERSIONS: Version[] = ['12', '2004'];
const EL = {
  '12': {
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    location: 'cmi.core.lesson_location',
    exit: 'cmi.core.exit',
    time: 'cmi.core.session_time',
    response: 'student_response',
  },
  '2004': {
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    location: 'cmi.location',
    exit: 'cmi.exit',
    time: 'cmi.session_time',
    response: 'learner_response',
  },
} as const;

/** An interaction with the given type and one response or pattern. */
function interaction(version: Version, type: string, field: string, value: string): LmsCall[] {
  return session(version, (a) => [
    a.set('cmi.interactions.0.id', 'quiz-q1'),
    a.set('cmi.interactions.0.type', type),
    ...(version === '12'
      ? [a.set('cmi.interactions.0.time', '10:15:30')]
      : [a.set('cmi.interactions.0.timestamp', '2026-11-25T10:15:30.12Z')]),
    a.set(`cmi.interactions.0.${field}`, value),
  ]);
}

// --- Known-good logs ------------------------------------------------------------------

test('a complete SCORM 1.2 session the way the course runs one passes, Terminate required or not', () => {
  const calls = session('12', (a) => [
    a.get('cmi.core.lesson_mode', 'normal'),
    a.get('cmi.core.credit', 'credit'),
    a.get('cmi.suspend_data', ''),
    a.get('cmi.interactions._count', '0'),
    a.get('cmi.objectives._count', '1'),
    a.get('cmi.objectives.0.id', 'spine_regions'),
    a.get('cmi.core.entry', 'ab-initio'),
    a.get('cmi.core.lesson_location', ''),
    a.get('cmi.core.student_name', 'Nurse, Pat'),
    a.get('cmi.core.student_id', 'nurse-17'),
    a.get('cmi.student_data.mastery_score', '80'),
    a.get('cmi.student_data.max_time_allowed', '00:30:00'),
    a.get('cmi.student_data.time_limit_action', 'exit,message'),
    a.get('cmi.launch_data', ''),
    a.get('cmi.core.lesson_status', 'not attempted'),
    a.set('cmi.core.lesson_status', 'incomplete'),
    a.set('cmi.core.lesson_location', 'lesson:anatomy'),
    a.set('cmi.suspend_data', '{"v":3,"l":"lesson:anatomy"}'),
    a.commit(),
    a.set('cmi.interactions.0.id', 'anatomy_quiz-lumbar_count'),
    a.set('cmi.interactions.0.type', 'choice'),
    a.set('cmi.interactions.0.objectives.0.id', 'spine_regions'),
    a.set('cmi.interactions.0.time', '10:15:30'),
    a.set('cmi.interactions.0.weighting', '1'),
    a.set('cmi.interactions.0.student_response', 'a,c'),
    a.set('cmi.interactions.0.correct_responses.0.pattern', '{a,c}'),
    a.set('cmi.interactions.0.result', 'correct'),
    a.set('cmi.interactions.0.latency', '00:00:12.34'),
    a.set('cmi.interactions.1.id', 'exam-sham_trial'),
    a.set('cmi.interactions.1.type', 'true-false'),
    a.set('cmi.interactions.1.student_response', 't'),
    a.set('cmi.interactions.1.correct_responses.0.pattern', 'f'),
    a.set('cmi.interactions.1.result', 'wrong'),
    a.set('cmi.interactions.2.type', 'numeric'),
    a.set('cmi.interactions.2.student_response', '23.5'),
    a.set('cmi.interactions.2.correct_responses.0.pattern', '24'),
    a.set('cmi.objectives.0.score.raw', '80'),
    a.set('cmi.objectives.0.status', 'passed'),
    a.set('cmi.objectives.1.id', 'disc_joints'),
    a.set('cmi.objectives.1.status', 'failed'),
    a.set('cmi.core.score.raw', '80'),
    a.set('cmi.core.score.min', '0'),
    a.set('cmi.core.score.max', '100'),
    a.set('cmi.core.lesson_status', 'passed'),
    a.commit(),
    a.set('cmi.core.exit', ''),
    a.set('cmi.core.session_time', '0001:02:03.45'),
    a.commit(),
  ]);
  expect(strictViolations(calls, '12')).toEqual([]);
  expect(strictViolations(calls, '12', { requireTerminate: true })).toEqual([]);
});

test('a complete SCORM 2004 session the way the course runs one passes, Terminate required or not', () => {
  const calls = session('2004', (a) => [
    a.get('cmi.mode', 'normal'),
    a.get('cmi.credit', 'credit'),
    a.get('cmi.suspend_data', '', '403'),
    a.get('cmi.interactions._count', '1'),
    a.get('cmi.objectives._count', '1'),
    a.get('cmi.objectives.0.id', 'spine_regions'),
    a.get('cmi.entry', 'ab-initio'),
    a.get('cmi.location', '', '403'),
    a.get('cmi.learner_name', 'Nurse, Pat'),
    a.get('cmi.learner_id', 'nurse-17'),
    a.get('cmi.scaled_passing_score', '0.8'),
    a.get('cmi.max_time_allowed', '', '403'),
    a.get('cmi.time_limit_action', 'continue,no message'),
    a.get('cmi.launch_data', ''),
    a.get('cmi.completion_status', 'unknown'),
    a.set('cmi.completion_status', 'incomplete'),
    a.set('cmi.location', 'lesson:anatomy'),
    a.set('cmi.suspend_data', '{"v":3}'),
    a.commit(),
    a.set('cmi.interactions.1.id', 'anatomy_quiz-lumbar_count'),
    a.set('cmi.interactions.1.type', 'choice'),
    a.set('cmi.interactions.1.objectives.0.id', 'spine_regions'),
    a.set('cmi.interactions.1.description', '{lang=en}How many vertebrae are in the lumbar region?'),
    a.set('cmi.interactions.1.timestamp', '2026-11-25T10:15:30.12Z'),
    a.set('cmi.interactions.1.weighting', '1'),
    a.set('cmi.interactions.1.learner_response', 'a[,]c'),
    a.set('cmi.interactions.1.correct_responses.0.pattern', 'a[,]c'),
    a.set('cmi.interactions.1.result', 'correct'),
    a.set('cmi.interactions.1.latency', 'PT12.34S'),
    a.set('cmi.interactions.2.id', 'exam-disc_count'),
    a.set('cmi.interactions.2.type', 'numeric'),
    a.set('cmi.interactions.2.learner_response', '23'),
    a.set('cmi.interactions.2.correct_responses.0.pattern', '23[:]23'),
    a.set('cmi.interactions.2.result', 'incorrect'),
    a.set('cmi.interactions.3.id', 'exam-steps'),
    a.set('cmi.interactions.3.type', 'fill-in'),
    a.set('cmi.interactions.3.learner_response', '{lang=en}Stenosis[,]narrowing'),
    a.set('cmi.interactions.3.correct_responses.0.pattern', '{order_matters=false}{case_matters=false}{lang=en}stenosis[,]narrowing'),
    a.set('cmi.objectives.0.score.scaled', '0.8'),
    a.set('cmi.objectives.0.success_status', 'passed'),
    a.set('cmi.objectives.1.id', 'disc_joints'),
    a.set('cmi.objectives.1.success_status', 'failed'),
    a.set('cmi.score.scaled', '0.8'),
    a.set('cmi.score.raw', '80'),
    a.set('cmi.score.min', '0'),
    a.set('cmi.score.max', '100'),
    a.set('cmi.progress_measure', '1'),
    a.set('cmi.success_status', 'passed'),
    a.set('cmi.completion_status', 'completed'),
    a.commit(),
    a.set('cmi.exit', 'normal'),
    a.set('cmi.session_time', 'PT1H2M3.45S'),
    a.commit(),
  ]);
  expect(strictViolations(calls, '2004')).toEqual([]);
  expect(strictViolations(calls, '2004', { requireTerminate: true })).toEqual([]);
});

test('launches are checked separately, and a log checked mid-run is not missing its Terminate', () => {
  for (const version of VERSIONS) {
    const a = lms(version, 1);
    const b = lms(version, 2);
    const calls = [a.init(), a.set(EL[version].location, 'p1'), a.end(), b.init(), b.set(EL[version].location, 'p1')];
    expect(strictViolations(calls, version)).toEqual([]);
    expectOne(calls, version, `launch 2: ${FN[version].init} without ${FN[version].end}`, { requireTerminate: true });
  }
});

test('a launch whose Initialize was refused needs no Terminate, but the refusal is reported', () => {
  for (const version of VERSIONS) {
    const a = lms(version);
    expectOne([a.init('false', '101'), a.lastError('101')], version, 'LMS error 101', { requireTerminate: true });
    // A retry that succeeds opens the session.
    expectOne(
      [a.init('false', '101'), a.lastError('101'), a.init(), a.get(EL[version].mode, 'normal'), a.end()],
      version,
      'LMS error 101',
      { requireTerminate: true },
    );
  }
});

// --- Session: Initialize, Terminate and the calls around them ------------------------

test('nothing but the error calls before Initialize', () => {
  for (const version of VERSIONS) {
    const a = lms(version);
    expectOne([a.get(EL[version].mode, 'normal'), ...session(version, () => [])], version, `call before ${FN[version].init}`);
    expectOne([a.set(EL[version].location, 'x'), ...session(version, () => [])], version, `call before ${FN[version].init}`);
    expectOne([a.commit(), ...session(version, () => [])], version, `call before ${FN[version].init}`);
    expectOne([a.end(), a.init()], version, `call before ${FN[version].init}`);
    // SCORM 1.2 RTE 3.3.2.2 and 2004 RTE 3.1.6: the support calls are allowed in the "not initialized" state.
    expect(
      strictViolations(
        [
          a.lastError(),
          a.call(version === '12' ? 'LMSGetErrorString' : 'GetErrorString', ['0'], 'No error'),
          ...session(version, () => []),
        ],
        version,
      ),
    ).toEqual([]);
  }
});

test('exactly one Initialize and one Terminate', () => {
  for (const version of VERSIONS) {
    const a = lms(version);
    expectOne([a.init(), a.init(), a.end()], version, `${FN[version].init} called again`);
    expectOne([a.init(), a.end(), a.end()], version, `${FN[version].end} called again`);
    expectOne([a.init(), a.end(), a.init()], version, `${FN[version].init} after ${FN[version].end}`);
  }
});

test('Initialize, Commit and Terminate take exactly the empty string', () => {
  for (const version of VERSIONS) {
    const a = lms(version);
    expectOne([a.call(FN[version].init, [], 'true'), a.end()], version, 'exactly one argument, ""');
    expectOne([a.init(), a.call(FN[version].commit, ['x'], 'true'), a.end()], version, 'exactly one argument, ""');
  }
});

test('no GetValue, SetValue or Commit after Terminate', () => {
  for (const version of VERSIONS) {
    const a = lms(version);
    expectOne([...session(version, () => []), a.get(EL[version].mode, 'normal')], version, `call after ${FN[version].end}`);
    expectOne([...session(version, () => []), a.set(EL[version].location, 'x')], version, `call after ${FN[version].end}`);
    expectOne([...session(version, () => []), a.commit()], version, `call after ${FN[version].end}`);
  }
});

test('after Terminate: 2004 allows the support calls, 1.2 only after an LMSFinish that returned "false"', () => {
  // SCORM 2004 RTE 3.1.3.2: after a successful Terminate "the SCO is only permitted to call the support methods".
  const b = lms('2004');
  expect(strictViolations([b.init(), b.end(), b.lastError(), b.call('GetDiagnostic', ['0'], '')], '2004')).toEqual([]);
  expect(strictViolations([b.init(), b.end('false', '391'), b.lastError('391')], '2004')).toEqual([
    'launch 1, call 2 Terminate(""): LMS error 391',
  ]);
  // SCORM 1.2 RTE 3.3.2.2, figure 3.3.2.2a: "If LMSFinish returns false (only)" may the SCO call the error functions.
  const a = lms('12');
  expect(strictViolations([a.init(), a.end('false', '101'), a.lastError('101')], '12')).toEqual([
    'launch 1, call 2 LMSFinish(""): LMS error 101',
  ]);
  expectOne([a.init(), a.end(), a.lastError()], '12', 'call after a successful LMSFinish');
});

test("the other version's functions, or unknown ones, are reported", () => {
  const a = lms('12');
  expectOne([a.init(), a.call('SetValue', ['cmi.location', 'x'], 'true'), a.end()], '12', 'not a SCORM 1.2 function');
  const b = lms('2004');
  expectOne([b.init(), b.call('LMSCommit', [''], 'true'), b.end()], '2004', 'not a SCORM 2004 function');
  expectOne([b.init(), b.call('Save', [], 'true'), b.end()], '2004', 'not a SCORM API function');
});

test('an LMS error or an exception is a violation; a 2004 GetValue answering 403 only for the listed elements', () => {
  for (const version of VERSIONS) {
    expectOne(
      session(version, (a) => [a.set(EL[version].location, 'x', '405')]),
      version,
      'LMS error 405',
    );
    expectOne(
      session(version, (a) => [a.commit('false', '391')]),
      version,
      'LMS error 391',
    );
    const threw: LmsCall = { ...lms(version).get(EL[version].mode), result: undefined, threw: 'TypeError: boom' };
    expectOne(
      session(version, () => [threw]),
      version,
      'threw TypeError: boom',
    );
  }
  for (const el of [
    'cmi.location',
    'cmi.suspend_data',
    'cmi.scaled_passing_score',
    'cmi.max_time_allowed',
    'cmi.score.raw',
    'cmi.progress_measure',
    'cmi.learner_name',
    'cmi.completion_threshold',
  ]) {
    expect(
      strictViolations(
        session('2004', (a) => [a.get(el, '', '403')]),
        '2004',
      ),
    ).toEqual([]);
  }
  expectOne(
    session('2004', (a) => [a.get('cmi.learner_id', '', '403')]),
    '2004',
    'LMS error 403',
  );
  expectOne(
    session('12', (a) => [a.get('cmi.suspend_data', '', '403')]),
    '12',
    'LMS error 403',
  );
});

// --- Record nothing in browse, review or no-credit launches ------------------------

test('a launch that read browse or review mode, or no-credit, makes no SetValue and no Commit', () => {
  for (const version of VERSIONS) {
    const el = EL[version];
    const reads = [
      [el.mode, 'review'],
      [el.mode, 'browse'],
      [el.credit, 'no-credit'],
    ] as const;
    for (const [element, value] of reads) {
      // Only reads, error calls and Terminate: fine.
      expect(
        strictViolations(
          session(version, (a) => [a.get(element, value), a.get('cmi.suspend_data', '{"v":3}'), a.lastError()]),
          version,
        ),
      ).toEqual([]);
      expectOne(
        session(version, (a) => [a.get(element, value), a.set(el.exit, 'suspend')]),
        version,
        `nothing may be recorded in this launch (${element} is ${value})`,
      );
      expectOne(
        session(version, (a) => [a.get(element, value), a.set(el.time, version === '12' ? '00:00:05' : 'PT5S')]),
        version,
        'nothing may be recorded',
      );
      expectOne(
        session(version, (a) => [a.get(element, value), a.commit()]),
        version,
        'nothing may be recorded',
      );
      // Even a call made before the read counts: the whole launch records nothing.
      expectOne(
        session(version, (a) => [a.set(el.location, 'x'), a.get(element, value)]),
        version,
        'nothing may be recorded',
      );
    }
    // Normal mode with credit, or a mode the LMS did not give, records as usual.
    expect(
      strictViolations(
        session(version, (a) => [a.get(el.mode, 'normal'), a.get(el.credit, 'credit'), a.set(el.location, 'x'), a.commit()]),
        version,
      ),
    ).toEqual([]);
    // Another launch of the same log is not affected.
    const review = session(version, (a) => [a.get(el.mode, 'review')], 1);
    const normal = session(version, (a) => [a.get(el.mode, 'normal'), a.set(el.location, 'x'), a.commit()], 2);
    expect(strictViolations([...review, ...normal], version)).toEqual([]);
  }
});

// --- Read-only, write-only and unknown elements -----------------------------------

const READ_ONLY = {
  '12': [
    'cmi.core._children',
    'cmi.core.student_id',
    'cmi.core.student_name',
    'cmi.core.credit',
    'cmi.core.entry',
    'cmi.core.total_time',
    'cmi.core.lesson_mode',
    'cmi.core.score._children',
    'cmi.launch_data',
    'cmi.comments_from_lms',
    'cmi.student_data.mastery_score',
    'cmi.student_data.max_time_allowed',
    'cmi.student_data.time_limit_action',
    'cmi.objectives._count',
    'cmi.interactions._count',
    'cmi.interactions._children',
    'cmi.interactions.0.objectives._count',
    'cmi.interactions.0.correct_responses._count',
  ],
  '2004': [
    'cmi._version',
    'cmi.learner_id',
    'cmi.learner_name',
    'cmi.entry',
    'cmi.credit',
    'cmi.mode',
    'cmi.total_time',
    'cmi.launch_data',
    'cmi.scaled_passing_score',
    'cmi.max_time_allowed',
    'cmi.time_limit_action',
    'cmi.completion_threshold',
    'cmi.interactions._count',
    'cmi.objectives._count',
    'cmi.score._children',
    'cmi.comments_from_lms.0.comment',
    'adl.nav.request_valid.continue',
  ],
} as const;

const WRITE_ONLY = {
  '12': [
    'cmi.core.exit',
    'cmi.core.session_time',
    'cmi.interactions.0.id',
    'cmi.interactions.0.type',
    'cmi.interactions.0.time',
    'cmi.interactions.0.weighting',
    'cmi.interactions.0.student_response',
    'cmi.interactions.0.result',
    'cmi.interactions.0.latency',
    'cmi.interactions.0.objectives.0.id',
    'cmi.interactions.0.correct_responses.0.pattern',
  ],
  '2004': ['cmi.exit', 'cmi.session_time'],
} as const;

test('SetValue of a read-only element is a violation, both versions', () => {
  for (const version of VERSIONS) {
    for (const el of READ_ONLY[version]) {
      expect(elementAccess(version, el), el).toBe('r');
      expectOne(
        session(version, (a) => [a.set(el, '1')]),
        version,
        `${el} is read-only`,
      );
    }
  }
});

test('GetValue of a write-only element is a violation; the counts of 1.2 interactions are readable', () => {
  for (const version of VERSIONS) {
    for (const el of WRITE_ONLY[version]) {
      expect(elementAccess(version, el), el).toBe('w');
      expectOne(
        session(version, (a) => [a.get(el, '')]),
        version,
        `${el} is write-only`,
      );
    }
  }
  for (const el of [
    'cmi.interactions._count',
    'cmi.interactions._children',
    'cmi.interactions.3.objectives._count',
    'cmi.interactions.3.correct_responses._count',
  ]) {
    expect(
      strictViolations(
        session('12', (a) => [a.get(el, '0')]),
        '12',
      ),
    ).toEqual([]);
  }
  // 2004 interactions are readable.
  expect(
    strictViolations(
      session('2004', (a) => [a.get('cmi.interactions.0.learner_response', 'a'), a.get('cmi.interactions.0.result', 'correct')]),
      '2004',
    ),
  ).toEqual([]);
});

test("an element outside the version's data model is a violation", () => {
  expectOne(
    session('12', (a) => [a.get('cmi.location', '')]),
    '12',
    'cmi.location is not an element of the SCORM 1.2 data model',
  );
  expectOne(
    session('12', (a) => [a.set('cmi.core.score.scaled', '0.5')]),
    '12',
    'not an element of the SCORM 1.2 data model',
  );
  expectOne(
    session('2004', (a) => [a.get('cmi.core.lesson_status', '')]),
    '2004',
    'not an element of the SCORM 2004 data model',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.core.exit', 'suspend')]),
    '2004',
    'not an element of the SCORM 2004 data model',
  );
});

// --- Interaction responses per type -------------------------------------------------

/** type → [values valid as response and pattern, values invalid as both]. */
const RESPONSES_12: Record<string, [string[], string[]]> = {
  'true-false': [
    ['0', '1', 't', 'f'],
    ['true', 'T', 'x', '', 't,f'],
  ],
  choice: [
    ['a', 'a,c', '0,z', '{a,c}'],
    ['', 'A', 'a,bb', 'a[,]b', 'a,', '{a,c', 'a.b'],
  ],
  matching: [
    ['1.a', '1.a,2.c', '{1.a,2.b}'],
    ['1', '1.ab', '1.a,', 'a[.]b', '1.a.b'],
  ],
  sequencing: [
    ['c,a,b', 'a'],
    ['', 'c,ab', '{a,b}', 'c;a'],
  ],
  likert: [
    ['a', '5'],
    ['', 'ab', 'A', 'a,b'],
  ],
  numeric: [
    ['23', '-4.5', '0.25', '999'],
    ['', '1e3', '1000', 'abc', '4,5', '-'],
  ],
  'fill-in': [['', 'stenosis', 'x'.repeat(255)], ['x'.repeat(256)]],
  performance: [['step1 done', 'x'.repeat(255)], ['x'.repeat(256)]],
};

test('SCORM 1.2 student_response and patterns are checked against the interaction type', () => {
  for (const [type, [good, bad]] of Object.entries(RESPONSES_12)) {
    for (const field of ['student_response', 'correct_responses.0.pattern']) {
      for (const v of good) expect(strictViolations(interaction('12', type, field, v), '12'), `${type} ${field} ${v}`).toEqual([]);
      for (const v of bad) expectOne(interaction('12', type, field, v), '12', `cmi.interactions.0.${field} `);
    }
  }
  expectOne(interaction('12', 'choice', 'student_response', 'a,xy'), '12', 'for a choice interaction');
});

/** type → [good learner responses, bad ones, good patterns, bad patterns]. */
const RESPONSES_04: Record<string, [string[], string[], string[], string[]]> = {
  'true-false': [
    ['true', 'false'],
    ['t', '1', 'True', ''],
    ['true', 'false'],
    ['t', 'yes'],
  ],
  choice: [
    ['a', 'opt_a[,]opt_c', 'q1.a'],
    ['', 'a[,]a', 'a[,]', '[,]a', 'opt-a', 'x y', Array.from({ length: 37 }, (_, i) => `c${i}`).join('[,]')],
    ['a[,]c'],
    ['a[,]a', 'opt-a'],
  ],
  sequencing: [['s3[,]s1[,]s2', 's1[,]s1'], ['', 's1[,]', 's-1'], ['s1[,]s2'], ['s1,s2']],
  matching: [['l1[.]c2[,]l2[.]c1', 'a[.]a'], ['x', '1[.]a[.]b', '[.]a', '1[.]', 'a.b'], ['l1[.]c2'], ['l1[.]c-2']],
  likert: [['agree', 'l_5'], ['', 'a[,]b', 'a b'], ['agree'], ['']],
  numeric: [
    ['23', '-4.5', '99999.25'],
    ['', '1e3', '123456', '1[:]2', 'abc'],
    ['23[:]23', '1[:]5', '[:]4', '4[:]', '-2.5[:]2.5'],
    ['23', '[:]', '5[:]1', '1[:]2[:]3', 'a[:]b'],
  ],
  'fill-in': [
    ['stenosis', '{lang=en}stenosis[,]narrowing', ''],
    ['{lang=en}{lang=fr}x', 'x'.repeat(251), Array.from({ length: 11 }, () => 'w').join('[,]')],
    ['{case_matters=true}{order_matters=false}{lang=en}a[,]b', '{order_matters=true}x'],
    ['{case_matters=yes}x', '{case_matters=true}{case_matters=false}x', '{lang=en}{case_matters=true}x'],
  ],
  'long-fill-in': [['{lang=en}' + 'x'.repeat(4000)], ['x'.repeat(4001)], ['{case_matters=false}text'], ['{order_matters=true}text']],
  performance: [
    ['step1[.]a[,]step2[.]2.5', '[.]done'],
    ['step1', 'step1[.]x y', '[.]'],
    ['{order_matters=false}step1[.]1[:]5'],
    ['{case_matters=true}s[.]a', 's[.]a[.]b'],
  ],
  other: [['anything at all', ''], ['x'.repeat(4001)], ['x'], ['x'.repeat(4001)]],
};

test('SCORM 2004 learner_response and patterns are checked against the interaction type', () => {
  for (const [type, [goodR, badR, goodP, badP]] of Object.entries(RESPONSES_04)) {
    for (const [field, good, bad] of [
      ['learner_response', goodR, badR],
      ['correct_responses.0.pattern', goodP, badP],
    ] as const) {
      for (const v of good)
        expect(strictViolations(interaction('2004', type, field, v), '2004'), `${type} ${field} ${v.slice(0, 40)}`).toEqual([]);
      for (const v of bad) expectOne(interaction('2004', type, field, v), '2004', `cmi.interactions.0.${field}`);
    }
  }
});

test('the type remembered is the one set for that index earlier in the same launch', () => {
  // "t" is a 1.2 true-false answer but not a choice one; "5" is a 2004 numeric response but not a pattern.
  expectOne(interaction('12', 'choice', 'student_response', '0,tf'), '12', 'for a choice interaction');
  expectOne(interaction('12', 'true-false', 'student_response', 'a'), '12', 'for a true-false interaction');
  expect(strictViolations(interaction('2004', 'numeric', 'learner_response', '5'), '2004')).toEqual([]);
  expectOne(interaction('2004', 'numeric', 'correct_responses.0.pattern', '5'), '2004', 'must be a range min[:]max');
  // Two interactions of different types, each checked against its own.
  const calls = session('2004', (a) => [
    a.set('cmi.interactions.0.id', 'q1'),
    a.set('cmi.interactions.0.type', 'true-false'),
    a.set('cmi.interactions.1.id', 'q2'),
    a.set('cmi.interactions.1.type', 'choice'),
    a.set('cmi.interactions.1.learner_response', 'true'),
    a.set('cmi.interactions.0.learner_response', 'opt_a'),
  ]);
  const v = strictViolations(calls, '2004');
  expect(v).toHaveLength(1);
  expect(v[0]).toContain('cmi.interactions.0.learner_response must be "true" or "false"');
  // A type read back from the LMS counts too.
  const stored = session('2004', (a) => [
    a.get('cmi.interactions._count', '1'),
    a.get('cmi.interactions.0.type', 'likert'),
    a.set('cmi.interactions.0.learner_response', 'a[,]b'),
  ]);
  expectOne(stored, '2004', 'one short identifier');
  // In 1.2 a launch knows no type from before: the course's own formats are assumed.
  expect(
    strictViolations(
      session('12', (a) => [a.set('cmi.interactions.0.student_response', 'a,c')]),
      '12',
    ),
  ).toEqual([]);
  expectOne(
    session('12', (a) => [a.set('cmi.interactions.0.student_response', 'a,bb')]),
    '12',
    'as the type requires',
  );
  // A new launch starts without the types of the last one.
  const first = session('2004', (a) => [a.set('cmi.interactions.0.id', 'q1'), a.set('cmi.interactions.0.type', 'numeric')], 1);
  const second = session('2004', (a) => [a.set('cmi.interactions.0.learner_response', '5')], 2);
  expectOne([...first, ...second], '2004', "an interaction's id must be set first");
});

test('2004 true-false, likert, numeric and other take one correct response only', () => {
  for (const [type, value] of [
    ['true-false', 'true'],
    ['likert', 'a'],
    ['numeric', '1[:]2'],
    ['other', 'x'],
  ] as const) {
    expectOne(interaction('2004', type, 'correct_responses.1.pattern', value), '2004', 'second correct response');
  }
  expect(strictViolations(interaction('2004', 'choice', 'correct_responses.1.pattern', 'a'), '2004')).toEqual([]);
});

// --- 2004 ordering: interactions and objectives -------------------------------------

test('2004 interactions: id first, then type, then the responses', () => {
  expectOne(
    session('2004', (a) => [a.set('cmi.interactions.0.type', 'choice'), a.set('cmi.interactions.0.id', 'q1')]),
    '2004',
    "an interaction's id must be set first",
  );
  expectOne(
    session('2004', (a) => [
      a.set('cmi.interactions.0.id', 'q1'),
      a.set('cmi.interactions.0.timestamp', '2026-11-25T10:15:30'),
      a.set('cmi.interactions.0.type', 'choice'),
    ]),
    '2004',
    "an interaction's type must follow its id",
  );
  const noType = session('2004', (a) => [
    a.set('cmi.interactions.0.id', 'q1'),
    a.set('cmi.interactions.0.result', 'correct'),
    a.set('cmi.interactions.0.learner_response', 'a'),
  ]);
  const v = strictViolations(noType, '2004');
  expect(v).toHaveLength(2);
  expect(v[0]).toContain("an interaction's type must follow its id");
  expect(v[1]).toContain("an interaction's type must be set before its learner_response");
  // An interaction the LMS already holds (index below _count) is not new.
  expect(
    strictViolations(
      session('2004', (a) => [a.get('cmi.interactions._count', '1'), a.set('cmi.interactions.0.result', 'neutral')]),
      '2004',
    ),
  ).toEqual([]);
  // 1.2 has no such order.
  expect(
    strictViolations(
      session('12', (a) => [a.set('cmi.interactions.0.result', 'correct'), a.set('cmi.interactions.0.id', 'q1')]),
      '12',
    ),
  ).toEqual([]);
});

test("2004 objectives: a new objective's id before any other of its fields", () => {
  expectOne(
    session('2004', (a) => [a.set('cmi.objectives.0.success_status', 'passed')]),
    '2004',
    "an objective's id must be set before its other fields",
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.objectives.0.score.scaled', '0.5'), a.set('cmi.objectives.0.id', 'o1')]),
    '2004',
    "an objective's id must be set",
  );
  expect(
    strictViolations(
      session('2004', (a) => [a.set('cmi.objectives.0.id', 'o1'), a.set('cmi.objectives.0.success_status', 'passed')]),
      '2004',
    ),
  ).toEqual([]);
  // Objectives the LMS already holds: known from _count or from their id read back.
  expect(
    strictViolations(
      session('2004', (a) => [a.get('cmi.objectives._count', '2'), a.set('cmi.objectives.1.success_status', 'passed')]),
      '2004',
    ),
  ).toEqual([]);
  expect(
    strictViolations(
      session('2004', (a) => [a.get('cmi.objectives.3.id', 'o4'), a.set('cmi.objectives.3.success_status', 'failed')]),
      '2004',
    ),
  ).toEqual([]);
  expectOne(
    session('2004', (a) => [a.get('cmi.objectives._count', '2'), a.set('cmi.objectives.2.success_status', 'passed')]),
    '2004',
    "an objective's id must be set",
  );
  // 1.2 has no such rule.
  expect(
    strictViolations(
      session('12', (a) => [a.set('cmi.objectives.0.status', 'passed')]),
      '12',
    ),
  ).toEqual([]);
});

// --- Times, durations and numbers ---------------------------------------------------

test('2004 timestamps: the time zone only after a fraction, years 1970-2038, real dates', () => {
  const good = [
    '2026',
    '2026-11',
    '2026-11-25',
    '2026-11-25T10',
    '2026-11-25T10:15',
    '2026-11-25T10:15:30',
    '2026-11-25T10:15:30.1',
    '2026-11-25T10:15:30.12Z',
    '2026-11-25T10:15:30.1+02',
    '2026-11-25T10:15:30.12-03:30',
    '1970-01-01T00:00:00',
    '2038-12-31T23:59:59.99Z',
    '2028-02-29',
  ];
  const bad = [
    '2026-11-25T10:15:30Z',
    '2026-11-25T10:15:30+02:00',
    '2026-11-25T10:15Z',
    '2026-11-25T10:15:30.123Z',
    '2039-01-01',
    '1969-12-31',
    '2026-13-01',
    '2026-02-30',
    '2027-02-29',
    '2026-11-25T24:00',
    '2026-11-25 10:15:30',
    '2026-11-25T10:15:30.12+24:00',
    '2026-11-25T10:15:30.12Z:30',
    '26-11-25',
    '2026-11-25T10:15:30.',
  ];
  for (const v of good) expect(elementProblem('2004', 'cmi.interactions.0.timestamp', v), v).toBeNull();
  for (const v of bad) expect(elementProblem('2004', 'cmi.interactions.0.timestamp', v), v).not.toBeNull();
  expectOne(
    session('2004', (a) => [
      a.set('cmi.interactions.0.id', 'q1'),
      a.set('cmi.interactions.0.type', 'other'),
      a.set('cmi.interactions.0.timestamp', '2026-11-25T10:15:30Z'),
    ]),
    '2004',
    'time zone only after',
  );
});

test('2004 durations: ISO 8601 with at least one component, T only before a time part, 2 decimals at most', () => {
  const good = ['PT0S', 'PT5S', 'PT1.5S', 'PT12.34S', 'PT1H2M3.45S', 'PT2H', 'PT90M', 'P1D', 'P1Y2M3DT4H5M6S', 'P0D', 'PT0005H'];
  const bad = ['P', 'PT', 'P1DT', 'PT1.234S', 'PT.5S', '00:01:30', 'PT1S2M', 'P1H', 'PT-5S', '1S', 'pt5s', 'PT1,5S'];
  for (const el of ['cmi.session_time', 'cmi.interactions.0.latency']) {
    for (const v of good) expect(elementProblem('2004', el, v), v).toBeNull();
    for (const v of bad) expect(elementProblem('2004', el, v), v).not.toBeNull();
  }
  expectOne(
    session('2004', (a) => [a.set('cmi.session_time', 'PT')]),
    '2004',
    'cmi.session_time must be an ISO 8601 duration',
  );
});

test('1.2 timespans HHHH:MM:SS.SS and times of day', () => {
  const good = ['00:00:00', '00:01:30.5', '12:00:59.99', '0001:02:03.45', '9999:59:59.99'];
  const bad = ['1:00:00', '00000:00:00', '00:60:00', '00:00:60', '00:00:00.123', 'PT1M30S', '00:01', '00:00:00.'];
  for (const el of ['cmi.core.session_time', 'cmi.interactions.0.latency']) {
    for (const v of good) expect(elementProblem('12', el, v), v).toBeNull();
    for (const v of bad) expect(elementProblem('12', el, v), v).not.toBeNull();
  }
  for (const v of ['00:00:00', '23:59:59', '09:05:07.5']) expect(elementProblem('12', 'cmi.interactions.0.time', v), v).toBeNull();
  for (const v of ['24:00:00', '9:05:07', '2024-01-01T12:30:05', '12:30'])
    expect(elementProblem('12', 'cmi.interactions.0.time', v), v).not.toBeNull();
  expectOne(
    session('12', (a) => [a.set('cmi.core.session_time', 'PT5S')]),
    '12',
    'cmi.core.session_time must be HHHH:MM:SS.SS',
  );
});

test('decimals: 1.2 CMIDecimal and 2004 real(10,7), with the score ranges', () => {
  for (const v of ['0', '80', '100', '99.5', '0.25']) expect(elementProblem('12', 'cmi.core.score.raw', v), v).toBeNull();
  for (const v of ['', '-1', '100.5', '101', '1e2', '.5', '80%', ' 80'])
    expect(elementProblem('12', 'cmi.core.score.raw', v), v).not.toBeNull();
  for (const v of ['1', '-100', '0.5']) expect(elementProblem('12', 'cmi.interactions.0.weighting', v), v).toBeNull();
  for (const v of ['101', '1000', 'x']) expect(elementProblem('12', 'cmi.interactions.0.weighting', v), v).not.toBeNull();
  for (const v of ['-1', '0', '0.8', '1', '0.1234567']) expect(elementProblem('2004', 'cmi.score.scaled', v), v).toBeNull();
  for (const v of ['1.5', '-1.01', '1e-1', '', '.5']) expect(elementProblem('2004', 'cmi.score.scaled', v), v).not.toBeNull();
  for (const v of ['1', '12345.5', '-3']) expect(elementProblem('2004', 'cmi.interactions.0.weighting', v), v).toBeNull();
  for (const v of ['123456', '1e3', 'one']) expect(elementProblem('2004', 'cmi.interactions.0.weighting', v), v).not.toBeNull();
  for (const v of ['0', '0.5', '1']) expect(elementProblem('2004', 'cmi.progress_measure', v), v).toBeNull();
  expect(elementProblem('2004', 'cmi.progress_measure', '1.1')).not.toBeNull();
  expectOne(
    session('12', (a) => [a.set('cmi.core.score.raw', '150')]),
    '12',
    'must be a number from 0 to 100',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.score.scaled', '1.5')]),
    '2004',
    'must be a number from -1 to 1',
  );
});

// --- Existing value rules ------------------------------------------------------------

test('vocabularies: 1.2 has no "normal" exit and no "incorrect" result; 2004 has no "wrong"', () => {
  expectOne(
    session('12', (a) => [a.set('cmi.core.exit', 'normal')]),
    '12',
    'cmi.core.exit must be one of',
  );
  expectOne(
    session('12', (a) => [a.set('cmi.core.lesson_status', 'not attempted')]),
    '12',
    'cmi.core.lesson_status must be one of',
  );
  expectOne(
    session('12', (a) => [a.set('cmi.interactions.0.result', 'incorrect')]),
    '12',
    'must be one of',
  );
  expectOne(
    session('2004', (a) => [
      a.set('cmi.interactions.0.id', 'q1'),
      a.set('cmi.interactions.0.type', 'choice'),
      a.set('cmi.interactions.0.result', 'wrong'),
    ]),
    '2004',
    'must be one of',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.success_status', 'completed')]),
    '2004',
    'cmi.success_status must be one of',
  );
});

test('identifiers: 1.2 CMIIdentifier, 2004 long identifiers and Moodle short identifiers', () => {
  expectOne(
    session('12', (a) => [a.set('cmi.interactions.0.id', 'quiz q1')]),
    '12',
    'must be a CMIIdentifier',
  );
  expectOne(
    session('12', (a) => [a.set('cmi.objectives.0.id', 'obj:1')]),
    '12',
    'must be a CMIIdentifier',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.interactions.0.id', 'quiz q1')]),
    '2004',
    'long identifier',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.objectives.0.id', 'urn:a_b:c')]),
    '2004',
    'urn:<NID>:<NSS>',
  );
  expect(
    strictViolations(
      session('2004', (a) => [a.set('cmi.objectives.0.id', 'urn:ourco:quiz1:q3')]),
      '2004',
    ),
  ).toEqual([]);
  expect(elementProblem('2004', 'cmi.interactions.0.learner_response', 'opt-a', 'choice')).toContain(
    'short identifiers (letters, digits, _ and .)',
  );
  expect(elementProblem('2004', 'cmi.interactions.0.learner_response', 'x'.repeat(251), 'likert')).not.toBeNull();
});

test('lengths: suspend data 4096 ASCII, 1.2 location 255, 2004 location 1000, description 250', () => {
  for (const version of VERSIONS) {
    expect(
      strictViolations(
        session(version, (a) => [a.set('cmi.suspend_data', 'x'.repeat(4096))]),
        version,
      ),
    ).toEqual([]);
    expectOne(
      session(version, (a) => [a.set('cmi.suspend_data', 'x'.repeat(4097))]),
      version,
      'has 4097 characters, more than 4096',
    );
    expectOne(
      session(version, (a) => [a.set('cmi.suspend_data', '{"n":"Zoë"}')]),
      version,
      'printable ASCII',
    );
  }
  expectOne(
    session('12', (a) => [a.set('cmi.core.lesson_location', 'x'.repeat(256))]),
    '12',
    'more than 255',
  );
  expectOne(
    session('2004', (a) => [a.set('cmi.location', 'x'.repeat(1001))]),
    '2004',
    'more than 1000',
  );
  expect(
    strictViolations(
      session('2004', (a) => [a.set('cmi.location', 'x'.repeat(1000))]),
      '2004',
    ),
  ).toEqual([]);
  expectOne(
    session('2004', (a) => [
      a.set('cmi.interactions.0.id', 'q1'),
      a.set('cmi.interactions.0.type', 'other'),
      a.set('cmi.interactions.0.description', 'x'.repeat(251)),
    ]),
    '2004',
    'more than 250',
  );
});

test('an unchanged value set again is reported, except for interactions', () => {
  for (const version of VERSIONS) {
    expectOne(
      session(version, (a) => [a.set(EL[version].location, 'p1'), a.set(EL[version].location, 'p1')]),
      version,
      'set again to the same value',
    );
    expect(
      strictViolations(
        session(version, (a) => [a.set(EL[version].location, 'p1'), a.set(EL[version].location, 'p2'), a.set(EL[version].location, 'p1')]),
        version,
      ),
    ).toEqual([]);
  }
  const twice = session('12', (a) => [
    a.set('cmi.interactions.0.id', 'q1'),
    a.set('cmi.interactions.1.id', 'q1'),
    a.set('cmi.interactions.0.result', 'correct'),
    a.set('cmi.interactions.1.result', 'correct'),
  ]);
  expect(strictViolations(twice, '12')).toEqual([]);
});

// --- The exported helpers --------------------------------------------------------------

test('elementProblem without a type keeps checking the formats the course uses', () => {
  for (const v of ['a', 'a,c', 'a.b,b.c', 't', 'f', '23', '21.5'])
    expect(elementProblem('12', 'cmi.interactions.0.student_response', v), v).toBeNull();
  for (const v of ['a,bb', 'true', 'a[,]b']) expect(elementProblem('12', 'cmi.interactions.0.student_response', v), v).not.toBeNull();
  for (const v of ['true', 'a[,]c', 'i1[.]t2[,]i2[.]t3', '23', '21[:]25'])
    expect(elementProblem('2004', 'cmi.interactions.0.learner_response', v), v).toBeNull();
  for (const v of ['opt-a', 'a b', '']) expect(elementProblem('2004', 'cmi.interactions.0.learner_response', v), v).not.toBeNull();
  expect(elementProblem('12', 'cmi.core.lesson_location', 'lesson:1')).toBeNull();
});

test('count counts calls by function name', () => {
  const calls = session('2004', (a) => [a.commit(), a.set('cmi.location', 'x'), a.commit()]);
  expect(count(calls, /Commit$/)).toBe(2);
  expect(count(calls, /^(LMSFinish|Terminate)$/)).toBe(1);
});
