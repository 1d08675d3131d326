import { describe, expect, it } from 'vitest';
import {
  ENROLLMENT_CODE as E,
  enrollmentCode,
  enrollmentTransition,
  type ContributionSummary,
  type EnrollmentBefore,
} from './enrollmentTransition.ts';

const NOW = 1_700_000_000_000;
const before = (state: number | null, extra: Partial<EnrollmentBefore> = {}): EnrollmentBefore => ({
  state,
  successfulRatingNeededToEarnIn: 5,
  timestampOfLastStateChange: 123,
  numberOfTimesEarnedOut: 0,
  ...extra,
});
const summary = (extra: Partial<ContributionSummary> = {}): ContributionSummary => ({
  ratingImpact: 0,
  windowCrnh: 0,
  crh: 0,
  crnh: 0,
  nmr: 0,
  ...extra,
});

describe('enrollmentTransition', () => {
  it('earns a new user in once Rating Impact reaches the requirement', () => {
    expect(enrollmentTransition(before(E.newUser), summary({ ratingImpact: 4 }), NOW)).toEqual({
      state: E.newUser,
      successfulRatingNeededToEarnIn: 5,
      timestampOfLastStateChange: 123,
      numberOfTimesEarnedOut: 0,
    });
    expect(enrollmentTransition(before(E.newUser), summary({ ratingImpact: 5 }), NOW).state).toBe(E.earnedIn);
  });

  it('treats a participant missing from userEnrollment as a new user with requirement 5', () => {
    const r = enrollmentTransition(
      {
        state: null,
        successfulRatingNeededToEarnIn: NaN,
        timestampOfLastStateChange: NaN,
        numberOfTimesEarnedOut: NaN,
      },
      summary({ ratingImpact: 6 }),
      NOW,
    );
    expect(r).toEqual({
      state: E.earnedIn,
      successfulRatingNeededToEarnIn: 5,
      timestampOfLastStateChange: NOW,
      numberOfTimesEarnedOut: 0,
    });
  });

  it('puts an earned-in writer at risk with exactly two CRNH in the window, and back with fewer', () => {
    expect(enrollmentTransition(before(E.earnedIn), summary({ windowCrnh: 2, crh: 5, crnh: 2 }), NOW).state).toBe(
      E.atRisk,
    );
    const back = enrollmentTransition(before(E.atRisk), summary({ windowCrnh: 1, crh: 5, crnh: 1 }), NOW);
    expect(back.state).toBe(E.earnedIn);
    expect(back.timestampOfLastStateChange).toBe(NOW);
    expect(enrollmentTransition(before(E.earnedIn), summary({ windowCrnh: 1 }), NOW).timestampOfLastStateChange).toBe(
      123,
    );
  });

  it('earns out with more than two CRNH: times + 1, requirement 5 + max(RI, 0), acknowledged', () => {
    const r = enrollmentTransition(
      before(E.earnedIn),
      summary({ windowCrnh: 3, crnh: 3, crh: 4, ratingImpact: 7 }),
      NOW,
    );
    expect(r).toEqual({
      state: E.earnedOutAcknowledged,
      successfulRatingNeededToEarnIn: 12,
      timestampOfLastStateChange: NOW,
      numberOfTimesEarnedOut: 1,
    });
  });

  it('escalates the requirement by 5 per earlier earn-out, except for top writers', () => {
    const b = before(E.atRisk, { numberOfTimesEarnedOut: 2 });
    expect(
      enrollmentTransition(b, summary({ windowCrnh: 3, crnh: 3, ratingImpact: -4 }), NOW)
        .successfulRatingNeededToEarnIn,
    ).toBe(5 + 0 + 10);
    const top = summary({ windowCrnh: 3, crnh: 3, crh: 14, nmr: 10, ratingImpact: 2 });
    expect(enrollmentTransition(b, top, NOW).successfulRatingNeededToEarnIn).toBe(7);
  });

  it('single-trigger earn-out: more CRNH than CRH overall and a CRNH in the window', () => {
    const r = enrollmentTransition(before(E.earnedIn), summary({ windowCrnh: 1, crnh: 2, crh: 1 }), NOW);
    expect(r.state).toBe(E.earnedOutAcknowledged);
    expect(r.numberOfTimesEarnedOut).toBe(1);
    expect(enrollmentTransition(before(E.newUser), summary({ windowCrnh: 1, crnh: 2, crh: 1 }), NOW).state).toBe(
      E.newUser,
    );
  });

  it('reproduces the same-run quirk: earning in and earning out in one run', () => {
    const r = enrollmentTransition(
      before(E.newUser),
      summary({ ratingImpact: 9, windowCrnh: 3, crnh: 3, crh: 3 }),
      NOW,
    );
    expect(r.state).toBe(E.earnedOutAcknowledged);
    expect(r.numberOfTimesEarnedOut).toBe(1);
  });

  it('leaves removed users and API users alone (but single-trigger still applies to API users)', () => {
    expect(
      enrollmentTransition(before(E.removed), summary({ ratingImpact: 50, windowCrnh: 4, crnh: 4 }), NOW).state,
    ).toBe(E.removed);
    expect(enrollmentTransition(before(E.apiEarnedIn), summary({ ratingImpact: 50, windowCrnh: 3 }), NOW).state).toBe(
      E.apiEarnedIn,
    );
    expect(enrollmentTransition(before(E.apiEarnedIn), summary({ windowCrnh: 1, crnh: 2 }), NOW).state).toBe(
      E.earnedOutAcknowledged,
    );
  });

  it('rejects unknown state names', () => {
    expect(enrollmentCode('earnedOutAcknowledged')).toBe(3);
    expect(() => enrollmentCode('earned_in')).toThrow(/unknown enrollmentState "earned_in"/);
  });
});
