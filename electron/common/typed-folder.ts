// The npm scripts a person types options to. `npm run` starts them in the package's folder, so
// `--data-dir ./data` would name the repository's data folder, not the one beside the person.
const NPM_SCRIPTS = new Set(['cli', 'cli:dev', 'start', 'start:browser']);

/**
 * Moves to the folder the person typed the command in (npm's INIT_CWD), so relative paths in options
 * (--data-dir, --csv, --out, --footage-root) resolve from there, as they would without npm.
 */
export function startInTypedFolder(environment: NodeJS.ProcessEnv = process.env): void {
  const typedIn = environment.INIT_CWD;
  if (typedIn && NPM_SCRIPTS.has(environment.npm_lifecycle_event ?? '')) process.chdir(typedIn);
}
