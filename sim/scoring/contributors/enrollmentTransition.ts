/** Integer codes of enrollment states in helpfulness_scores (scoring-core.md §16.4). */
export const ENROLLMENT_CODE = {
  earnedIn: 0,
  atRisk: 1,
  earnedOutNoAcknowledge: 2,
  earnedOutAcknowledged: 3,
  newUser: 4,
  removed: 5,
  apiTestUser: 6,
  apiEarnedIn: 7,
  apiEarnedOut: 8,
} as const;

export type EnrollmentState = keyof typeof ENROLLMENT_CODE;

/** Code of an enrollment state string; throws on an unknown state. */
export function enrollmentCode(state: string): number {
  const c = (ENROLLMENT_CODE as Record<string, number>)[state];
  if (c === undefined) throw new Error(`userEnrollment: unknown enrollmentState "${state}"`);
  return c;
}

const RATING_IMPACT_FOR_EARN_IN = 5;
const AT_RISK_CRNH = 2;
const TOP_WRITER_IMPACT = 10;
const TOP_WRITER_HIT_RATE = 0.04;
const { earnedIn, atRisk, earnedOutNoAcknowledge, earnedOutAcknowledged, newUser, removed } = ENROLLMENT_CODE;
const isApi = (c: number) => c >= ENROLLMENT_CODE.apiTestUser;

/** A participant's enrollment before the run (missing fields NaN). */
export interface EnrollmentBefore {
  /** state code, or null when the participant is not in userEnrollment (treated as newUser) */
  state: number | null;
  successfulRatingNeededToEarnIn: number;
  timestampOfLastStateChange: number;
  numberOfTimesEarnedOut: number;
}

/** What the transition reads about the participant's notes and ratings. */
export interface ContributionSummary {
  /** Rating Impact: successful − unsuccessful − helpful ratings on CRNH notes (valid ratings) */
  ratingImpact: number;
  /** CRNH notes in the recent-notes window (since last earn-out, at most five) */
  windowCrnh: number;
  /** all-time counts of the author's notes by final status */
  crh: number;
  crnh: number;
  nmr: number;
}

export interface EnrollmentAfter {
  state: number;
  successfulRatingNeededToEarnIn: number;
  timestampOfLastStateChange: number;
  numberOfTimesEarnedOut: number;
}

/**
 * Enrollment state update of scoring-robustness.md §15.2 for one participant. It reproduces the reference's quirk
 * that a state set earlier in the same run passes every later "state is not X" test (the reference mixes state
 * names and integer codes): e.g. a user who earns in with three CRNH notes in the window is earned out in the same
 * run. Every transition stamps `now`. Missing counts of times earned out read as 0.
 */
export function enrollmentTransition(before: EnrollmentBefore, c: ContributionSummary, now: number): EnrollmentAfter {
  let state = before.state ?? newUser;
  let fresh = false;
  let needed = Number.isNaN(before.successfulRatingNeededToEarnIn)
    ? RATING_IMPACT_FOR_EARN_IN
    : before.successfulRatingNeededToEarnIn;
  let stamp = before.timestampOfLastStateChange;
  let times = Number.isNaN(before.numberOfTimesEarnedOut) ? 0 : before.numberOfTimesEarnedOut;
  const notIn = (...codes: number[]) => fresh || (!codes.includes(state) && !isApi(state));
  const set = (code: number) => {
    state = code;
    fresh = true;
    stamp = now;
  };
  if (notIn(removed, earnedIn, atRisk) && c.ratingImpact >= needed) set(earnedIn);
  if (notIn(removed, newUser, earnedOutNoAcknowledge, earnedOutAcknowledged, atRisk) && c.windowCrnh === AT_RISK_CRNH)
    set(atRisk);
  if (notIn(removed, newUser, earnedOutAcknowledged) && c.windowCrnh > AT_RISK_CRNH) {
    times++;
    set(earnedOutNoAcknowledge);
  }
  if (notIn(removed, newUser, earnedOutAcknowledged, earnedOutNoAcknowledge, earnedIn) && c.windowCrnh < AT_RISK_CRNH)
    set(earnedIn);
  // Single-trigger earn-out runs on integer codes: API states are not excluded here.
  const singleTriggerExcluded: number[] = [earnedOutNoAcknowledge, earnedOutAcknowledged, newUser, removed];
  if (c.crnh > c.crh && c.windowCrnh > 0 && !singleTriggerExcluded.includes(state)) {
    times++;
    set(earnedOutNoAcknowledge);
  }
  if (state === earnedOutNoAcknowledge) {
    const impact = Math.max(c.ratingImpact, 0);
    const writingImpact = c.crh - c.crnh;
    const topWriter =
      writingImpact >= TOP_WRITER_IMPACT && writingImpact / Math.max(c.crh + c.crnh + c.nmr, 1) >= TOP_WRITER_HIT_RATE;
    needed = RATING_IMPACT_FOR_EARN_IN + impact + (topWriter ? 0 : RATING_IMPACT_FOR_EARN_IN * Math.max(times - 1, 0));
    state = earnedOutAcknowledged;
  }
  return {
    state,
    successfulRatingNeededToEarnIn: needed,
    timestampOfLastStateChange: stamp,
    numberOfTimesEarnedOut: times,
  };
}
