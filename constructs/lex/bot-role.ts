import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { applyAddress } from "./address";
import type { StateAddress } from "./types";

export interface BotRoleProps {
  /** Bot name; the role is `<bot>-lex-role`. */
  readonly botName: string;
  /** Account that owns the bot (confused-deputy guard on the trust policy). */
  readonly accountId: string;
  /** ARN of the conversation log group the bot writes text logs to. */
  readonly logGroupArn: string;
  /** Allow Comprehend sentiment (the alias has sentiment analysis on). */
  readonly detectSentiment: boolean;
  /** Original addresses of the role and its policy. @default - new resources */
  readonly roleAddress?: StateAddress;
  readonly policyAddress?: StateAddress;
}

/**
 * The bot's runtime role, least privilege: Polly for voice, Comprehend for sentiment, and write
 * access to its own conversation log group only. Lex calls the code hook through the Lambda's
 * resource policy, so the role needs no lambda:InvokeFunction.
 */
export class BotRole extends Construct {
  public readonly role: IamRole;
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: BotRoleProps) {
    super(scope, id);
    this.role = applyAddress(
      new IamRole(this, "Role", {
        name: `${props.botName}-lex-role`,
        description: `Runtime role of the Lex V2 bot ${props.botName}`,
        assumeRolePolicy: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            {
              Effect: "Allow",
              Principal: { Service: "lexv2.amazonaws.com" },
              Action: "sts:AssumeRole",
              Condition: { StringEquals: { "aws:SourceAccount": props.accountId } },
            },
          ],
        }),
      }),
      props.roleAddress,
    );

    const statements: Record<string, unknown>[] = [
      // Polly has no resource-level permission for voices; "*" is what the API accepts.
      { Sid: "Speech", Effect: "Allow", Action: ["polly:SynthesizeSpeech"], Resource: "*" },
      {
        Sid: "ConversationLogs",
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: `${props.logGroupArn}:*`,
      },
    ];
    if (props.detectSentiment) {
      // DetectSentiment supports no resource-level permission.
      statements.push({
        Sid: "Sentiment",
        Effect: "Allow",
        Action: ["comprehend:DetectSentiment"],
        Resource: "*",
      });
    }
    this.policy = applyAddress(
      new IamRolePolicy(this, "Policy", {
        name: `${props.botName}-lex-policy`,
        role: this.role.id,
        policy: JSON.stringify({ Version: "2012-10-17", Statement: statements }),
      }),
      props.policyAddress,
    );
  }
}
