// `npm start`: build, then serve on embedded defaults (PGlite under .data/, in-process jobs, outbox).
import { spawnSync, spawn } from "node:child_process";

const run = (cmd, args, env = process.env) => {
  const result = spawnSync(cmd, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("npx", ["next", "build"]);
const port = process.env.PORT ?? "3000";
const server = spawn("node", ["scripts/serve.mjs", port], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
