// Real-editor tests of the "Analyze netstat output" panel: the suite drives the commands, and asks the driver
// (test/e2e/run.mjs) to act inside the webview, which the extension host cannot reach.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const DEADLINE_MS = 30_000;

async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>): Promise<T> {
  const end = Date.now() + DEADLINE_MS;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // poll interval, bounded by the deadline
  }
}

type Step = Record<string, string>;

/** Runs steps in the webview through the driver; resolves with the texts read. Skips where no driver answers. */
async function inWebview(ctx: Mocha.Context, id: string, steps: Step[]): Promise<Record<string, string[]>> {
  const artifacts = process.env.SOCKET_DOCTOR_E2E_ARTIFACTS;
  if (!artifacts) ctx.skip();
  const file = path.join(artifacts as string, `${id}.json`);
  fs.rmSync(file, { force: true });
  console.log(`[e2e:webview] ${JSON.stringify({ id, steps })}`);
  const result = await waitFor(`the driver to run ${id}`, () => fs.existsSync(file) && (JSON.parse(fs.readFileSync(file, 'utf8')) as { ok: boolean; error?: string; texts: Record<string, string[]> }));
  assert.ok(result.ok, result.error);
  return result.texts;
}

async function setTheme(theme: string): Promise<void> {
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
}

suite('Analyze netstat output (real editor)', () => {
  const capture = () => path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, 'captures', 'proxy-netstat.txt');

  suiteTeardown(async () => {
    await setTheme('Default Dark Modern');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('pasting a capture shows the histogram and findings; Insert settings edits a sysctl file', async function () {
    await setTheme('Default Dark Modern');
    await vscode.commands.executeCommand('socketDoctor.analyzeNetstat');
    const texts = await inWebview(this, 'panel-analyse', [
      { frame: '#paste-text', fill: '#paste-text', file: capture() },
      { fill: '#port-low', text: '40000' },
      { fill: '#port-high', text: '40099' },
      { click: '#analyse' },
      { waitFor: '#app[data-render-count]' },
      { waitFor: 'svg[role="img"]' },
      { read: '[data-finding] h3' },
      { read: 'table' },
      { screenshot: 'panel-dark' },
    ]);
    const titles = texts['[data-finding] h3'] ?? [];
    assert.ok(titles.some((t) => t.startsWith('Local ports running out')), JSON.stringify(titles));
    assert.ok(titles.some((t) => t.includes('CLOSE_WAIT')), JSON.stringify(titles));
    assert.ok((texts.table ?? []).some((t) => t.includes('TIME_WAIT') && t.includes('60')), 'the data table counts 60 TIME_WAIT');

    await inWebview(this, 'panel-insert', [
      { frame: '#app[data-render-count]', click: '[data-finding="ephemeral-port-pressure"] [data-action="insert"]' },
      { workbenchWaitFor: '.quick-input-widget', type: 'New file', press: 'Enter' },
    ]);
    const doc = await waitFor('the vetted settings in 99-socket-doctor.conf', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('99-socket-doctor.conf') && d.getText().includes('net.ipv4.tcp_tw_reuse = 1')),
    );
    assert.ok(doc.getText().includes('net.ipv4.ip_local_port_range = 32768 65535'), doc.getText());
    assert.match(doc.getText(), /^# Socket Doctor vetted settings: Reverse proxy/m);
    assert.equal(doc.languageId, 'sysctl');
    assert.ok(doc.isDirty && doc.isUntitled, 'nothing is saved behind the user\'s back');
  });

  test('Preview shows the vetted settings as a diff before anything changes', async function () {
    await vscode.commands.executeCommand('socketDoctor.analyzeNetstat');
    await inWebview(this, 'panel-preview', [
      { frame: '#app[data-render-count]', click: '[data-finding="ephemeral-port-pressure"] [data-action="preview"]' },
      { workbenchWaitFor: '.quick-input-widget', type: '99-socket-doctor', press: 'Enter' },
    ]);
    const diff = await waitFor('a diff editor with the preview', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'socket-doctor-preview'),
    );
    assert.match(diff.label, /preview/);
  });

  test('Analyze Current File: a CodeLens on a saved capture opens its own panel', async () => {
    const uri = vscode.Uri.file(capture());
    await vscode.window.showTextDocument(uri);
    const lenses = await waitFor('the CodeLens on the capture', async () => {
      const l = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      return l.find((x) => x.command?.command === 'socketDoctor.analyzeCurrentFile');
    });
    await vscode.commands.executeCommand(lenses.command!.command, ...(lenses.command!.arguments ?? []));
    await waitFor('the panel for the capture', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Sockets: proxy-netstat.txt'));
  });

  test('Capture Socket States from This Machine opens the live panel, and Refresh reads the machine again', async function () {
    if (process.platform !== 'linux') this.skip();
    await vscode.commands.executeCommand('socketDoctor.captureLive');
    await waitFor('the live panel', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Sockets: this machine'));
    const texts = await inWebview(this, 'panel-live-refresh', [
      { frame: 'button[data-action="refresh"]', waitFor: '#app[data-render-count="1"]' },
      { read: '.range-note' },
      { click: 'button[data-action="refresh"]' },
      { waitFor: '#app[data-render-count="2"]' },
      { read: '.source-label' },
    ]);
    assert.match(texts['.range-note']?.[0] ?? '', /this machine's net\.ipv4\.ip_local_port_range/);
    assert.match(texts['.source-label']?.[0] ?? '', /^this machine, /);
  });

  test('the panel follows a light theme', async function () {
    await setTheme('Default Light Modern');
    const panel = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Analyze netstat output');
    assert.ok(panel, 'the analysis panel is still open');
    // Bring it back to the front: a hidden webview is rebuilt from its saved state when shown again.
    await vscode.commands.executeCommand('socketDoctor.analyzeNetstat');
    await inWebview(this, 'panel-light', [{ frame: 'body.vscode-light', waitFor: '#app[data-render-count]', screenshot: 'panel-light' }]);
  });
});
