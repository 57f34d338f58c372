/** Running scripts/build.ts in a test and finding the processes it started. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface Build {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

/** Starts scripts/build.ts; `onOutput` sees stdout and stderr as they arrive. */
export function startBuild(out: string, dataRoot: string, onOutput?: (text: string, pid: number) => void, args: string[] = []) {
  const env = { ...process.env, DATA_ROOT: dataRoot };
  const child = spawn(process.execPath, ['scripts/build.ts', '--out', out, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const take = (d: Buffer) => {
    output += d.toString();
    onOutput?.(output, child.pid!);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  // 'close' waits for every holder of the output pipes, children included; 'exit' for the build alone.
  const done = new Promise<Build>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, output })));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  return { child, done, exited };
}

/**
 * The processes the build `pid` started that are still running (their environment holds
 * BUILD_PID), or only those whose command line contains `command` (such as 'astro build').
 */
export function processesOfBuild(pid: number, command?: string): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(`BUILD_PID=${pid}`)) continue;
      if (command && !readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').includes(command)) continue;
      pids.push(Number(name));
    } catch {
      // gone, or not ours
    }
  }
  return pids;
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
