// Runs the pnpm that launched this script (via `npx pnpm …` it is not necessarily on PATH).
export function pnpmCommand(args) {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(execPath) && /\.(c?js)$/.test(execPath)) return [process.execPath, [execPath, ...args]];
  return ['pnpm', args];
}
