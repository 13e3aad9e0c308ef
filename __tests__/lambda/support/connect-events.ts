import { loadEvent } from "./events";

/** Contact id of the fixture; the flow path keys auth state by it. */
export const CONTACT_ID = "5ca32fbd-8f92-46af-92a5-6b0f970f0efe";

/**
 * The Connect InvokeLambdaFunction fixture (the reference example made concrete: caller c-123
 * on +447700900123, queue CardsQueue), with the block's parameters replaced and contact
 * attributes changed where given (undefined deletes one).
 */
export function connectEvent(
  parameters: Record<string, string>,
  attributes: Record<string, string | undefined> = {},
): Record<string, any> {
  const event = loadEvent("connect", "base");
  event.Details.Parameters = parameters;
  const current = event.Details.ContactData.Attributes as Record<string, string>;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) delete current[key];
    else current[key] = value;
  }
  return event;
}
