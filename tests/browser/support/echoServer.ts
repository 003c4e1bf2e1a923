import http from 'http';
import { AddressInfo } from 'net';

export interface EchoedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface EchoServer {
  url: string;
  requests: EchoedRequest[];
  close: () => Promise<void>;
}

/** An upstream that answers every request with what it received, to see what the proxy sent. */
export async function startEchoServer(): Promise<EchoServer> {
  const requests: EchoedRequest[] = [];
  const server = http.createServer((req, res) => {
    const echoed = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(echoed);
    res.writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'upstream=1' });
    res.end(JSON.stringify(echoed));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
