/** Starts the real backend (gunicorn, built frontend) on a fresh SQLite database with the demo data; the returned
 * function stops it, fails the run if the server's log holds the name of any child or guardian in that database
 * (the seeded ones and those the tests registered), and removes the database.
 *
 * The server logs as in production (JSON lines, LOG_FORMAT=json) but at DEBUG, to a file kept as
 * test-results/server.log for reading after a run. */
import { spawn, spawnSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const DEMO_PASSWORD = "e2e-demo-password";

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, "..", "..");
  const backend = join(root, "backend");
  const python = join(root, ".venv", "bin", "python");
  if (!existsSync(join(root, "frontend", "dist", "index.html"))) throw new Error("Build the frontend first: npm run build");
  const dir = mkdtempSync(join(tmpdir(), "jj-e2e-"));
  const port = process.env.E2E_PORT ?? "8765";
  const env = {
    ...process.env,
    SQLITE_PATH: join(dir, "db.sqlite3"),
    JJ_MEDIA_ROOT: join(dir, "media"),
    DJANGO_SECRET_KEY: "e2e-only-secret-key-not-for-production-0123456789",
    JJ_AUDIT_HMAC_KEY: "e2e-only-audit-chain-key-not-for-production-0123456789",
    JJ_ALLOW_DEMO: "1",
    // The demo users have no authenticator; e2e/mfa.spec.ts enrols one with JJ_MFA_REQUIRED off, as in `make run`.
    JJ_MFA_REQUIRED: "0",
    DJANGO_SECURE_COOKIES: "0",
    DJANGO_ALLOWED_HOSTS: "127.0.0.1,localhost",
    // Security keys (e2e/webauthn.spec.ts): browsers refuse an IP address as the RP id, so that spec reaches the
    // server at http://localhost:<port>, the one origin a key may sign from here.
    JJ_WEBAUTHN_RP_ID: "localhost",
    JJ_WEBAUTHN_ORIGINS: `http://localhost:${port}`,
    DEMO_PASSWORD,
  };
  // The specs run the backend's commands on the same database (accounts.spec.ts reads a reset link from the outbox,
  // which no worker empties here): the settings that name it, passed on to the test workers.
  process.env.E2E_BACKEND_ENV = JSON.stringify({ SQLITE_PATH: env.SQLITE_PATH, JJ_MEDIA_ROOT: env.JJ_MEDIA_ROOT,
    DJANGO_SECRET_KEY: env.DJANGO_SECRET_KEY, JJ_AUDIT_HMAC_KEY: env.JJ_AUDIT_HMAC_KEY, JJ_ALLOW_DEMO: "1",
    DJANGO_ALLOWED_HOSTS: env.DJANGO_ALLOWED_HOSTS, DJANGO_SECURE_COOKIES: "0" });
  for (const args of [["manage.py", "migrate", "--noinput", "-v0"], ["manage.py", "seed_demo"]]) {
    const run = spawnSync(python, args, { cwd: backend, env, encoding: "utf-8" });
    if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stdout}\n${run.stderr}`);
  }
  const logPath = join(dir, "server.log");
  const log = openSync(logPath, "a");
  const server = spawn(
    join(root, ".venv", "bin", "gunicorn"),
    ["config.wsgi", "--bind", `127.0.0.1:${port}`, "--workers", "1", "--threads", "8"],
    { cwd: backend, env: { ...env, LOG_FORMAT: "json", LOG_LEVEL: "DEBUG" }, stdio: ["ignore", log, log] },
  );
  const exited = new Promise<void>((done) => server.once("exit", () => done()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health/`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error("The backend did not start in 30 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return async () => {
    if (server.exitCode === null && server.signalCode === null) {
      server.kill("SIGTERM");
      await exited;
    }
    closeSync(log);
    const kept = join(root, "frontend", "test-results");
    mkdirSync(kept, { recursive: true });
    copyFileSync(logPath, join(kept, "server.log"));
    // A finding names the line and whose name it is, never the name itself.
    const scan = spawnSync(python, ["manage.py", "logs_scan_names", logPath], { cwd: backend, env, encoding: "utf-8" });
    rmSync(dir, { recursive: true, force: true });
    if (scan.status !== 0) {
      throw new Error(`The server's log (test-results/server.log) holds people's names:\n${scan.stderr}`);
    }
    process.stdout.write(scan.stdout);
  };
}
