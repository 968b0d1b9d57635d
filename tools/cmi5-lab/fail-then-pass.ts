// A fail-then-pass learner in the cmi5 lab's CATAPULT player: imports the zip, registers one learner, launches AU 0,
// fails the exam and exits; launches again in the same registration, passes, completes the evaluation and exits.
// Then prints every statement the ADL LRS holds for the registration, and the player's view of it.
//   node --import tsx tools/cmi5-lab/fail-then-pass.ts dist/<slug>-<version>-cmi5.zip   (lab started; CMI5_SHOTS=<dir> for screenshots)
import { chromium, type FrameLocator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { exam, finishExam, goToCertificate, openFromMenu, readAllLessons, startExam } from '../../tests/support/flows.ts';

const env = process.env;
const PLAYER = `http://127.0.0.1:${env.PLAYER_PORT ?? 8120}`;
const LRS = `http://127.0.0.1:${env.LRS_PORT ?? 8110}/xapi/`;
const basic = (u: string, p: string) => `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}`;
const lrsAuth = basic(env.LRS_USER ?? 'lab', env.LRS_PASS ?? 'lab-lrs-pass');
const apiAuth = basic(env.PLAYER_KEY ?? 'lab-player-key', env.PLAYER_SECRET ?? 'lab-player-secret');
const pkg = process.argv[2];
if (!pkg) throw new Error('usage: fail-then-pass.ts <cmi5 zip>');
const shots = env.CMI5_SHOTS;

async function call<T>(
  method: string,
  url: string,
  opts: { auth?: string; json?: unknown; body?: Buffer; headers?: Record<string, string> } = {},
): Promise<T> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.auth) headers['Authorization'] = opts.auth;
  let body: BodyInit | undefined = opts.body ? new Blob([new Uint8Array(opts.body)]) : undefined;
  if (opts.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(opts.json);
  }
  const r = await fetch(url, { method, headers, body });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${url} -> ${r.status}: ${text.slice(0, 400)}`);
  return (text ? JSON.parse(text) : null) as T;
}

const tenant = await call<{ id: number }>('POST', `${PLAYER}/api/v1/tenant`, { auth: apiAuth, json: { code: `lab-${Date.now()}` } });
const { token } = await call<{ token: string }>('POST', `${PLAYER}/api/v1/auth`, {
  auth: apiAuth,
  json: { tenantId: tenant.id, audience: 'cmi5-lab' },
});
const bearer = `Bearer ${token}`;
const course = await call<{ id: number; lmsId: string }>('POST', `${PLAYER}/api/v1/course`, {
  auth: bearer,
  body: readFileSync(pkg),
  headers: { 'Content-Type': 'application/zip' },
});
const actor = {
  objectType: 'Agent',
  name: 'Dana Reyes',
  account: { homePage: 'https://cmi5-lab.invalid', name: `learner-${randomUUID()}` },
};
const reg = await call<{ id: number; code: string }>('POST', `${PLAYER}/api/v1/registration`, {
  auth: bearer,
  json: { courseId: course.id, actor },
});
console.log('course', course.id, course.lmsId, 'registration', reg.code);

const browser = await chromium.launch({ executablePath: env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });

async function session(n: number, learner: (page: Page, course: FrameLocator) => Promise<void>): Promise<void> {
  const launch = await call<{ url: string }>('POST', `${PLAYER}/api/v1/course/${course.id}/launch-url/0`, {
    auth: bearer,
    json: { actor, reg: reg.code, returnUrl: `${PLAYER}/api/v1/ping` },
  });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('console', (m) => m.type() !== 'log' && console.log(`  [session ${n} console.${m.type()}] ${m.text()}`));
  await page.goto(launch.url);
  await page.locator(':root[data-course-ready]').waitFor({ state: 'attached' });
  await learner(page, page as unknown as FrameLocator);
  await page.getByRole('button', { name: 'Exit course' }).click();
  await page.waitForURL(/\/api\/v1\/ping/, { timeout: 30_000 });
  console.log(`session ${n}: back at the returnURL`);
  await page.close();
}

const shot = (page: Page, name: string) => (shots ? page.screenshot({ path: `${shots}/${name}.png` }) : Promise.resolve(Buffer.from('')));

await session(1, async (page, c) => {
  await shot(page, 'ftp-1-start');
  await c.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(c);
  await startExam(c);
  await finishExam(c, () => true);
  await shot(page, 'ftp-2-failed');
});
await session(2, async (page, c) => {
  await shot(page, 'ftp-3-relaunch');
  await c.getByRole('button', { name: 'Continue where you left off' }).click();
  await openFromMenu(c, (await exam()).title);
  await c.getByRole('button', { name: 'Try again' }).click();
  await c.getByRole('button', { name: 'Start', exact: true }).click();
  await shot(page, 'ftp-4-exam');
  await finishExam(c);
  await shot(page, 'ftp-5-passed');
  await goToCertificate(c);
  await shot(page, 'ftp-6-certificate');
});
await browser.close();
await new Promise((r) => setTimeout(r, 1500));

interface St {
  stored: string;
  verb: { id: string };
  object: { id: string; definition?: { name?: Record<string, string> } };
  result?: Record<string, unknown>;
  context?: { extensions?: Record<string, unknown> };
}
let url = `${LRS}statements?${new URLSearchParams({ registration: reg.code, ascending: 'true', limit: '100' })}`;
const all: St[] = [];
for (;;) {
  const page = await call<{ statements: St[]; more?: string }>('GET', url, {
    auth: lrsAuth,
    headers: { 'X-Experience-API-Version': '1.0.3' },
  });
  all.push(...page.statements);
  if (!page.more) break;
  url = new URL(page.more, LRS).href;
}
const sessions = new Map<unknown, number>();
for (const s of all) {
  const sid = s.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/sessionid'];
  if (sid && !sessions.has(sid)) sessions.set(sid, sessions.size + 1);
  const name = s.object.definition?.name?.['en-US'];
  console.log(
    `${s.stored.slice(11, 23)} s${sessions.get(sid) ?? '-'} ${s.verb.id.replace(/.*\//, '').padEnd(11)} ${s.object.id.replace(/^.*\/course\/[^/]+/, '…').slice(-60)}` +
      (name ? ` "${name.slice(0, 60)}"` : '') +
      (s.result ? ` ${JSON.stringify(s.result).slice(0, 160)}` : ''),
  );
}
const counts = all.reduce<Record<string, number>>(
  (m, s) => ((m[s.verb.id.replace(/.*\//, '')] = (m[s.verb.id.replace(/.*\//, '')] ?? 0) + 1), m),
  {},
);
console.log('statements:', all.length, JSON.stringify(counts));
const after = await call<{ metadata?: { moveOn?: { satisfied?: boolean } } }>('GET', `${PLAYER}/api/v1/registration/${reg.id}`, {
  auth: bearer,
});
console.log('player registration satisfied:', after.metadata?.moveOn?.satisfied === true);
