import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Gives every thread of this process at least this niceness, never raising one (that needs
 * privileges a worker should not have). On Linux niceness belongs to a thread, and
 * `setPriority()` alone sets only the main one: V8's garbage-collection and compiler threads,
 * started before any code runs, would go on competing with the API at full priority. Threads
 * started later inherit it from the thread that starts them.
 */
export function lowerPriority(nice: number): void {
  for (const thread of threadIds()) {
    try {
      if (getPriority(thread) < nice) setPriority(thread, nice);
    } catch {
      // The thread ended since it was listed.
    }
  }
}

function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    // Not Linux: there the niceness is the whole process's.
    return [process.pid];
  }
}
