import { expect, test } from '@playwright/test';
import { TabGuard } from '../../src/tracking/tab-guard.ts';
import { FakeClock } from '../support/fakes.ts';

// Without Web Locks (a page that is not a secure context), the copies of the course on one record
// find each other on a broadcast channel: one of them writes, whatever their timing.

/** Lets the channel's messages arrive (they go between event loop turns). */
const settle = () => new Promise((done) => setTimeout(done, 20));

function guard(clock: FakeClock, name: string): TabGuard {
  return new TabGuard(name, { clock, locks: null, channel: new BroadcastChannel(name), handOver: () => '', onTakenOver: () => {} });
}

for (const apart of [0, 100, 299, 400]) {
  test(`two copies opened ${apart} ms apart without Web Locks: one writes (the first, if it was first), the other stands by`, async () => {
    const clock = new FakeClock();
    const name = `record-${apart}`;
    const first = guard(clock, name);
    const firstRole = first.start();
    await settle();
    clock.advance(apart);
    await settle();
    const second = guard(clock, name);
    const secondRole = second.start();
    for (let i = 0; i < 8; i++) {
      await settle();
      clock.advance(100);
    }
    const roles = [await firstRole, await secondRole];
    // At the same moment, the tie is broken by the copies' random ids.
    if (apart === 0) expect([...roles].sort()).toEqual(['standby', 'writer']);
    else expect(roles).toEqual(['writer', 'standby']);
    first.close();
    second.close();
  });
}
