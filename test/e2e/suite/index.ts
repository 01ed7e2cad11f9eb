// extensionTestsPath entry: the extension host calls run() once the workbench and the extension under
// development are loaded; a rejection makes the host exit non-zero (reported via codeAutomationExit).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // The language server and the workbench both start cold inside the test run.
    timeout: 60_000,
    // Output travels through the extension host's console to the driver's stdout; no ANSI codes.
    color: false,
  });
  const grep = process.env.SOCKET_DOCTOR_E2E_GREP;
  if (grep) mocha.grep(grep);

  // Plain readdir instead of a glob dependency: the compiled tests sit next to this file.
  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js files in ${__dirname}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} e2e test(s) failed`)) : resolve()));
      // The driver turns this into CI's closing "N passed, N failed" line.
      runner.on('end', () => console.log(`[e2e:result] ${runner.stats?.passes ?? 0} passed, ${runner.stats?.failures ?? 0} failed`));
    } catch (err) {
      reject(err);
    }
  });
}
