import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type FrameLocator, type Page } from '@playwright/test';

/** The Chamilo lab of ../shared/chamilo-lab: its folder (lab.json, lps.json, the chroot) and address. */
export const LAB_DIR = process.env.CHAMILO_LAB ?? '/work/chamilo-lab';
const labJson = JSON.parse(readFileSync(join(LAB_DIR, 'lab.json'), 'utf8')) as {
  url: string;
  course: { code: string };
  db: { name: string };
};
export const BASE = labJson.url.replace(/\/$/, '');
export const COURSE = labJson.course.code;
export const PASSWORD = process.env.CHAMILO_LEARNER_PASS ?? 'Learner#2026';

/** Learning path ids of the last upload (upload.mjs writes lps.json), or CHAMILO_LP12 / CHAMILO_LP2004. */
export function lpId(version: '12' | '2004'): number {
  const fromEnv = process.env[`CHAMILO_LP${version}`];
  if (fromEnv) return Number(fromEnv);
  const lps = JSON.parse(readFileSync(join(LAB_DIR, 'lps.json'), 'utf8')) as Record<string, { lpId: number }>;
  const id = lps[version]?.lpId;
  if (!id) throw new Error(`no SCORM ${version} learning path in ${LAB_DIR}/lps.json: run upload.mjs first`);
  return id;
}

/** Rows of a query to the lab's MariaDB (as root, through the chroot), as objects. */
export function sql(query: string): Array<Record<string, string | null>> {
  const out = execFileSync('chroot', [join(LAB_DIR, 'rootfs'), '/usr/bin/mysql', '--batch', '--raw', labJson.db.name, '-e', query], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const [head, ...rows] = out.split('\n').filter((l) => l !== '');
  const cols = head?.split('\t') ?? [];
  return rows.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i] ?? String(i), v === 'NULL' ? null : v])));
}

/** A new learner enrolled in the course (provision.php), so a run starts with no attempt. */
export function newLearner(prefix: string): string {
  const username = `${prefix}${Date.now().toString(36)}`.toLowerCase();
  execFileSync('chroot', [join(LAB_DIR, 'rootfs'), 'env', `EXTRA_LEARNERS=${username}`, 'php', '/root/provision.php'], {
    encoding: 'utf8',
  });
  return username;
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${BASE}/index.php`);
  if (!(await page.locator('input[name="login"]').count())) return;
  await page.fill('input[name="login"]', username);
  await page.fill('input[name="password"]', password);
  await Promise.all([page.waitForLoadState('load'), page.locator('button[name="submitAuth"]').first().click()]);
  if (await page.locator('input[name="login"]').count()) throw new Error(`login as ${username} failed`);
}

/** One SCORM call as the course made it to Chamilo's API (the page above the course's frame). */
export interface ApiCall {
  session: number;
  fn: string;
  args: string[];
  result: string;
  error: string;
}

/**
 * Records every call the course makes to Chamilo's API: an init script in the course's frame wraps
 * the parent's API object in place before the course finds it. Calls made while the page unloads
 * are recorded too (a binding message, not a request).
 */
export async function recordApiCalls(page: Page, calls: ApiCall[], session: () => number): Promise<void> {
  await page.exposeBinding('__chamiloCall', (_src, call: Omit<ApiCall, 'session'>) => void calls.push({ session: session(), ...call }));
  await page.addInitScript(() => {
    if (window === window.top) return;
    const w = window.parent as unknown as Record<string, Record<string, unknown> & { __wrapped?: boolean }>;
    const report = (window as unknown as { __chamiloCall: (c: unknown) => void }).__chamiloCall;
    for (const name of ['API', 'API_1484_11']) {
      const api = w[name];
      if (!api || api.__wrapped) continue;
      api.__wrapped = true;
      for (const fn of Object.keys(api)) {
        const f = api[fn];
        if (typeof f !== 'function' || /GetLastError|GetErrorString|GetDiagnostic/.test(fn)) continue;
        api[fn] = (...args: unknown[]) => {
          const result = String((f as (...a: unknown[]) => unknown).apply(api, args));
          const errFn = (api.GetLastError ?? api.LMSGetLastError) as () => unknown;
          report({ fn, args: args.map(String), result, error: String(errFn.call(api)) });
          return result;
        };
      }
    }
  });
}

/** Opens the learning path as a learner does; resolves when the course takes input. */
export async function openPath(page: Page, lp: number): Promise<FrameLocator> {
  await page.goto(`${BASE}/main/lp/lp_controller.php?cidReq=${COURSE}&action=view&lp_id=${lp}`);
  const frame = page.frameLocator('iframe#content_id');
  await expect(frame.locator(':root[data-course-ready]')).toBeAttached({ timeout: 30_000 });
  return frame;
}

/** Leaves with Chamilo's own home button in the player's toolbar (it saves, then goes to the course page). */
export async function leaveWithHome(page: Page): Promise<void> {
  await Promise.all([
    page.waitForURL((u) => !u.pathname.includes('lp_controller.php') || !u.search.includes('action=view')),
    page.locator('#home-course').click(),
  ]);
  await page.waitForLoadState('load');
}

/** What Chamilo stored for the learner in the learning path: c_lp_view and c_lp_item_view, interactions, objectives. */
export function stored(username: string, lp: number) {
  const views = sql(
    `SELECT u.username, v.iid AS view_iid, v.lp_id, v.view_count, v.progress, iv.iid, iv.status, iv.score, iv.max_score, iv.total_time,
     iv.lesson_location, iv.core_exit, LENGTH(iv.suspend_data) AS suspend_len, iv.suspend_data
     FROM c_lp_item_view iv JOIN c_lp_view v ON v.iid = iv.lp_view_id JOIN user u ON u.id = v.user_id
     WHERE u.username = '${username}' AND v.lp_id = ${lp} ORDER BY iv.iid`,
  );
  const ids = views.map((v) => v.iid).join(',') || '0';
  const interactions = sql(
    `SELECT lp_iv_id, order_id, interaction_id, interaction_type, student_response, result, correct_responses, latency
     FROM c_lp_iv_interaction WHERE lp_iv_id IN (${ids}) ORDER BY lp_iv_id, order_id`,
  );
  const objectives = sql(`SELECT lp_iv_id, objective_id, score_raw, score_max, status FROM c_lp_iv_objective WHERE lp_iv_id IN (${ids})`);
  return { views, interactions, objectives };
}
