// Real-editor tests for the sysctl language support, run inside code-server's extension host by
// test/e2e/run.mjs (or any extensionTestsPath runner). The editor and the language server work
// asynchronously, so every check polls for the expected state with a deadline instead of sleeping.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { inWebview, saveDialog } from './driver';

const EXTENSION_ID = 'socket-doctor.socket-doctor';
const DEADLINE_MS = 30_000;
const POLL_MS = 100;

type Falsy = undefined | null | false | '';

/** Polls `probe` until it returns a truthy value; on timeout the error includes `state()`. */
async function waitFor<T>(
  what: string,
  probe: () => T | Falsy | Promise<T | Falsy>,
  state?: () => string,
  deadlineMs = DEADLINE_MS,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) {
      throw new Error(`timed out after ${deadlineMs} ms waiting for ${what}${state ? `; last state: ${state()}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS)); // poll interval, bounded by the deadline
  }
}

/** Diagnostic codes arrive as a plain value or as {value, target} when they link to docs. */
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

const hoverText = (hovers: vscode.Hover[]) =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

const isCodeAction = (a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction => typeof a.command !== 'string';

suite('sysctl language support (real editor)', () => {
  let uri: vscode.Uri;
  let doc: vscode.TextDocument;
  let onDisk: string;

  const describeDiagnostics = () =>
    JSON.stringify(
      vscode.languages.getDiagnostics(uri).map((d) => ({
        line: d.range.start.line,
        code: codeOf(d),
        severity: d.severity,
        source: d.source,
        message: d.message,
      })),
    );

  /** Waits until the server has published both fixture diagnostics (they may arrive in batches). */
  const fixtureDiagnostics = () =>
    waitFor(
      'removed-key and unknown-key diagnostics on sysctl.conf',
      () => {
        const diags = vscode.languages.getDiagnostics(uri);
        const codes = diags.map(codeOf);
        return codes.includes('removed-key') && codes.includes('unknown-key') && diags;
      },
      describeDiagnostics,
    );

  /** Puts the buffer back to the file on disk; the fixture is never saved. */
  async function revert() {
    if (!doc.isDirty) return;
    await vscode.window.showTextDocument(doc);
    // A suggest widget left open by the completion test can swallow the revert on a loaded machine.
    await vscode.commands.executeCommand('hideSuggestWidget');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor('sysctl.conf to be reverted', () => !doc.isDirty && doc.getText() === onDisk);
  }

  suiteSetup(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open (test/e2e/workspace)');
    uri = vscode.Uri.joinPath(folder.uri, 'sysctl.conf');
    onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  teardown(revert);

  test('opens sysctl.conf as language "sysctl" and activates the extension', async () => {
    assert.equal(doc.languageId, 'sysctl');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    // Activation must come from the language activation event, so don't call ext.activate().
    await waitFor(`${EXTENSION_ID} to activate`, () => ext.isActive);
  });

  test('reports the removed key and the misspelt key with a did-you-mean', async () => {
    const diags = await fixtureDiagnostics();
    const removed = diags.find((d) => codeOf(d) === 'removed-key');
    const unknown = diags.find((d) => codeOf(d) === 'unknown-key');
    assert.ok(removed && unknown);
    assert.equal(removed.range.start.line, 1, 'removed-key is on net.ipv4.tcp_tw_recycle');
    assert.equal(removed.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(unknown.range.start.line, 2, 'unknown-key is on net.ipv4.tcp_keepalive_tme');
    assert.ok(unknown.message.includes('net.ipv4.tcp_keepalive_time'), `did-you-mean in: ${unknown.message}`);
    for (const d of [removed, unknown]) assert.equal(d.source, 'socket-doctor');
  });

  test('hover on a key shows its documentation and default', async () => {
    const line = doc.lineAt(3).text;
    const col = line.indexOf('tcp_fin_timeout');
    assert.ok(col >= 0, `fixture line 3 is "${line}"`);
    const pos = new vscode.Position(3, col + 4);
    let last = '';
    const text = await waitFor(
      'a hover on tcp_fin_timeout',
      async () => {
        last = hoverText((await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, pos)) ?? []);
        return last;
      },
      () => JSON.stringify(last),
    );
    assert.ok(text.includes('net.ipv4.tcp_fin_timeout'), `hover names the key: ${text}`);
    assert.ok(text.includes('Default'), `hover shows the default: ${text}`);
  });

  test('completes keys after a partial prefix', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const prefix = 'net.ipv4.tcp_';
    const lastLine = doc.lineAt(doc.lineCount - 1);
    const inserted = await editor.edit((b) => b.insert(lastLine.range.end, lastLine.text === '' ? prefix : `\n${prefix}`));
    assert.ok(inserted, 'edit applied');
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    assert.equal(doc.lineAt(end.line).text, prefix);
    let labels: string[] = [];
    await waitFor(
      'completions including tcp_fin_timeout',
      async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>(
          'vscode.executeCompletionItemProvider',
          uri,
          end,
        );
        labels = (list?.items ?? []).map(labelOf);
        return labels.includes('tcp_fin_timeout');
      },
      () => JSON.stringify(labels.slice(0, 50)),
    );
  });

  test('quick fix replaces the misspelt key', async () => {
    const unknown = (await fixtureDiagnostics()).find((d) => codeOf(d) === 'unknown-key' && d.range.start.line === 2);
    assert.ok(unknown, `unknown-key on line 2 in ${describeDiagnostics()}`);
    let titles: string[] = [];
    const fix = await waitFor(
      'a quickfix mentioning net.ipv4.tcp_keepalive_time',
      async () => {
        // Kind filter left out so a wrong kind shows up in the failure message; resolve edits lazily provided.
        const actions =
          (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider',
            uri,
            unknown.range,
            undefined,
            10,
          )) ?? [];
        titles = actions.map((a) => `${a.title} [${isCodeAction(a) ? a.kind?.value : 'command'}]`);
        return actions.filter(isCodeAction).find(
          (a) =>
            (a.kind?.value === 'quickfix' || a.kind?.value.startsWith('quickfix.')) &&
            a.title.includes('net.ipv4.tcp_keepalive_time'),
        );
      },
      () => JSON.stringify(titles),
    );
    assert.ok(fix.edit, `quick fix "${fix.title}" carries a WorkspaceEdit`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace edit applied');
    assert.equal(doc.lineAt(2).text, 'net.ipv4.tcp_keepalive_time = 600');
  });

  test('Insert Vetted Settings updates a key the file sets, leaves one already better, and appends the rest', async () => {
    const scratch = await vscode.workspace.openTextDocument({ language: 'sysctl', content: 'net.ipv4.tcp_keepalive_time = 7200\nnet.ipv4.tcp_keepalive_probes = 3\n' });
    await vscode.window.showTextDocument(scratch);
    await vscode.commands.executeCommand('socketDoctor.insertVettedSettings', 'keepalive-clients');
    const text = await waitFor('the settings to be inserted', () => scratch.getText().includes('net.ipv4.tcp_keepalive_intvl = 60') && scratch.getText(), () => scratch.getText());
    assert.equal(text.match(/tcp_keepalive_time/g)?.length, 1, `no duplicate key in:\n${text}`);
    assert.ok(text.includes('# Was 7200, now 600.'), text);
    assert.ok(text.includes('net.ipv4.tcp_keepalive_time = 600'), text);
    assert.ok(text.includes('net.ipv4.tcp_keepalive_probes = 3') && !text.includes('tcp_keepalive_probes = 5'), 'at most 5 probes: 3 is left');
    assert.ok(scratch.isDirty, 'the edit waits for the user to save it');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Insert Vetted Settings without a sysctl editor asks where the new file goes and writes nothing', async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const inserted = vscode.commands.executeCommand<string | undefined>('socketDoctor.insertVettedSettings', 'keepalive-clients');
    // The dialog starts in the workspace's sysctl.d folder (host1/etc/sysctl.d): Enter takes its default.
    await inWebview(this, 'new-file-dialog', [{ workbenchWaitFor: saveDialog('New sysctl file'), press: 'Enter' }]);
    const uri = await inserted;
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(doc, `the new document ${uri}`);
    assert.equal(doc.uri.scheme, 'untitled');
    assert.ok(doc.uri.path.endsWith('/host1/etc/sysctl.d/99-socket-doctor.conf'), doc.uri.path);
    assert.equal(doc.languageId, 'sysctl');
    assert.ok(doc.getText().includes('net.ipv4.tcp_keepalive_time = 600'), doc.getText());
    assert.ok(!fs.existsSync(doc.uri.path), 'nothing is written until the user saves');
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('offers each vetted profile as a source action', async () => {
    let titles: string[] = [];
    await waitFor(
      'source actions for the vetted profiles',
      async () => {
        const actions =
          (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), 'source.insertVettedSettings')) ?? [];
        titles = actions.map((a) => a.title);
        return titles.some((t) => t.startsWith('Insert vetted settings: Reverse proxy'));
      },
      () => JSON.stringify(titles),
    );
  });

  /**
   * Asks test/e2e/run.mjs for a screenshot (after `selector` is visible, if given) and waits for the file.
   * Returns false where no driver answers (for example under @vscode/test-electron).
   */
  async function screenshot(name: string, selector = ''): Promise<boolean> {
    const artifacts = process.env.SOCKET_DOCTOR_E2E_ARTIFACTS;
    if (!artifacts) return false;
    const png = path.join(artifacts, `${name}.png`);
    fs.rmSync(png, { force: true }); // a file from an earlier run must not satisfy the wait
    console.log(`[e2e:screenshot] ${name} ${selector}`);
    await waitFor(`the driver to write ${png}`, () => fs.existsSync(png));
    return true;
  }

  test('shows the hover in the editor', async function () {
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const col = doc.lineAt(3).text.indexOf('tcp_fin_timeout');
    editor.selection = new vscode.Selection(3, col + 4, 3, col + 4);
    await vscode.commands.executeCommand('editor.action.showHover');
    if (!(await screenshot('sysctl-hover', '.monaco-hover .rendered-markdown'))) this.skip();
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  test('leaves sysctl.conf with its diagnostics and the Problems panel on screen', async function () {
    await vscode.window.showTextDocument(doc, { preview: false });
    await fixtureDiagnostics();
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (!(await screenshot('sysctl-diagnostics'))) this.skip();
  });
});
