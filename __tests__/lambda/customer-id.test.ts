import { ConfigError, loadConfig as loadStackConfig } from "../../config/load";
import { loadConfig } from "../../lambda/lex_fallback/config";
import { handleTurn } from "../../lambda/lex_fallback/orchestrator";
import {
  canonicalCustomerId,
  customerIdFormatFromEnv,
  customerIdFormatProblems,
  customerIdFormatToEnv,
  DEFAULT_CUSTOMER_ID_FORMAT,
  describeCustomerIdFormat,
  type CustomerIdFormat,
} from "../../lambda/shared/customer-id";
import { pathSegment, UnsafePathSegmentError } from "../../lambda/shared/path-segment";
import { FIXTURE_CUSTOMER_ID_FORMAT } from "./support/customer-ids";
import { lexEvent } from "./support/events";
import { harness } from "./support/in-memory-ports";

const bank = DEFAULT_CUSTOMER_ID_FORMAT;

describe("the canonical customer id (bank default: digits read as a number)", () => {
  it.each(["12345", "012345", "0012345", "00012345", "000012345", " 12345", "012345\t"])(
    "%j is customer 12345",
    (raw) => expect(canonicalCustomerId(raw, bank)).toBe("12345"),
  );

  it("keeps one zero of an all-zero id", () => {
    expect(canonicalCustomerId("000", bank)).toBe("0");
  });

  it.each(["", "   ", "12a45", "12 345", "12.345", "1/2", "%31", "１２３", "1".repeat(17), ".", ".."])(
    "refuses %j",
    (raw) => expect(canonicalCustomerId(raw, bank)).toBeUndefined(),
  );

  it("refuses what is not a string", () => {
    for (const raw of [12345, null, undefined, ["12345"], { id: "12345" }])
      expect(canonicalCustomerId(raw, bank)).toBeUndefined();
  });

  it("folds letters as configured, so ids that ignore case are one customer", () => {
    const letters: CustomerIdFormat = { ...bank, characters: "A-Z0-9-" };
    expect(canonicalCustomerId("c-00123", letters)).toBe("C-00123");
    expect(canonicalCustomerId("0c-1", letters)).toBe("C-1");
    expect(canonicalCustomerId("c-1", { ...letters, letterCase: "preserve" })).toBeUndefined();
  });

  it("never admits a dot-segment, even from a format that allows dots", () => {
    const dotted: CustomerIdFormat = { ...bank, characters: "0-9." };
    expect(customerIdFormatProblems(dotted)).toHaveLength(1);
    expect(canonicalCustomerId("..", dotted)).toBeUndefined();
    expect(canonicalCustomerId(".", dotted)).toBeUndefined();
  });

  it("says what a valid id looks like", () => {
    expect(describeCustomerIdFormat(bank)).toBe("1-16 characters from [0-9]");
  });
});

describe("the format as configuration", () => {
  it("ships the bank default in every environment's config, and the Lambdas fall back to the same", () => {
    for (const env of ["dev", "prod"])
      expect(loadStackConfig({ env }).security.customerIdFormat).toStrictEqual(DEFAULT_CUSTOMER_ID_FORMAT);
    expect(loadConfig({}).customerIdFormat).toStrictEqual(DEFAULT_CUSTOMER_ID_FORMAT);
  });

  it("refuses a character class that lets an id hold path, query or space characters", () => {
    const load = (characters: string) =>
      loadStackConfig({ env: "dev", overrides: { security: { customerIdFormat: { characters } } } });
    expect(() => load("0-9./")).toThrow(ConfigError);
    expect(() => load("0-9./")).toThrow(/security\.customerIdFormat.*only letters, digits/);
    // A body that would close the class and admit anything starting with a digit.
    expect(() => load("0-9]|.*[")).toThrow(/only letters, digits/);
    expect(() => load("\\S")).toThrow(/only letters, digits/);
    // A range from "-" to "_" spans ".", "/", "\\", "?", "=", ":" and ";".
    expect(() => load("--_")).toThrow(/"--_" allows "\.", "\/"/);
    expect(() => load("9-0")).toThrow(/range runs backwards/);
    expect(() =>
      loadStackConfig({
        env: "dev",
        overrides: { security: { customerIdFormat: { minLength: 9, maxLength: 8 } } },
      }),
    ).toThrow(/minLength 9 and maxLength 8/);
  });

  it("travels to the Lambdas as JSON and back unchanged; a tampered value gives the strict default", () => {
    expect(customerIdFormatFromEnv(customerIdFormatToEnv(FIXTURE_CUSTOMER_ID_FORMAT))).toStrictEqual(
      FIXTURE_CUSTOMER_ID_FORMAT,
    );
    for (const value of ["{", '{"characters":"."}', JSON.stringify({ ...bank, characters: "\\s" })])
      expect(customerIdFormatFromEnv(value)).toStrictEqual(DEFAULT_CUSTOMER_ID_FORMAT);
  });
});

describe("URL path segments", () => {
  it.each(["", ".", ".."])("refuses %j", (value) => {
    expect(() => pathSegment(value)).toThrow(UnsafePathSegmentError);
  });

  it("encodes whatever could end or change the segment", () => {
    expect(pathSegment("a/b?c#d")).toBe("a%2Fb%3Fc%23d");
    // Encoded, a percent-encoded dot-segment is no longer one.
    expect(pathSegment("%2e%2e")).toBe("%252e%252e");
    expect(new URL(`https://bank.test/v1/customers/${pathSegment("%2e%2e")}/summary`).pathname).toBe(
      "/v1/customers/%252e%252e/summary",
    );
  });
});

describe("rate limits key on the canonical id", () => {
  it("counts two spellings of one customer on that customer's counters", async () => {
    const h = harness();
    const turn = (customerId: string, slots: Record<string, string>) =>
      handleTurn(lexEvent("CheckBalance", { slots, attributes: { customerId }, inputMode: "DTMF" }), h.deps);
    // Signs in with the correct PIN as "00C-123 ", then asks again as "c-123": one customer.
    const first = await turn("00C-123 ", { AccountType: "current", Pin: "4321" });
    const second = await turn("c-123", { AccountType: "current" });
    for (const reply of [first, second]) expect(reply.messages?.[0]?.content).toContain("£1,024.50");
    const customerKeys = [...h.limits.uses.keys()].filter((key) => key.startsWith("customer#"));
    expect(customerKeys.length).toBeGreaterThan(0);
    expect(customerKeys.filter((key) => !key.startsWith("customer#c-123#"))).toStrictEqual([]);
  });
});
