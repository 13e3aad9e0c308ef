import { createServer, request as forward, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One DynamoDB call as the proxy sees it: the API (`GetItem`, `UpdateItem`, ...) and its JSON body. */
export interface DynamoCall {
  readonly action: string;
  readonly body: Record<string, any>;
}

/** What to do with one call instead of serving it: a fast 500, a throttle (400), or no answer. */
export type Fault = "error" | "throttle" | "hang";

export interface ProxyOptions {
  /**
   * Capacity model: a call takes `serviceMs` while at most `capacity` calls are in flight, and
   * proportionally longer beyond (the calls share the capacity), so latency grows with load.
   * `background` counts calls of simulated other clients as in flight too; the test may change it
   * between steps. @default no added latency
   */
  readonly load?: { readonly serviceMs: number; readonly capacity: number; background?: number };
  /** Decides a fault per call; undefined serves it. @default every call served */
  readonly fault?: (call: DynamoCall) => Fault | undefined;
}

export interface DynamoProxy {
  readonly endpoint: string;
  /** Calls answered with a fault so far. */
  readonly faults: () => number;
  close(): Promise<void>;
}

/** xorshift32: jitter that is the same on every run. */
function jitter(seed = 0x9e3779b9): () => number {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

/**
 * A loopback proxy in front of dynalite that slows calls under load and injects faults by call,
 * so a test can take one table or one kind of call down, or overload the whole service, while
 * every call it serves is answered by the real engine.
 */
export async function startDynamoProxy(target: string, options: ProxyOptions = {}): Promise<DynamoProxy> {
  const upstream = new URL(target);
  const random = jitter();
  let inFlight = 0;
  let faults = 0;
  const hung: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      const action = String(req.headers["x-amz-target"] ?? "").split(".")[1] ?? "";
      let body: Record<string, any> = {};
      try {
        body = JSON.parse(raw.toString("utf8") || "{}");
      } catch {
        // Not JSON: served as sent, the engine answers it.
      }
      const fault = options.fault?.({ action, body });
      if (fault !== undefined) {
        faults++;
        if (fault === "hang") {
          hung.push(() => res.destroy());
          return;
        }
        const [status, type] =
          fault === "throttle"
            ? [400, "com.amazonaws.dynamodb.v20120810#ThrottlingException"]
            : [500, "com.amazonaws.dynamodb.v20120810#InternalServerError"];
        res.writeHead(status, { "content-type": "application/x-amz-json-1.0" });
        res.end(JSON.stringify({ __type: type, message: "injected by the test proxy" }));
        return;
      }
      inFlight++;
      const load = options.load;
      const sharing = (inFlight + (load?.background ?? 0)) / (load?.capacity ?? 1);
      const delayMs = load ? load.serviceMs * Math.max(1, sharing) * (0.75 + random() / 2) : 0;
      setTimeout(() => {
        const upstreamRequest = forward(
          {
            host: upstream.hostname,
            port: upstream.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            answer.on("end", () => inFlight--);
          },
        );
        upstreamRequest.on("error", () => {
          inFlight--;
          res.destroy();
        });
        upstreamRequest.end(raw);
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults: () => faults,
    close: () => {
      hung.splice(0).forEach((end) => end());
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
