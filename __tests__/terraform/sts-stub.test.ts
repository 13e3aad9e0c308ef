import { request } from "node:http";
import { connect } from "node:net";
import { startStsStub, type StsStub } from "../../scripts/terraform/sts-stub";

function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    req.on("response", (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** What an HTTPS client does through a proxy: CONNECT host:443. */
function tunnel(url: string, target: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () =>
      socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n\r\n`),
    );
    let text = "";
    socket.on("data", (c) => (text += c));
    socket.on("end", () => resolve(text));
    socket.on("error", reject);
  });
}

describe("the loopback STS stub and proxy of the offline plan", () => {
  let stub: StsStub;
  beforeAll(async () => {
    stub = await startStsStub("123456789012");
  });
  afterAll(() => stub.close());

  it("answers GetCallerIdentity in the STS Query API's XML with the configured account", async () => {
    const { status, text } = await post(stub.url, "Action=GetCallerIdentity&Version=2011-06-15");
    expect(status).toBe(200);
    expect(text).toContain("<Account>123456789012</Account>");
    expect(text).toContain("<Arn>arn:aws:iam::123456789012:user/offline-plan</Arn>");
    expect(stub.callerIdentityCalls()).toBe(1);
  });

  it("refuses any other STS action and records it", async () => {
    const { status } = await post(stub.url, "Action=AssumeRole&Version=2011-06-15");
    expect(status).toBe(400);
    expect(stub.refused).toContain("sts AssumeRole");
  });

  it("refuses a tunnel to any other host and records the host, so nothing leaves the machine unseen", async () => {
    const reply = await tunnel(stub.url, "kinesis.eu-west-2.amazonaws.com:443");
    expect(reply).toMatch(/^HTTP\/1\.1 403/);
    expect(stub.refused).toContain("CONNECT kinesis.eu-west-2.amazonaws.com:443");
  });
});
