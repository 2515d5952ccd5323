import { type ChildProcess, spawn } from "node:child_process";

async function answers(origin: string): Promise<boolean> {
  try {
    await fetch(origin);
    return true;
  } catch {
    return false;
  }
}

export type Server = { origin: string; pid: number; stop: () => Promise<void> };

const running = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

/** Work that must happen even on Ctrl-C (dropping the bench's database). */
export function onInterrupt(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

// Ctrl-C on the bench must not leave a server holding the port, nor a database behind.
process.once("SIGINT", async () => {
  for (const child of running) child.kill("SIGTERM");
  for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error(error));
  process.exit(130);
});

/**
 * Starts `node <args>` and resolves once `readyPath` answers 200. Output is kept and shown only
 * when the server does not come up, so the bench's own table stays readable.
 */
export async function startServer(options: {
  args: string[];
  port: number;
  env?: Record<string, string>;
  readyPath?: string;
  timeoutMs?: number;
}): Promise<Server> {
  const origin = `http://localhost:${options.port}`;
  // Otherwise the readiness check below would happily measure someone else's server.
  if (await answers(origin)) throw new Error(`Port ${options.port} is already in use`);
  // The app uses the database the bench chose, never a server configured in the shell.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: undefined,
    PORT: String(options.port),
    ...options.env,
  };
  const child = spawn(process.execPath, options.args, { env, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      // The app flushes PGlite on SIGTERM; give it time, then force.
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    }
    running.delete(child);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${origin}${options.readyPath ?? "/"}`);
      if (response.ok) return { origin, pid: child.pid ?? -1, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`Server ${options.args.join(" ")} did not start:\n${output}`);
}
