/**
 * Gives the page a turn: resolves in a new task, after the browser has had the chance to paint
 * and to handle input waiting since the current task began. Widgets that split long work into
 * chunks await it between chunks, so no single task blocks the page for long.
 */
export const nextTask = (): Promise<void> => new Promise<void>((resolve) => setTimeout(resolve, 0));
