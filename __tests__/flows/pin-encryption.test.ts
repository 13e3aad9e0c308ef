import { Testing, TerraformStack } from "cdktf";
import { prod } from "../../config/environments/prod";
import { loadConfig } from "../../config/load";
import { configSchema } from "../../config/schema";
import { ContactFlowModule } from "../../constructs/flows/contact-flow-module";
import { AUTH_PIN_CAPTURE } from "../../constructs/flows/contact-flows";
import { validateFlowText } from "../../constructs/flows/validator";
import { EncryptedPinInput } from "../../lambda/lex_fallback/adapters/connect-pin-input";
import { SecretCache } from "../../lambda/lex_fallback/adapters/secret-cache";
import { handleContactFlow } from "../../lambda/lex_fallback/connect/orchestrator";
import { logger } from "../../lambda/lex_fallback/shared/logger";
import { remotePolicy } from "../../lambda/lex_fallback/shared/resilience";
import { testKeyPair } from "../lambda/support/connect-encryption";
import { harness } from "../lambda/support/in-memory-ports";
import { resourcesOf, synthStack } from "../support/synth";
import { TEMPLATE_VARIABLES } from "./fixtures";
import { walkFlow } from "./walk";

/**
 * Encrypted PIN entry end to end: the auth module's PIN capture carries InputEncryption when
 * configured, Connect's ciphertext (the real Encryption SDK, in the walker) reaches the real
 * Lambda, which decrypts and verifies it; the digits are in no attribute and no Lambda parameter.
 */
const FILE = "auth_module_flow.json.tftpl";
const KEY_ID = "5d0c7a3e-2f41-4b9a-8e6d-1c3b5a7f9e20";
const CUSTOMER = "12345678";
const PIN = "4321";
const pair = testKeyPair();

function authModule(actionParameters?: Record<string, Record<string, unknown>>): string {
  const stack = new TerraformStack(Testing.app(), "pin-test");
  return new ContactFlowModule(stack, "AuthModule", {
    instanceId: "instance",
    name: "AuthenticationModule",
    template: FILE,
    variables: TEMPLATE_VARIABLES[FILE] ?? {},
    ...(actionParameters ? { actionParameters } : {}),
  }).content;
}

const encryptedModule = () =>
  authModule({
    [AUTH_PIN_CAPTURE]: { InputEncryption: { EncryptionKeyId: KEY_ID, Key: pair.publicKeyPem } },
  });

function pinCapture(content: string): Record<string, unknown> {
  const flow = JSON.parse(content) as {
    Actions: Array<{ Identifier: string; Parameters: Record<string, unknown> }>;
  };
  return flow.Actions.find((a) => a.Identifier === AUTH_PIN_CAPTURE)!.Parameters;
}

beforeAll(() => {
  jest.spyOn(logger, "info").mockImplementation(() => undefined);
  jest.spyOn(logger, "warn").mockImplementation(() => undefined);
});
afterAll(() => jest.restoreAllMocks());

describe("the auth module's PIN capture", () => {
  it("is encrypted when configured, and the flow still validates", () => {
    const content = encryptedModule();
    expect(pinCapture(content)).toMatchObject({
      StoreInput: "True",
      InputValidation: { CustomValidation: { MaximumLength: "6" } },
      InputEncryption: { EncryptionKeyId: KEY_ID, Key: pair.publicKeyPem },
    });
    expect(validateFlowText(content, { flowType: "MODULE" }).filter((f) => f.severity === "error")).toEqual(
      [],
    );
  });

  it("is plain digits with flow logging off when not configured", () => {
    expect(pinCapture(authModule())).not.toHaveProperty("InputEncryption");
  });

  it("refuses to add parameters to a block the module does not have", () => {
    expect(() => authModule({ "no-such-block": { InputEncryption: {} } })).toThrow(
      /no action "no-such-block"/,
    );
  });

  it("a caller keys the PIN, Connect encrypts it, the Lambda decrypts and authenticates; the digits go nowhere", async () => {
    const secrets = new SecretCache(
      async () => ({ send: async () => ({ SecretString: pair.privateKeyPem }) }) as never,
      remotePolicy({ timeoutMs: 1000, attempts: 1 }),
    );
    const h = harness({
      bank: { verifyPin: async (customerId, pin) => customerId === CUSTOMER && pin === PIN },
      pinInput: new EncryptedPinInput(KEY_ID, "pin-key", secrets),
    });
    const w = await walkFlow(encryptedModule(), {
      keyed: { "get-customer-number": [CUSTOMER], "choose-method": ["2"], "get-pin": [PIN] },
      callerNumber: "+447700900123",
      invoke: (event) => handleContactFlow(event, h.deps),
    });
    expect(w.attributes).toMatchObject({ AuthResult: "Authenticated", AuthMethod: "PIN" });
    const sent = w.invocations.find((i) => i.parameters["operation"] === "verify_pin")!;
    expect(sent.parameters["pin"]).not.toContain(PIN);
    expect(sent.parameters["pin"]!.length).toBeGreaterThan(100);
    expect(JSON.stringify(w.attributes)).not.toContain(PIN);
    expect(JSON.stringify(w.invocations.map((i) => i.attributes))).not.toContain(PIN);
  });
});

describe("configuration", () => {
  it("prod refuses to build without encrypted PIN entry, naming the setting", () => {
    const result = configSchema.safeParse({ ...prod, flows: { ...prod.flows, pinEncryption: undefined } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["flows.pinEncryption", expect.stringContaining("docs/pin-encryption.md")],
    ]);
  });

  it("refuses a key that is not a PEM certificate", () => {
    expect(() =>
      loadConfig({
        env: "dev",
        overrides: { flows: { pinEncryption: { keyId: KEY_ID, certificatePem: pair.publicKeyPem } } },
      }),
    ).toThrow(/PEM certificate/);
  });

  it("prod wires the capture, the Lambda's key id and secret, and read access to that secret only", () => {
    const { json } = synthStack("prod");
    const byType = (type: string) => resourcesOf(json).filter(([t]) => t === type);
    const [[, , module]] = byType("aws_connect_contact_flow_module").filter(
      ([, name]) => name === "auth_module",
    );
    const config = loadConfig({ env: "prod" });
    expect(pinCapture(module!.content as string)).toMatchObject({
      InputEncryption: { EncryptionKeyId: config.flows.pinEncryption!.keyId },
    });
    const [[, , fn]] = byType("aws_lambda_function").filter(
      ([, name]) => name === "lex_fallback_lambda_function",
    );
    const secret = "${aws_secretsmanager_secret.pin_encryption_private_key.arn}";
    expect((fn as any).environment.variables).toMatchObject({
      PIN_ENCRYPTION_KEY_ID: config.flows.pinEncryption!.keyId,
      PIN_PRIVATE_KEY_SECRET_ID: secret,
    });
    const [[, , policy]] = byType("aws_iam_role_policy").filter(([, name]) =>
      name.startsWith("lex_fallback"),
    );
    const statements = JSON.parse(policy!.policy as string).Statement as Array<Record<string, any>>;
    expect(statements.find((s) => s.Sid === "PinPrivateKey")).toMatchObject({
      Action: ["secretsmanager:GetSecretValue"],
      Resource: [secret],
    });
    const [[, , key]] = byType("aws_secretsmanager_secret").filter(
      ([, name]) => name === "pin_encryption_private_key",
    );
    expect(key!.kms_key_id).toBe("${aws_kms_key.connect_kms_key_key.arn}");
  });

  it("dev keeps plain capture and creates no key secret", () => {
    const { json } = synthStack("dev");
    expect(Object.keys(json.resource?.["aws_secretsmanager_secret"] ?? {})).not.toContain(
      "pin_encryption_private_key",
    );
  });
});
