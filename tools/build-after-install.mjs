// npm runs this after installing the package's dependencies (postinstall). In a fresh checkout it builds
// dist/: pre-commit installs the socket-doctor-lint hook by running `npm install` in a clone and packing it,
// and reads `npm pack`'s output as the file name, so the build cannot be a `prepare` script (npm pack would
// print its banner). In the packed package, or a checkout already built, there is nothing to do.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const root = new URL("../", import.meta.url);
if (existsSync(new URL("tsconfig.json", root)) && !existsSync(new URL("dist/cli.js", root))) {
  execSync("npm run build", { cwd: root, stdio: "inherit" });
}
