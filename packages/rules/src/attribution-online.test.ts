// decideOnlineAttribution: the last share within the window, and live cards during a session.
import { describe, expect, it } from '@jest/globals';
import { decideOnlineAttribution } from './attribution.js';
import type { AttributionDecision, MemberBinding } from './types.js';
import { DAY, HOUR, T0, baseInput, creditedBy, live, liveTouch, policy, touch } from './attribution.fixtures.js';

type Input = Parameters<typeof decideOnlineAttribution>[0];

const decide = (overrides: Partial<Input> = {}): AttributionDecision =>
  decideOnlineAttribution({ ...baseInput, orderAt: T0, live: null, ...overrides });

const servedByG2: MemberBinding = { serviceGuideId: 'g2', serviceStoreId: 's2', openingGuideId: 'g2' };

describe('decideOnlineAttribution — share (last touch)', () => {
  it('credits the guide of a touch within the window, with the evidence', () => {
    const t = touch('g1', T0 - DAY);
    expect(decide({ touches: [t] })).toEqual(creditedBy(t, 's1'));
  });

  it("credits the guide's current store, not the store the code was issued in", () => {
    const t = touch('g1', T0 - HOUR, { storeId: 's-previous' });
    expect(decide({ touches: [t] }).storeId).toBe('s1');
  });

  it('picks the most recent touch whatever the order of the array', () => {
    const older = touch('g1', T0 - 3 * DAY);
    const newest = touch('g2', T0 - HOUR);
    const middle = touch('g3', T0 - DAY);
    const d = decide({ touches: [older, newest, middle] });
    expect([d.guideId, d.shareCode]).toEqual(['g2', newest.shareCode]);
  });

  it('counts a touch exactly at the start of the window (inclusive)', () => {
    const t = touch('g1', T0 - 7 * DAY);
    expect(decide({ touches: [t] })).toMatchObject({ rule: 'share', guideId: 'g1' });
  });

  it('ignores a touch 1 ms before the window', () => {
    const t = touch('g1', T0 - 7 * DAY - 1);
    expect(decide({ touches: [t] })).toMatchObject({ rule: 'none', guideId: null, shareCode: null, touchedAt: null });
  });

  it('falls past an expired touch to the service guide', () => {
    const t = touch('g1', T0 - 7 * DAY - 1);
    expect(decide({ touches: [t], member: servedByG2 })).toMatchObject({ rule: 'service_guide', guideId: 'g2' });
  });

  it('counts a touch at exactly the order time', () => {
    const t = touch('g1', T0);
    expect(decide({ touches: [t] })).toMatchObject({ rule: 'share', guideId: 'g1', touchedAt: T0 });
  });

  it('ignores touches after the order, even by 1 ms', () => {
    const before = touch('g1', T0 - DAY);
    const after = touch('g2', T0 + 1);
    expect(decide({ touches: [before, after] })).toMatchObject({ guideId: 'g1', shareCode: before.shareCode });
    expect(decide({ touches: [after] }).rule).toBe('none');
  });

  it('breaks a tie on time by the higher seq, in either array order', () => {
    const first = touch('g1', T0 - HOUR, { seq: 10 });
    const second = touch('g2', T0 - HOUR, { seq: 11 });
    expect(decide({ touches: [first, second] }).guideId).toBe('g2');
    expect(decide({ touches: [second, first] }).guideId).toBe('g2');
  });

  it('uses the policy window, not a fixed 7 days', () => {
    const t = touch('g1', T0 - 25 * HOUR);
    const oneDay = { ...policy, onlineWindowHours: 24 };
    expect(decide({ touches: [t], policy: oneDay }).rule).toBe('none');
    expect(decide({ touches: [touch('g1', T0 - 24 * HOUR)], policy: oneDay }).rule).toBe('share');
  });

  it('with a zero window, only a touch at the order instant counts', () => {
    const zero = { ...policy, onlineWindowHours: 0 };
    expect(decide({ touches: [touch('g1', T0 - 1)], policy: zero }).rule).toBe('none');
    expect(decide({ touches: [touch('g1', T0)], policy: zero }).rule).toBe('share');
  });

  it('a share touch beats the service guide', () => {
    expect(decide({ touches: [touch('g1', T0 - DAY)], member: servedByG2 })).toMatchObject({
      rule: 'share',
      guideId: 'g1',
    });
  });

  it('records the policy version that decided', () => {
    expect(decide({ policy: { ...policy, version: 42 } }).policyVersion).toBe(42);
  });

  it('does not reorder or modify the touches it is given', () => {
    const touches = [touch('g1', T0 - HOUR), touch('g2', T0 - DAY)];
    const copy = structuredClone(touches);
    decide({ touches });
    expect(touches).toEqual(copy);
  });
});

describe('decideOnlineAttribution — livestream', () => {
  it('credits the live card guide for an order during the session, over a later product share', () => {
    const lt = liveTouch('g1', T0 - HOUR);
    const later = touch('g2', T0 - 1);
    expect(decide({ touches: [lt, later], live })).toEqual(creditedBy(lt, 's1', { rule: 'live_share' }));
  });

  it("credits the guide's own store even when the live belongs to another store", () => {
    expect(live.storeId).toBe('s2');
    expect(decide({ touches: [liveTouch('g1', T0 - HOUR)], live })).toMatchObject({
      rule: 'live_share',
      storeId: 's1',
    });
  });

  it('applies at exactly the start and the end of the session', () => {
    const lt = liveTouch('g1', live.startsAt - DAY);
    expect(decide({ touches: [lt], live, orderAt: live.startsAt }).rule).toBe('live_share');
    expect(decide({ touches: [lt], live, orderAt: live.endsAt }).rule).toBe('live_share');
  });

  it('does not apply 1 ms before the session starts or after it ends: the live touch is then an ordinary share', () => {
    const lt = liveTouch('g1', live.startsAt - DAY);
    expect(decide({ touches: [lt], live, orderAt: live.startsAt - 1 }).rule).toBe('share');
    expect(decide({ touches: [lt], live, orderAt: live.endsAt + 1 }).rule).toBe('share');
  });

  it('after the session, the latest touch wins even if it is a product share', () => {
    const lt = liveTouch('g1', T0 - HOUR);
    const later = touch('g2', live.endsAt + 10);
    expect(decide({ touches: [lt, later], live, orderAt: live.endsAt + 20 })).toMatchObject({
      rule: 'share',
      guideId: 'g2',
    });
  });

  it('ignores a live touch recorded after the order', () => {
    const product = touch('g2', T0 - DAY);
    const lateLive = liveTouch('g1', T0 + 1);
    expect(decide({ touches: [product, lateLive], live })).toMatchObject({ rule: 'share', guideId: 'g2' });
  });

  it('ignores a live card of another live', () => {
    const other = liveTouch('g1', T0 - HOUR, 'live-other');
    expect(decide({ touches: [other], live })).toMatchObject({ rule: 'share', guideId: 'g1' });
  });

  it('does not treat a product touch whose target happens to equal the live id as a live card', () => {
    const product = touch('g1', T0 - HOUR, { kind: 'product', targetId: live.id });
    expect(decide({ touches: [product], live }).rule).toBe('share');
  });

  it('without a live session on the order, a live card is an ordinary share', () => {
    expect(decide({ touches: [liveTouch('g1', T0 - HOUR)], live: null }).rule).toBe('share');
  });

  it('takes the latest of several live touches (ties by seq)', () => {
    const a = liveTouch('g1', T0 - HOUR, live.id, { seq: 100 });
    const b = liveTouch('g2', T0 - HOUR, live.id, { seq: 101 });
    const c = liveTouch('g3', T0 - 2 * HOUR, live.id, { seq: 102 });
    expect(decide({ touches: [b, c, a], live }).guideId).toBe('g2');
  });

  it('needs no online window: a live card opened long before the session still credits', () => {
    const early = liveTouch('g1', live.startsAt - 30 * DAY);
    expect(decide({ touches: [early], live })).toMatchObject({
      rule: 'live_share',
      touchedAt: live.startsAt - 30 * DAY,
    });
  });
});
