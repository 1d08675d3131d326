// Svelte compiler options for the dashboard (src/): runes mode everywhere.
export default {
  compilerOptions: { runes: true },
};
