/**
 * Just enough of the Chrome DevTools protocol to measure the report in a real browser: Chromium started
 * headless with `--remote-debugging-pipe` (JSON messages ended by a NUL byte on file descriptors 3 and 4),
 * so no WebSocket, no port and no dependency. One page, attached with a flat session.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

/** Where Chromium is installed (`/usr/bin/chromium` on Debian, else on the PATH), or undefined. */
export const findChromium = (): string | undefined => {
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    if (folder !== '' && existsSync(join(folder, 'chromium'))) return join(folder, 'chromium');
  }
  return undefined;
};

/** The switches every headless run of the tests uses: no network, no sync, no first-run chores. */
export const HEADLESS_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly sessionId?: string;
  readonly result?: unknown;
  readonly error?: { readonly message: string };
}

/** A page in a headless Chromium, driven over the DevTools protocol. */
export class ChromiumPage {
  private nextId = 1;
  private buffered = '';
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly waiting: { method: string; resolve: () => void }[] = [];
  private sessionId: string | undefined;

  private constructor(
    private readonly child: ChildProcess,
    private readonly input: Writable,
    output: Readable,
  ) {
    // Decoded as a stream, so a character split between two chunks is not mangled.
    output.setEncoding('utf8');
    output.on('data', (text: string) => this.receive(text));
    // A browser that died takes its pipes with it: fail the calls waiting on it rather than hang or throw.
    input.on('error', () => undefined);
    child.once('exit', () => {
      for (const call of this.pending.values()) call.reject(new Error('chromium exited'));
      this.pending.clear();
    });
  }

  /** Starts Chromium and attaches to its first page. */
  static async launch(chromium: string, userDataDir: string): Promise<ChromiumPage> {
    const child = spawn(
      chromium,
      [...HEADLESS_FLAGS, '--remote-debugging-pipe', `--user-data-dir=${userDataDir}`, 'about:blank'],
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
    );
    const page = new ChromiumPage(child, child.stdio[3] as Writable, child.stdio[4] as Readable);
    const { targetInfos } = await page.send<{ targetInfos: { targetId: string; type: string }[] }>(
      'Target.getTargets',
    );
    const target = targetInfos.find((info) => info.type === 'page');
    if (target === undefined) throw new Error('chromium opened no page');
    const { sessionId } = await page.send<{ sessionId: string }>('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: true,
    });
    page.sessionId = sessionId;
    await page.send('Page.enable');
    return page;
  }

  private receive(text: string): void {
    this.buffered += text;
    let end = this.buffered.indexOf('\0');
    while (end >= 0) {
      const message = JSON.parse(this.buffered.slice(0, end)) as Message;
      this.buffered = this.buffered.slice(end + 1);
      end = this.buffered.indexOf('\0');
      if (message.id !== undefined) {
        const call = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error !== undefined) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result);
      } else if (message.method !== undefined) {
        const index = this.waiting.findIndex((wait) => wait.method === message.method);
        if (index >= 0) this.waiting.splice(index, 1)[0]?.resolve();
      }
    }
  }

  /** Sends one command (to the page's session once attached) and resolves with its result. */
  send<T = unknown>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = this.nextId++;
    const message = {
      id,
      method,
      params,
      ...(this.sessionId === undefined ? {} : { sessionId: this.sessionId }),
    };
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: (value) => resolve(value as T), reject });
      this.input.write(`${JSON.stringify(message)}\0`);
    });
  }

  /** Loads a URL and waits for its load event. */
  async load(url: string): Promise<void> {
    const loaded = new Promise<void>((resolve) =>
      this.waiting.push({ method: 'Page.loadEventFired', resolve }),
    );
    await this.send('Page.navigate', { url });
    await loaded;
  }

  /** Evaluates an expression in the page and returns its value (as JSON). */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value: T };
      exceptionDetails?: { text: string };
    }>('Runtime.evaluate', { expression, returnByValue: true });
    if (exceptionDetails !== undefined) throw new Error(`evaluation failed: ${exceptionDetails.text}`);
    return result.value;
  }

  /** Closes the browser, killing it if it does not go within a few seconds. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.sessionId = undefined;
    void this.send('Browser.close').catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
