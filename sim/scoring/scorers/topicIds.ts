/** Topic ids of the reference's Topics enum (scoring-core.md §4). */
export const TOPIC_IDS = {
  Unassigned: 0,
  UkraineConflict: 1,
  GazaConflict: 2,
  MessiRonaldo: 3,
  Scams: 4,
  InDimensionTwo: 5,
} as const;

export const TOPIC_NAMES = [
  'Unassigned',
  'UkraineConflict',
  'GazaConflict',
  'MessiRonaldo',
  'Scams',
  'InDimensionTwo',
] as const;
