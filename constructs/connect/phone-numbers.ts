import { ConnectPhoneNumber } from "@cdktf/provider-aws/lib/connect-phone-number";
import { ConnectPhoneNumberContactFlowAssociation } from "@cdktf/provider-aws/lib/connect-phone-number-contact-flow-association";
import { Construct } from "constructs";
import { RemovedFromState, keepAddress } from "../core/addresses";

export interface PhoneNumbersProps {
  /** Connect instance id (for flow associations). */
  readonly instanceId: string;
  /** Connect instance ARN the numbers are claimed for. */
  readonly instanceArn: string;
  /**
   * Claim the numbers to this traffic distribution group instead of the instance (Global
   * Resiliency: calls then follow the group's distribution). Changing `target_arn` is an in-place
   * UpdatePhoneNumber, so the numbers are never released.
   * @default - the instance
   */
  readonly trafficDistributionGroupArn?: string;
  /**
   * Refuse any plan that would destroy a number (`lifecycle.prevent_destroy`): a released number
   * goes back to the carrier and is lost to the bank. Production requires it (stack rule
   * connect-phone-number-protected).
   * @default false
   */
  readonly preventDestroy?: boolean;
  /** ISO country code of the numbers, e.g. GB. */
  readonly countryCode: string;
  /** Claim a direct-dial number (also the outbound caller id). @default true */
  readonly did?: boolean;
  /** Claim a toll-free number. @default true */
  readonly tollFree?: boolean;
}

/**
 * Claimed numbers at their original addresses (`aws_connect_phone_number.outbound` / `.toll_free`).
 * Routing them to the voice entry flow is declarative (`routeTo`), replacing the original's CLI
 * null_resource.
 */
export class PhoneNumbers extends Construct {
  /** The DID; queues use it as outbound caller id. */
  public readonly did?: ConnectPhoneNumber;
  public readonly tollFree?: ConnectPhoneNumber;
  private readonly instanceId: string;
  private routed = false;

  constructor(scope: Construct, id: string, props: PhoneNumbersProps) {
    super(scope, id);
    this.instanceId = props.instanceId;
    const claim = (name: string, type: string): ConnectPhoneNumber =>
      keepAddress(
        new ConnectPhoneNumber(this, name, {
          targetArn: props.trafficDistributionGroupArn ?? props.instanceArn,
          countryCode: props.countryCode,
          type,
          ...(props.preventDestroy ? { lifecycle: { preventDestroy: true } } : {}),
        }),
        name,
      );
    if (props.did ?? true) this.did = claim("outbound", "DID");
    if (props.tollFree ?? true) this.tollFree = claim("toll_free", "TOLL_FREE");

    new RemovedFromState(this, "removed_associate_phone_numbers", {
      from: "null_resource.associate_phone_numbers",
      reason:
        "replaced by aws_connect_phone_number_contact_flow_association; forgetting it skips its destroy-time CLI disassociate",
    });
  }

  /** Every claimed number. */
  public get all(): ConnectPhoneNumber[] {
    return [this.did, this.tollFree].filter((n): n is ConnectPhoneNumber => n !== undefined);
  }

  /** Send inbound calls on every claimed number to `contactFlowId` (the voice entry flow). Once. */
  public routeTo(contactFlowId: string): ConnectPhoneNumberContactFlowAssociation[] {
    if (this.routed) {
      throw new Error(
        `PhoneNumbers at ${this.node.path}: routeTo was already called; a number has one inbound flow`,
      );
    }
    this.routed = true;
    return this.all.map(
      (number) =>
        new ConnectPhoneNumberContactFlowAssociation(this, `${number.node.id}_flow`, {
          instanceId: this.instanceId,
          phoneNumberId: number.id,
          contactFlowId,
        }),
    );
  }
}
