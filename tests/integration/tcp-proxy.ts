// A loopback TCP proxy in front of PostgreSQL that can go down (dropping every connection and
// refusing new ones) and come back: the app sees what a database restart looks like.
import net from "node:net";
import type { AddressInfo } from "node:net";

export async function startTcpProxy(target: { host: string; port: number }) {
  let down = false;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) return void client.destroy();
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    down() {
      down = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      down = false;
    },
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), [...sockets].forEach((socket) => socket.destroy()))),
  };
}
