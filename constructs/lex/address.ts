import type { TerraformResource } from "cdktf";
import { keepAddress, movedFrom } from "../core/addresses";
import type { StateAddress } from "./types";

/** Pin or move a resource to where the original HCL state has it; no-op for new resources. */
export function applyAddress<T extends TerraformResource>(resource: T, address: StateAddress | undefined): T {
  if (address === undefined) return resource;
  return "keep" in address ? keepAddress(resource, address.keep) : movedFrom(resource, address.movedFrom);
}
