/**
 * A loopback stand-in for the one AWS call an offline plan of this stack makes: STS
 * GetCallerIdentity (for data.aws_caller_identity). It is also terraform's HTTP(S) proxy, so any
 * other call (another AWS API, a registry, a checkpoint) is refused here and reported by host
 * instead of leaving the machine.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StsStub {
  /** `http://127.0.0.1:<port>`: the provider's `endpoints.sts`, and the proxy for everything else. */
  readonly url: string;
  /** Calls that were refused: `CONNECT host:port`, or an STS action other than GetCallerIdentity. */
  readonly refused: readonly string[];
  /** How many GetCallerIdentity calls were answered. */
  callerIdentityCalls(): number;
  close(): Promise<void>;
}

/** The response shape of the STS API reference (GetCallerIdentity, Query API, XML). */
export function callerIdentityXml(accountId: string): string {
  return [
    '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    "  <GetCallerIdentityResult>",
    `    <Arn>arn:aws:iam::${accountId}:user/offline-plan</Arn>`,
    "    <UserId>AIDAOFFLINEPLANSTUB0001</UserId>",
    `    <Account>${accountId}</Account>`,
    "  </GetCallerIdentityResult>",
    "  <ResponseMetadata><RequestId>00000000-0000-4000-8000-000000000000</RequestId></ResponseMetadata>",
    "</GetCallerIdentityResponse>",
  ].join("\n");
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { "content-type": "text/xml" });
  res.end(
    `<ErrorResponse><Error><Type>Sender</Type><Code>OfflinePlan</Code><Message>${message}</Message></Error></ErrorResponse>`,
  );
}

export async function startStsStub(accountId: string): Promise<StsStub> {
  const refused: string[] = [];
  let answered = 0;
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      // An absolute URL means terraform used us as a proxy for some other host.
      if (/^https?:\/\//.test(req.url ?? "")) {
        refused.push(`${req.method} ${req.url}`);
        return refuse(res, 403, "the offline plan makes no network calls");
      }
      const action = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("Action");
      if (action !== "GetCallerIdentity") {
        refused.push(`sts ${action ?? req.method}`);
        return refuse(res, 400, `the offline STS stub answers GetCallerIdentity only, not ${action}`);
      }
      answered += 1;
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(callerIdentityXml(accountId));
    });
  };
  const server: Server = createServer(handle);
  server.on("connect", (req: IncomingMessage, socket) => {
    refused.push(`CONNECT ${req.url}`);
    socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  // terraform keeps connections alive; they must not hold the process open after the plan.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    refused,
    callerIdentityCalls: () => answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
