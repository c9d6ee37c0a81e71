/**
 * Resolves in a later task of the browser's event loop (not a microtask): work after it
 * runs once the browser has had the chance to paint and to handle a tap. A message
 * channel, because a nested setTimeout waits at least 4 ms.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}
