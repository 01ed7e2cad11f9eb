// Real-editor tests of the "Analyze netstat output" panel: the suite drives the commands, and asks the driver
// (test/e2e/run.mjs) to act inside the webview, which the extension host cannot reach.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inWebview, notificationButton, saveDialog, waitFor } from './driver';

/** Puts a fixture's buffer back to the file on disk: the tests never save fixtures. */
async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(`${path.basename(doc.uri.path)} to be reverted`, () => !doc.isDirty);
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

    // New file: the save dialog starts in the workspace's sysctl.d folder (host1/etc/sysctl.d); Enter takes it.
    await inWebview(this, 'panel-insert', [
      { frame: '#app[data-render-count]', click: '[data-finding="ephemeral-port-pressure"] [data-action="insert"]' },
      { workbenchWaitFor: '.quick-input-widget', type: 'New file', press: 'Enter' },
      { workbenchWaitFor: saveDialog('New sysctl file'), press: 'Enter' },
    ]);
    const doc = await waitFor('the vetted settings in 99-socket-doctor.conf', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('host1/etc/sysctl.d/99-socket-doctor.conf') && d.getText().includes('net.ipv4.tcp_tw_reuse = 1')),
    );
    assert.match(doc.getText(), /^# Socket Doctor vetted settings: Reverse proxy/m);
    assert.equal(doc.languageId, 'sysctl');
    assert.ok(doc.isDirty && doc.isUntitled, 'nothing is saved behind the user\'s back');
    // host1/etc/sysctl.conf sets the port range and is applied later: no dead line here, the message offers it.
    assert.doesNotMatch(doc.getText(), /ip_local_port_range/);
    await inWebview(this, 'panel-insert-override', [{ workbenchClick: notificationButton('Insert into sysctl.conf') }]);
    const conf = await waitFor('the widened range in host1/etc/sysctl.conf', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('host1/etc/sysctl.conf') && d.getText().includes('net.ipv4.ip_local_port_range = 1024 65535')),
    );
    assert.match(conf.getText(), /^# Was 1024 65000, now 1024 65535\. 64512 local ports/m, 'the comment counts from the real range, never 28232');
    assert.ok(conf.isDirty);
    await revert(conf);
    // Closed unsaved, so no later close asks whether to save it.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Preview shows the vetted settings as a diff and offers Apply', async function () {
    await vscode.commands.executeCommand('socketDoctor.analyzeNetstat');
    await inWebview(this, 'panel-preview', [
      { frame: '#app[data-render-count]', click: '[data-finding="ephemeral-port-pressure"] [data-action="preview"]' },
      { workbenchWaitFor: '.quick-input-widget', type: '10-base', press: 'Enter' },
    ]);
    const diff = await waitFor('a diff editor with the preview', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff && t.input.modified.scheme === 'socket-doctor-preview'),
    );
    assert.match(diff.label, /preview/);
    const base = vscode.workspace.textDocuments.find((d) => d.uri.path.endsWith('host1/etc/sysctl.d/10-base.conf'));
    assert.ok(base && !base.isDirty, 'a preview changes nothing');
    await inWebview(this, 'panel-preview-apply', [{ workbenchClick: notificationButton('Apply') }]);
    await waitFor('the settings applied to 10-base.conf', () => base.getText().includes('net.ipv4.tcp_tw_reuse = 1'));
    assert.doesNotMatch(base.getText(), /ip_local_port_range/, 'sysctl.conf overrides the range: not written here');
    assert.match(base.getText(), /^net\.core\.netdev_max_backlog = 65536$/m, 'untouched by this profile');
    await revert(base);
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
    // One second between the two samples of the kernel's counters keeps the test short.
    await vscode.workspace.getConfiguration('socketDoctor').update('liveInterval', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('socketDoctor.captureLive');
    await waitFor('the live panel', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === 'Sockets: this machine'));
    const texts = await inWebview(this, 'panel-live-refresh', [
      { frame: 'button[data-action="refresh"]', waitFor: '#app[data-render-count="1"]' },
      { read: '.range-note' },
      { read: 'section.counters > p.muted' },
      { click: 'button[data-action="refresh"]' },
      { waitFor: '#app[data-render-count="2"]' },
      { read: '.source-label' },
    ]);
    assert.match(texts['.range-note']?.[0] ?? '', /this machine's net\.ipv4\.ip_local_port_range/);
    assert.match(texts['.source-label']?.[0] ?? '', /^this machine, /);
    assert.match(texts['section.counters > p.muted']?.[0] ?? '', /^Read from \/proc\/net\/snmp, .*: 2 snapshots, [\d.]+ s apart: changes between the first and the last\. \/proc\/net\/softnet_stat: \d+ CPUs?, 2 readings, [\d.]+ s apart: changes between the first and the last\.$/);
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
