/**
 * Work that must let the page breathe runs in a new task each time, queued behind what is already
 * waiting (on a page a due animation frame or an input event, in a worker a message), in the order
 * posted. A MessageChannel message rather than setTimeout(0): browsers clamp nested timers to 4 ms
 * and throttle them in hidden pages (HTML Living Standard, "timer initialisation steps", step 5).
 * The training loop (nn/slice-loop.ts) and the text labs' generation worker both queue this way.
 */

/** Queues `task` to run in a task of its own, after those posted before it. */
export type Post = (task: () => void) => void;

/**
 * A `post` with its own MessageChannel: tasks run one per message, in the order posted. Where
 * there is no MessageChannel it falls back to setTimeout(task, 0). Never throws.
 */
export function messagePost(): Post {
  if (typeof MessageChannel !== 'function') return (task) => void setTimeout(task, 0);
  const tasks: (() => void)[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => tasks.shift()?.();
  return (task) => {
    tasks.push(task);
    channel.port2.postMessage(null);
  };
}

/** One channel for every yieldToPage() caller of this page or worker, made on first use. */
let shared: Post | undefined;

/** Resolves in a new task, queued behind what is already waiting (see the module's comment). */
export function yieldToPage(): Promise<void> {
  shared ??= messagePost();
  const post = shared;
  return new Promise((resolve) => post(resolve));
}
