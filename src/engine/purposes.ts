/**
 * The purposes of the keyed noise streams of a noisy projection (`KeyedStream.at(cycle,
 * site, purpose)`; the site is a state, a participant state, a twin or an intervention):
 * one table, so that no two kinds of draw share a stream by accident. Changing a number
 * changes every noisy run's numbers.
 */
export const PURPOSE = {
  /** The regular states' moves (cohort-step.ts). */
  groupDraws: 0,
  /** Participants dealt their moves (paired.ts). */
  participants: 1,
  /** New inflow spread over the entry states (cohort.ts). */
  inflow: 2,
  /** Inflow prevented by an intervention (cohort.ts). */
  prevention: 3,
  /** Twins dealt their baseline side's moves (paired.ts). */
  dealTwins: 4,
  /** A twin's variant side (paired.ts). */
  twinMove: 5,
  /** A fraction of a free traject place, filled with that probability; site: the intervention (cohort.ts). */
  freePlaces: 6,
  /** Twins among the persons who start a traject; plus the intervention's index (paired.ts). */
  select: 8,
} as const;
