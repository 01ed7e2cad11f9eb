#!/usr/bin/env node
// Real-editor test driver: installs a .vsix into a fresh code-server, opens the workbench in headless
// Chromium and runs an extensionTestsPath suite in the real Node extension host.
// Recipe: /work/shared/notes/real-editor-tests.md. Usage:
//   node test/e2e/run.mjs --vsix socket-doctor-0.1.0.vsix --suite out/test/e2e/suite/index.js \
//     --workspace test/e2e/workspace [--timeout 300] [--screenshot editor] [--grep RE] [--keep-temp]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXIT_HARNESS = 2;
const EXIT_TIMEOUT = 124;

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string' },
    suite: { type: 'string' },
    workspace: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    screenshot: { type: 'string', default: 'editor' },
    grep: { type: 'string' },
    artifacts: { type: 'string', default: path.join(repoRoot, 'test-results/e2e') },
    'code-server': {
      type: 'string',
      default: process.env.CODE_SERVER_BIN ?? path.join(repoRoot, '.cache/code-server/node_modules/.bin/code-server'),
    },
    chromium: { type: 'string', default: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
    'keep-temp': { type: 'boolean', default: false },
  },
});

const log = (msg) => console.log(`[e2e] ${msg}`);
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const SAFE_NAME = /^[A-Za-z0-9._-]+$/;

// ---- state the cleanup path needs, whatever phase we are in ----
const children = new Set(); // process-group leaders we spawned (code-server, its CLI)
let context; // playwright BrowserContext
let page;
let tmpRoot;
const timings = [];

async function phase(name, fn) {
  const t0 = Date.now();
  log(`> ${name}`);
  const result = await fn();
  timings.push([name, Date.now() - t0]);
  log(`< ${name} (${secs(Date.now() - t0)})`);
  return result;
}

/** Polls `probe` until it returns a truthy value; `probe` may throw to abort early. */
async function pollUntil(what, deadlineMs, probe, intervalMs = 100) {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${secs(deadlineMs)} waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs)); // poll interval, bounded by the deadline
  }
}

// ---- process-group handling (code-server forks its extension host and pty host) ----
/** True while any non-zombie process is in group `pgid`. /proc is used because zombies that a
 *  container's PID 1 never reaps would keep `kill(-pgid, 0)` succeeding forever. */
function groupAlive(pgid) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    try { process.kill(-pgid, 0); return true; } catch { return false; }
  }
  return entries.some((pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z';
    } catch { return false; }
  });
}

async function killGroup(pgid) {
  const signal = (sig) => { try { process.kill(-pgid, sig); } catch { /* already gone */ } };
  signal('SIGTERM');
  try {
    await pollUntil(`process group ${pgid} to exit`, 10_000, () => !groupAlive(pgid));
  } catch {
    log(`process group ${pgid} ignored SIGTERM; sending SIGKILL`);
    signal('SIGKILL');
    await pollUntil(`process group ${pgid} to die`, 5_000, () => !groupAlive(pgid)).catch((e) => log(e.message));
  }
}

/** Spawns `cmd` as leader of a new process group so the whole tree can be killed at once. */
function spawnGroup(cmd, args, { env, logFile }) {
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  children.add(child.pid);
  child.exited = new Promise((resolve) => child.once('exit', (code, sig) => resolve({ code, sig })));
  child.once('error', (err) => log(`failed to spawn ${cmd}: ${err.message}`));
  return child;
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch { return '(no log)'; }
}

// ---- screenshots: written to a temp name then renamed, because the suite polls for the file ----
let shotQueue = Promise.resolve();
async function captureScreenshot(name, selector) {
  if (!page || page.isClosed()) return;
  await fsp.mkdir(opt.artifacts, { recursive: true });
  // The suite can name what must be on screen first (a hover, say): the workbench renders it asynchronously.
  if (selector) await page.waitForSelector(selector, { state: 'visible', timeout: 15_000 });
  // Let pending layout/paint land first (two animation frames), so the image shows current state.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))).catch(() => {});
  const png = await page.screenshot({ timeout: 15_000 });
  const final = path.join(opt.artifacts, `${name}.png`);
  const tmp = path.join(opt.artifacts, `.${name}.png.${process.pid}.tmp`);
  await fsp.writeFile(tmp, png);
  await fsp.rename(tmp, final);
  log(`screenshot ${path.relative(process.cwd(), final)}`);
}

/** Screenshots and webview steps run one at a time, in the order the suite asked for them. */
function screenshot(name, selector) {
  shotQueue = shotQueue.then(() => captureScreenshot(name, selector)).catch((err) => log(`screenshot ${name} failed: ${err.message}`));
  return shotQueue;
}

// ---- webview steps: the suite cannot reach into a webview's page, so it asks the driver ----
// `[e2e:webview] {"id":"x","steps":[...]}` runs the steps in the webview frame that holds `steps[0].frame`
// (a selector; steps with only workbench keys need none) and writes `<artifacts>/<id>.json`
// ({ok, error?, texts}) for the suite to poll.
const STEP_TIMEOUT = 20_000;

/** The frame (webviews nest two iframes deep) that currently shows `selector`, polled until it appears. */
function frameWith(selector) {
  return pollUntil(`a webview frame showing ${selector}`, STEP_TIMEOUT, async () => {
    for (const f of page.frames()) if (await f.$(selector).catch(() => null)) return f;
    return undefined;
  });
}

async function runWebviewSteps(request) {
  const texts = {};
  let frame;
  for (const step of request.steps) {
    if (step.frame) frame = await frameWith(step.frame);
    if (step.fill) await frame.fill(step.fill, step.file ? await fsp.readFile(step.file, 'utf8') : step.text, { timeout: STEP_TIMEOUT });
    if (step.click) await frame.click(step.click, { timeout: STEP_TIMEOUT });
    if (step.waitFor) await frame.waitForSelector(step.waitFor, { timeout: STEP_TIMEOUT });
    if (step.read) texts[step.read] = await frame.$$eval(step.read, (els) => els.map((e) => e.textContent ?? ''));
    // Keys go to the workbench (a quick pick the panel opened), after waiting for it to be there.
    if (step.workbenchWaitFor) await page.waitForSelector(step.workbenchWaitFor, { state: 'visible', timeout: STEP_TIMEOUT });
    // A button of the workbench itself (a notification's action), found by a Playwright selector.
    if (step.workbenchClick) await page.click(step.workbenchClick, { timeout: STEP_TIMEOUT });
    if (step.type) await page.keyboard.type(step.type);
    if (step.press) await page.keyboard.press(step.press);
    if (step.screenshot) await captureScreenshot(step.screenshot);
  }
  return texts;
}

function webviewRequest(json) {
  let request;
  try {
    request = JSON.parse(json);
  } catch {
    return log(`ignoring malformed webview request: ${json}`);
  }
  if (!SAFE_NAME.test(request.id ?? '')) return log(`ignoring webview request with unsafe id: ${request.id}`);
  shotQueue = shotQueue.then(async () => {
    const result = await runWebviewSteps(request).then((texts) => ({ ok: true, texts }), (err) => ({ ok: false, error: err.message }));
    const final = path.join(opt.artifacts, `${request.id}.json`);
    await fsp.writeFile(`${final}.tmp`, JSON.stringify(result));
    await fsp.rename(`${final}.tmp`, final);
    log(`webview steps ${request.id}: ${result.ok ? 'done' : `failed: ${result.error}`}`);
  }).catch((err) => log(`webview steps ${request.id} could not report: ${err.message}`));
}

// ---- single exit path: screenshot, kill everything we started, report, exit ----
let finishing;
/** "N passed, N failed", as the suite reports it through the extension host's console. */
let suiteResult;
function finish(code, reason) {
  finishing ??= (async () => {
    if (reason) console.error(`[e2e] ${code === 0 ? '' : 'FAILED: '}${reason}`);
    const t0 = Date.now();
    await screenshot(opt.screenshot);
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
    await Promise.all([...children].map(killGroup));
    if (tmpRoot) {
      for (const f of ['code-server.log', 'browser.log']) {
        await fsp.copyFile(path.join(tmpRoot, f), path.join(opt.artifacts, `${opt.screenshot}.${f}`)).catch(() => {});
      }
      if (opt['keep-temp']) log(`kept ${tmpRoot}`);
      else await fsp.rm(tmpRoot, { recursive: true, force: true }).catch(() => {});
    }
    timings.push(['cleanup', Date.now() - t0]);
    log(`timings: ${timings.map(([n, ms]) => `${n} ${secs(ms)}`).join(', ')}`);
    log(`exit code ${code}`);
    // CI reads the closing line: the suite's own counts, or one failure when the harness never got that far.
    console.log(`e2e: ${suiteResult ?? (code === 0 ? '0 passed, 0 failed' : '0 passed, 1 failed')}`);
    process.exit(code);
  })();
  return finishing;
}

process.on('SIGINT', () => finish(130, 'interrupted (SIGINT)'));
process.on('SIGTERM', () => finish(143, 'terminated (SIGTERM)'));
// Last resort if something throws outside finish(): never leave code-server running.
process.on('exit', () => children.forEach((pgid) => { try { process.kill(-pgid, 'SIGKILL'); } catch {} }));

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function requireFile(p, hint) {
  if (!p || !fs.existsSync(p)) throw new Error(`${p ? `not found: ${p}` : 'missing argument'} (${hint})`);
  return path.resolve(p);
}

async function main() {
  const timeoutS = Number(opt.timeout);
  if (!(timeoutS > 0)) throw new Error(`--timeout must be a positive number of seconds, got ${opt.timeout}`);
  if (!SAFE_NAME.test(opt.screenshot)) throw new Error(`--screenshot must match ${SAFE_NAME}`);
  // Overall deadline for the whole run, not only the suite.
  setTimeout(() => finish(EXIT_TIMEOUT, `timed out after ${timeoutS} s (--timeout)`), timeoutS * 1000);

  const vsix = requireFile(opt.vsix, '--vsix: the packaged extension, e.g. from `npx vsce package`');
  const suite = requireFile(opt.suite, '--suite: compiled extensionTestsPath entry; did you run `npx tsc -b test/e2e`?');
  const workspace = requireFile(opt.workspace, '--workspace: folder to open');
  const codeServer = requireFile(opt['code-server'], 'run test/e2e/install-code-server.sh first');
  requireFile(opt.chromium, 'install Debian package chromium or pass --chromium / CHROMIUM_PATH');
  opt.artifacts = path.resolve(opt.artifacts);

  const dirs = await phase('prepare', async () => {
    tmpRoot = await fsp.mkdtemp(path.join(os.tmpdir(), 'socket-doctor-e2e-'));
    const d = Object.fromEntries(
      ['user-data', 'extensions', 'xdg-config', 'xdg-data', 'chromium-profile'].map((n) => [n, path.join(tmpRoot, n)]),
    );
    await Promise.all(Object.values(d).map((p) => fsp.mkdir(p, { recursive: true })));
    await fsp.mkdir(path.join(d['user-data'], 'User'), { recursive: true });
    // Anything that could open a modal, a walkthrough or a network lookup over the editor.
    const settings = {
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.openRepositoryInParentFolders': 'never',
      'files.hotExit': 'off',
    };
    await fsp.writeFile(path.join(d['user-data'], 'User/settings.json'), JSON.stringify(settings, null, 2));
    await fsp.mkdir(opt.artifacts, { recursive: true });
    return d;
  });

  // The extension host inherits code-server's environment; drop variables of an enclosing VS Code
  // (its IPC hook would make the CLI talk to that instance) and tell the suite where artifacts go.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_RUN_AS_NODE)/.test(k)));
  Object.assign(env, {
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    SOCKET_DOCTOR_E2E_ARTIFACTS: opt.artifacts,
  });
  if (opt.grep) env.SOCKET_DOCTOR_E2E_GREP = opt.grep;
  const common = ['--user-data-dir', dirs['user-data'], '--extensions-dir', dirs.extensions];
  const serverLog = path.join(tmpRoot, 'code-server.log');

  const extensionPath = await phase('install-extension', async () => {
    const cli = spawnGroup(codeServer, [...common, '--force', '--install-extension', vsix], { env, logFile: serverLog });
    const { code, sig } = await cli.exited;
    children.delete(cli.pid);
    if (code !== 0) throw new Error(`--install-extension failed (${code ?? sig}):\n${tail(serverLog)}`);
    // Run the code exactly as the .vsix installed it: its folder becomes extensionDevelopmentPath.
    const installed = JSON.parse(await fsp.readFile(path.join(dirs.extensions, 'extensions.json'), 'utf8'));
    if (installed.length !== 1) {
      throw new Error(`expected exactly one installed extension, found: ${installed.map((e) => e.identifier.id).join(', ')}`);
    }
    const dir = path.join(dirs.extensions, installed[0].relativeLocation);
    log(`installed ${installed[0].identifier.id}@${installed[0].version} -> ${dir}`);
    return dir;
  });

  const port = await phase('start-code-server', async () => {
    for (let attempt = 1; ; attempt++) {
      const p = await freePort();
      const config = path.join(tmpRoot, 'config.yaml');
      await fsp.writeFile(config, `bind-addr: 127.0.0.1:${p}\nauth: none\ncert: false\n`);
      const server = spawnGroup(
        codeServer,
        ['--config', config, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
          '--disable-getting-started-override', ...common, workspace],
        { env, logFile: serverLog },
      );
      let exited;
      let ready = false;
      server.exited.then((r) => {
        exited = r;
        // After startup a dying server ends the run; during startup the poll below reports it.
        if (ready && !finishing) finish(EXIT_HARNESS, `code-server exited unexpectedly (${r.code ?? r.sig}):\n${tail(serverLog)}`);
      });
      try {
        await pollUntil('code-server /healthz', 60_000, async () => {
          if (exited) throw new Error('code-server exited during startup');
          const res = await fetch(`http://127.0.0.1:${p}/healthz`, { signal: AbortSignal.timeout(2_000) }).catch(() => null);
          return res?.ok;
        });
        ready = true;
        log(`code-server (pid ${server.pid}) ready on 127.0.0.1:${p}`);
        return p;
      } catch (err) {
        // The free port can be taken between probing and binding; retry only that race.
        if (exited && attempt < 3 && /EADDRINUSE/.test(tail(serverLog))) {
          children.delete(server.pid);
          log(`port ${p} was taken, retrying`);
          continue;
        }
        throw new Error(`${err.message}\n${tail(serverLog)}`);
      }
    }
  });

  const browserLog = fs.createWriteStream(path.join(tmpRoot, 'browser.log'));
  let resolveSuiteExit;
  const suiteExit = new Promise((resolve) => { resolveSuiteExit = resolve; });

  await phase('launch-browser', async () => {
    context = await chromium.launchPersistentContext(dirs['chromium-profile'], {
      executablePath: opt.chromium,
      headless: true,
      viewport: { width: 1600, height: 1000 },
      // We own signal handling so the screenshot and code-server cleanup happen first.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      timeout: 60_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Both must exist before the workbench loads: it looks them up to report the test run.
    await page.exposeFunction('codeAutomationExit', (code) => resolveSuiteExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      // The host forwards console arguments unformatted (mocha logs "%s" templates): format them as Node would.
      const text = format(...(Array.isArray(args) ? args : [args]));
      for (const line of text.split('\n')) console.log(`[ext-host${type === 'info' || type === 'log' ? '' : `:${type}`}] ${line}`);
      const result = /\[e2e:result\] (\d+ passed, \d+ failed)/.exec(text);
      if (result) suiteResult = result[1];
      const steps = /\[e2e:webview\] (\{.*\})\s*$/.exec(text);
      if (steps) webviewRequest(steps[1]);
      const m = /\[e2e:screenshot\]\s+(\S+)(?:\s+(.+))?/.exec(text);
      if (m) {
        if (SAFE_NAME.test(m[1])) screenshot(m[1], m[2]?.trim());
        else log(`ignoring screenshot request with unsafe name: ${m[1]}`);
      }
    });
    page.on('console', (msg) => browserLog.write(`[${msg.type()}] ${msg.text()}\n`));
    page.on('pageerror', (err) => browserLog.write(`[pageerror] ${err.stack ?? err}\n`));
    page.on('crash', () => finish(EXIT_HARNESS, 'the workbench page crashed'));
  });

  const code = await phase('run-suite', async () => {
    const authority = `127.0.0.1:${port}`;
    const remote = (p) => `vscode-remote://${authority}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(suite)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(`opening ${url}`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return suiteExit;
  });
  return code;
}

main().then(
  (code) => finish(code, code === 0 ? 'suite passed' : `suite failed with exit code ${code}`),
  (err) => finish(EXIT_HARNESS, `harness failure: ${err.stack ?? err}`),
);
