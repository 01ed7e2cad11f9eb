/**
 * The commands over the sysctl catalogue, rules and vetted profiles, bundled apart (dist/sysctl-commands.js)
 * and loaded by main.ts when one of them runs: `analyze` starts without compiling them.
 */
export { runLint } from "./lint-command";
export { runExplain, runKeys } from "./explain-command";
export { runApply, runProfiles } from "./profiles-command";
export { runVerify } from "./verify-command";
export { liveValue } from "../server/live";
