/**
 * Loaded into every child process of npm run build (NODE_OPTIONS --import, scripts/build.ts):
 * ends the process as soon as the process that started it is gone. A build killed with
 * SIGKILL cannot end its children itself, and an Astro child left running would go on
 * writing into dist.tmp-* after the next build had removed it. When its parent dies a
 * process is handed to another (init or a subreaper), so a changed parent id means orphaned.
 */
const startedBy = process.ppid;
setInterval(() => {
  if (process.ppid !== startedBy) process.kill(process.pid, 'SIGKILL');
}, 250).unref();

export {};
