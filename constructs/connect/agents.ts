import { ConnectUser } from "@cdktf/provider-aws/lib/connect-user";
import { DataAwsConnectSecurityProfile } from "@cdktf/provider-aws/lib/data-aws-connect-security-profile";
import { Construct } from "constructs";
import { RemovedFromState, keepAddress, movedFrom, toTerraformName } from "../core/addresses";
import type { IdentityManagementType } from "./instance";

/** One agent (config `connect.agents.<username>`); deliberately has no password field. */
export interface AgentDefinition {
  readonly firstName: string;
  readonly lastName: string;
  /** Work email; with SAML it must match the IdP's identity. */
  readonly email: string;
  /** Routing profile name. */
  readonly routingProfile: string;
  /** Security profile names, e.g. Agent, Admin, CallCenterManager. */
  readonly securityProfiles: readonly string[];
}

export interface AgentsProps {
  /** Connect instance id. */
  readonly instanceId: string;
  /** How agents sign in; CONNECT_MANAGED users are not managed here (they would need a password). */
  readonly identityManagementType: IdentityManagementType;
  /** Agents by user name. */
  readonly agents: Readonly<Record<string, AgentDefinition>>;
  /** Routing profile id for a routing profile name. */
  readonly routingProfileIdFor: (name: string) => string;
}

/**
 * Agent users without passwords (SAML / existing directory sign-in; docs/agents.md). Security
 * profiles are looked up by name at their original addresses (`data.aws_connect_security_profile.agent`).
 */
export class Agents extends Construct {
  public readonly users: Readonly<Record<string, ConnectUser>>;
  public readonly securityProfiles: Readonly<Record<string, DataAwsConnectSecurityProfile>>;

  constructor(scope: Construct, id: string, props: AgentsProps) {
    super(scope, id);
    const usernames = Object.keys(props.agents);
    if (props.identityManagementType === "CONNECT_MANAGED" && usernames.length > 0) {
      throw new Error(
        `Agents at ${this.node.path}: ${usernames.join(", ")} cannot be created with CONNECT_MANAGED identity (CreateUser needs a password, which would land in state); use SAML, or create them in the admin website (docs/agents.md)`,
      );
    }

    const securityProfiles: Record<string, DataAwsConnectSecurityProfile> = {};
    for (const name of new Set(usernames.flatMap((u) => props.agents[u].securityProfiles))) {
      securityProfiles[name] = keepAddress(
        new DataAwsConnectSecurityProfile(this, `security_profile_${name}`, {
          instanceId: props.instanceId,
          name,
        }),
        toTerraformName(name),
      );
    }

    const users: Record<string, ConnectUser> = {};
    for (const username of usernames) {
      const agent = props.agents[username];
      users[username] = movedFrom(
        new ConnectUser(this, username, {
          instanceId: props.instanceId,
          name: username,
          routingProfileId: props.routingProfileIdFor(agent.routingProfile),
          securityProfileIds: agent.securityProfiles.map((p) => securityProfiles[p].securityProfileId),
          identityInfo: { firstName: agent.firstName, lastName: agent.lastName, email: agent.email },
          phoneConfig: { phoneType: "SOFT_PHONE", autoAccept: true },
        }),
        `aws_connect_user.this["${username}"]`,
      );
    }
    if (usernames.length === 0) {
      new RemovedFromState(this, "removed_users", {
        from: "aws_connect_user.this",
        reason:
          "no agents are managed as code here (CONNECT_MANAGED sign-in or none configured): existing users stay, administered in the Connect admin website",
      });
    }
    this.users = users;
    this.securityProfiles = securityProfiles;
  }
}
