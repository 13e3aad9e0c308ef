import { parse as parseHcl } from "@cdktf/hcl2json";
import { Testing } from "cdktf";
import {
  AWSCC_PROVIDER_VERSION,
  AwsccProvider,
  CONNECT_INTEGRATION_TYPES,
  ConnectApprovedOrigin,
  ConnectIntegrationAssociation,
  type ConnectIntegrationType,
  LexBotAlias,
} from "../../constructs/awscc";
import { AddressedStack } from "../../constructs/core/addresses";

function synth(build: (stack: AddressedStack) => void): Record<string, any> {
  const stack = new AddressedStack(Testing.app(), "test");
  new AwsccProvider(stack, "awscc", { region: "eu-west-2" });
  build(stack);
  return JSON.parse(Testing.synth(stack, true));
}

describe("awscc bindings", () => {
  it("declare the provider with source hashicorp/awscc and a pinned version", () => {
    const json = synth(() => undefined);
    expect(json.terraform.required_providers.awscc).toStrictEqual({
      source: "hashicorp/awscc",
      version: AWSCC_PROVIDER_VERSION,
    });
    expect(AWSCC_PROVIDER_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.provider.awscc).toStrictEqual([{ region: "eu-west-2" }]);
  });

  it("write awscc_lex_bot_alias attributes in the provider's snake_case shape", () => {
    const json = synth((stack) => {
      new LexBotAlias(stack, "alias", {
        botId: "BOT123",
        botAliasName: "prod",
        botVersion: "3",
        botAliasLocaleSettings: [
          {
            localeId: "en_GB",
            botAliasLocaleSetting: {
              enabled: true,
              codeHookSpecification: {
                lambdaCodeHook: {
                  lambdaArn: "arn:aws:lambda:eu-west-2:1:function:f:live",
                  codeHookInterfaceVersion: "1.0",
                },
              },
            },
          },
        ],
        conversationLogSettings: {
          textLogSettings: [
            {
              enabled: true,
              destination: { cloudwatch: { cloudwatchLogGroupArn: "arn:lg", logPrefix: "lex" } },
            },
          ],
        },
        sentimentAnalysisSettings: { detectSentiment: true },
      });
    });
    expect(json.resource.awscc_lex_bot_alias.alias).toMatchObject({
      bot_id: "BOT123",
      bot_alias_name: "prod",
      bot_version: "3",
      bot_alias_locale_settings: [
        {
          locale_id: "en_GB",
          bot_alias_locale_setting: {
            enabled: true,
            code_hook_specification: {
              lambda_code_hook: {
                lambda_arn: "arn:aws:lambda:eu-west-2:1:function:f:live",
                code_hook_interface_version: "1.0",
              },
            },
          },
        },
      ],
      conversation_log_settings: {
        text_log_settings: [
          {
            enabled: true,
            destination: { cloudwatch: { cloudwatch_log_group_arn: "arn:lg", log_prefix: "lex" } },
          },
        ],
      },
      sentiment_analysis_settings: { detect_sentiment: true },
    });
  });

  it("expose computed attributes as Terraform references", () => {
    const json = synth((stack) => {
      const alias = new LexBotAlias(stack, "alias", { botId: "B", botAliasName: "prod" });
      new ConnectIntegrationAssociation(stack, "assoc", {
        instanceId: "arn:aws:connect:eu-west-2:1:instance/abc",
        integrationArn: alias.arn,
        integrationType: "LEX_BOT",
      });
    });
    expect(json.resource.awscc_connect_integration_association.assoc).toMatchObject({
      instance_id: "arn:aws:connect:eu-west-2:1:instance/abc",
      integration_arn: "${awscc_lex_bot_alias.alias.arn}",
      integration_type: "LEX_BOT",
    });
  });

  it("accept exactly the integration types awscc 1.69 validates: LEX_BOT, LAMBDA_FUNCTION, APPLICATION", () => {
    expect(CONNECT_INTEGRATION_TYPES).toStrictEqual(["LEX_BOT", "LAMBDA_FUNCTION", "APPLICATION"]);
    const associate = (integrationType: ConnectIntegrationType) =>
      synth((stack) => {
        new ConnectIntegrationAssociation(stack, "assoc", {
          instanceId: "arn:aws:connect:eu-west-2:1:instance/abc",
          integrationArn: "arn:aws:lambda:eu-west-2:1:function:f",
          integrationType,
        });
      });
    expect(
      associate("LAMBDA_FUNCTION").resource.awscc_connect_integration_association.assoc.integration_type,
    ).toBe("LAMBDA_FUNCTION");
    // A type the pinned awscc rejects at plan fails at synth instead.
    // @ts-expect-error not an awscc 1.69 integration type
    expect(() => associate("VOICE_ID")).toThrow(
      'assoc: integrationType "VOICE_ID" is not accepted by awscc_connect_integration_association (awscc 1.69): use one of LEX_BOT, LAMBDA_FUNCTION, APPLICATION',
    );
  });

  it("write the same arguments to HCL as to JSON, as HashiCorp's HCL parser reads them back", async () => {
    const build = (stack: AddressedStack) => {
      new AwsccProvider(stack, "awscc_us", { region: "us-east-1", alias: "us" });
      const alias = new LexBotAlias(stack, "alias", {
        botId: "BOT123",
        botAliasName: "prod",
        botVersion: "3",
        description: 'Quotes " survive',
        botAliasLocaleSettings: [
          {
            localeId: "en_GB",
            botAliasLocaleSetting: {
              enabled: true,
              codeHookSpecification: {
                lambdaCodeHook: {
                  lambdaArn: "arn:aws:lambda:eu-west-2:1:function:f:live",
                  codeHookInterfaceVersion: "1.0",
                },
              },
            },
          },
          { localeId: "en_US", botAliasLocaleSetting: { enabled: false } },
        ],
        sentimentAnalysisSettings: { detectSentiment: false },
        botAliasTags: [{ key: "Project", value: "ConnectComprehensive" }],
      });
      new ConnectIntegrationAssociation(stack, "assoc", {
        instanceId: "arn:aws:connect:eu-west-2:1:instance/abc",
        integrationArn: alias.arn,
        integrationType: "LEX_BOT",
      });
      new ConnectApprovedOrigin(stack, "origin", {
        instanceId: "arn:aws:connect:eu-west-2:1:instance/abc",
        origin: "https://ccp.example.com",
      });
    };
    const json = synth(build);
    const stack = new AddressedStack(Testing.app(), "test");
    new AwsccProvider(stack, "awscc", { region: "eu-west-2" });
    build(stack);
    const hcl = await parseHcl("cdk.tf", Testing.synthHcl(stack));

    const awsccTypes = Object.keys(json.resource).filter((type) => type.startsWith("awscc_"));
    expect(awsccTypes).toHaveLength(3);
    for (const type of awsccTypes) {
      for (const [name, body] of Object.entries<Record<string, unknown>>(json.resource[type])) {
        const args = Object.fromEntries(Object.entries(body).filter(([key]) => key !== "//"));
        expect([type, name, hcl.resource[type][name][0]]).toStrictEqual([type, name, args]);
      }
    }
    expect(hcl.provider.awscc).toStrictEqual(json.provider.awscc);
  });
});
