import { logger } from "../../shared/logger";
import { maskNumbers } from "../../shared/mask";
import { flowError, reply } from "../response";
import type { Operation } from "./types";

/** E.164 or national digits, as UpdateContactCallbackNumber accepts them. */
const PHONE = /^\+?\d{7,15}$/;
/** The flows set Accounts, Cards, Loans, Fraud; anything else is filed as General. */
const CATEGORY = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * `request_callback`: stores one callback request per contact (a record, PENDING until the
 * callback contact's events move it on; Connect's CreateCallbackContact does the dialling). The number is
 * the one the caller keyed (`callbackNumber` parameter, when the flow passes it) or the number
 * they call from. `status` Queued, also for a retried call that finds its own request.
 */
export const requestCallback: Operation = async (call, deps) => {
  const number = (call.parameters.callbackNumber?.trim() || call.customerNumber || "").replace(/[\s-]/g, "");
  if (!PHONE.test(number)) return flowError("no_callback_number");
  const requested = call.parameters.category?.trim() ?? "";
  const category = CATEGORY.test(requested) ? requested : "General";
  const outcome = await deps.ports.callbacks.request({
    contactId: call.contactId,
    phoneNumber: number,
    category,
    ...(call.queue?.arn ? { queueArn: call.queue.arn } : {}),
    ...(call.queue?.name ? { queueName: call.queue.name } : {}),
  });
  logger.info("callback queued", {
    contactId: call.contactId,
    category,
    callbackNumber: maskNumbers(number),
    duplicate: outcome === "duplicate",
  });
  return reply("Queued");
};
