import * as z from "zod/mini";
import type { CustomerIdFormat } from "../../shared/customer-id";
import { withCanonicalCustomer } from "../shared/claimed-customer";

/**
 * Edge validation of the event Amazon Connect sends for an InvokeLambdaFunction block. Only what
 * the operations read is checked; unknown fields are kept. Contact attributes and the block's
 * LambdaInvocationAttributes (`Parameters`) are flat string maps; other values are dropped.
 */

const maybe = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);

const stringMap = z.pipe(
  z.catch(z.record(z.string(), z.unknown()), {}),
  z.transform((raw) =>
    Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === "string")),
  ),
);

/** Connect sends `null` for an endpoint or queue the contact does not have; `maybe` makes it undefined. */
const endpoint = maybe(z.looseObject({ Address: maybe(z.string()), Type: maybe(z.string()) }));

export const contactFlowEventSchema = z.looseObject({
  Name: z.literal("ContactFlowEvent"),
  Details: z.looseObject({
    ContactData: z.looseObject({
      ContactId: z.string().check(z.minLength(1), z.maxLength(256)),
      Channel: maybe(z.string()),
      Attributes: stringMap,
      CustomerEndpoint: endpoint,
      Queue: maybe(z.looseObject({ ARN: maybe(z.string()), Name: maybe(z.string()) })),
    }),
    Parameters: stringMap,
  }),
});

/** One InvokeLambdaFunction call after edge validation: what every operation reads. */
export interface ContactCall {
  readonly contactId: string;
  /** `operation` parameter of the block. */
  readonly operation: string;
  /** The block's LambdaInvocationAttributes, strings only. May hold a PIN: never log it. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Contact attributes the flows set (e.g. `customerId`, `Category`). */
  readonly attributes: Readonly<Record<string, string>>;
  /** Caller's number when Connect has one (voice); masked in every log. */
  readonly customerNumber: string | undefined;
  readonly queue: { readonly arn?: string; readonly name?: string } | undefined;
}

export type ContactParse =
  | {
      readonly ok: true;
      readonly call: ContactCall;
      /** The contact's customerId attribute was not a customer id and was dropped. */
      readonly customerIdRejected: boolean;
    }
  | { readonly ok: false; readonly reason: "malformed_event" | "missing_operation" };

/** Whether the Lambda was invoked by a contact flow rather than by Lex. */
export function isContactFlowEvent(raw: unknown): boolean {
  return typeof raw === "object" && raw !== null && (raw as { Name?: unknown }).Name === "ContactFlowEvent";
}

/** Validates at the edge; never throws. The claimed customer id leaves here canonical, or not at all. */
export function parseContactCall(raw: unknown, customerIdFormat: CustomerIdFormat): ContactParse {
  const parsed = contactFlowEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "malformed_event" };
  const { ContactData: contact, Parameters: parameters } = parsed.data.Details;
  const operation = parameters.operation?.trim();
  if (!operation) return { ok: false, reason: "missing_operation" };
  const address = contact.CustomerEndpoint?.Address?.trim();
  const claimed = withCanonicalCustomer(contact.Attributes, customerIdFormat);
  return {
    ok: true,
    customerIdRejected: claimed.rejected,
    call: {
      contactId: contact.ContactId,
      operation,
      parameters,
      attributes: claimed.attributes,
      customerNumber: address ? address : undefined,
      queue: contact.Queue ? { arn: contact.Queue.ARN, name: contact.Queue.Name } : undefined,
    },
  };
}
