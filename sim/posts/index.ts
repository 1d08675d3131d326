/**
 * Posts "liked by people who disagree" (robustness spec §12): the public exports of the post stage.
 * Re-exported by sim/index.ts; nothing outside sim/ imports this file directly.
 */
export {};
