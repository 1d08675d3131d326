import type { PostChannel } from '../engine/postChannel.ts';
import { ratio } from './distribution.ts';

/** One post adversary's outcome against the counterfactual run (same world and seed, no adversaries). */
export interface PostAttackOutcome {
  label: string;
  kind: string;
  accounts: number;
  postActions: number;
  camouflageRatings: number;
  targets: number;
  /** targets active (§12) after the last run, with and without the attack */
  targetsActiveWithAttack: number;
  targetsActiveWithout: number;
  /** like attacks: targets active only with the attack; the dislike veto: targets active only without it */
  successes: number;
  successRate: number;
  /** per ranking: targets in its top k after the last run, with and without the attack */
  rankings: Record<string, { withAttack: number; without: number }>;
}

/** What the post attacks did to posts they did not target. */
export interface PostCollateral {
  activeChanged: number;
  gainedActive: number;
  lostActive: number;
}

/**
 * Post attack success of every post adversary of `attack` against `counterfactual` (both runs' PostChannel), posts
 * matched by tweetId, after each run's last successful post scoring; `k` is the ranking cut (posts.rankK).
 */
export function postAttackSuccess(
  attack: PostChannel,
  counterfactual: PostChannel,
  k: number,
): { adversaries: PostAttackOutcome[]; collateral: PostCollateral } {
  const cfIndex = new Map<string, number>();
  counterfactual.world.posts.tweetId.forEach((id, i) => cfIndex.set(id, i));
  const lastA = lastOk(attack);
  const lastC = lastOk(counterfactual);
  const activeA = (i: number) => (lastA ? lastA.active[i] === 1 : false);
  const activeC = (m: number | undefined) => (lastC && m !== undefined ? lastC.active[m] === 1 : false);
  const topK = (channel: PostChannel) =>
    Object.fromEntries(
      Object.entries(channel.lastRankings).map(([name, r]) => [name, new Set(r.order.subarray(0, k))]),
    );
  const topA = topK(attack);
  const topC = topK(counterfactual);
  const targeted = new Set<number>();
  const adversaries = attack.adversaries.map((adv): PostAttackOutcome => {
    let withAttack = 0;
    let without = 0;
    let successes = 0;
    const veto = adv.spec.kind === 'postDislikeVeto';
    const rankings: PostAttackOutcome['rankings'] = {};
    for (const name of Object.keys(topA)) rankings[name] = { withAttack: 0, without: 0 };
    for (const i of adv.postTargets) {
      targeted.add(i);
      const m = cfIndex.get(attack.world.posts.tweetId[i]);
      const a = activeA(i);
      const c = activeC(m);
      if (a) withAttack++;
      if (c) without++;
      if (veto ? c && !a : a && !c) successes++;
      for (const name of Object.keys(rankings)) {
        if (topA[name].has(i)) rankings[name].withAttack++;
        if (m !== undefined && topC[name]?.has(m)) rankings[name].without++;
      }
    }
    return {
      label: adv.spec.label,
      kind: adv.spec.kind,
      accounts: adv.accounts.length,
      postActions: adv.postActions,
      camouflageRatings: adv.camouflageRatings,
      targets: adv.postTargets.length,
      targetsActiveWithAttack: withAttack,
      targetsActiveWithout: without,
      successes,
      successRate: ratio(successes, adv.postTargets.length),
      rankings,
    };
  });
  const collateral: PostCollateral = { activeChanged: 0, gainedActive: 0, lostActive: 0 };
  for (let i = 0; i < attack.world.posts.length; i++) {
    if (targeted.has(i)) continue;
    const a = activeA(i);
    const c = activeC(cfIndex.get(attack.world.posts.tweetId[i]));
    if (a === c) continue;
    collateral.activeChanged++;
    if (a) collateral.gainedActive++;
    else collateral.lostActive++;
  }
  return { adversaries, collateral };
}

function lastOk(channel: PostChannel) {
  const runs = channel.timeline.runs;
  for (let k = runs.length - 1; k >= 0; k--) if (runs[k].error === null) return runs[k];
  return null;
}
